"""A project's check configuration: checks switched off and severities changed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from workbench.errors import UserError
from workbench.model import SEVERITIES
from workbench.qa.checks import check_ids
from workbench.qa.engines.harper_rules import known_check_ids as engine_check_ids


@dataclass(frozen=True)
class CheckConfig:
    """Checks switched off and severities changed, per project."""

    disabled: frozenset[str] = frozenset()
    severity: dict = field(default_factory=dict)

    def __post_init__(self):
        known = set(check_ids()) | engine_check_ids(set(self.disabled) | set(self.severity))  # Harper's rules too
        unknown = sorted((set(self.disabled) | set(self.severity)) - known)
        if unknown:
            raise UserError(f"unknown check id(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        bad = {k: v for k, v in self.severity.items() if v not in SEVERITIES}
        if bad:
            raise UserError(f"severity must be one of {', '.join(SEVERITIES)}, not {bad}")

    def key(self) -> str:
        return json.dumps([sorted(self.disabled), sorted(self.severity.items())])

    @classmethod
    def from_dict(cls, data: dict) -> CheckConfig:
        return cls(frozenset(data.get("disabled", [])), dict(data.get("severity", {})))

    def to_dict(self) -> dict:
        return {"disabled": sorted(self.disabled), "severity": dict(sorted(self.severity.items()))}
