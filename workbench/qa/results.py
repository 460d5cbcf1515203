"""What the checker gives: a report per pair, the cache between runs, and the signature
that says which checks, settings, engine, glossary and aligner produced a set of findings."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from workbench.model import Finding, Pair, Term


@dataclass(frozen=True, slots=True)
class PairReport:
    """A checked pair and its findings. The checker takes ``workbench.model.Pair``s and gives these back,
    one per pair, in order; the pair is the one it was given."""

    pair: Pair
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class RunSignature:
    """Everything a set of findings depends on besides the text, as sacrebleu signs its scores: two runs
    with the same signature on the same pairs give the same findings, and a changed signature says why
    findings differ (a check switched off, another engine version, a new glossary, another aligner)."""

    checks: tuple[str, ...]  # the check ids that ran ("grammar" for the engine)
    config: dict  # CheckConfig.to_dict()
    engine: str  # "none", or the engine's name and version
    glossary: str  # "<number of terms> terms@<digest>"
    aligner: str  # the aligner's parameters version, or how a bilingual file's pairs were taken
    workbench: str

    def text(self) -> str:
        """One line: ``checks:27@1a2b3c4d|config:default|engine:harper-0.2.1|glossary:5 terms@…|aligner:…|version:…``."""
        checks = hashlib.sha256(",".join(self.checks).encode()).hexdigest()[:8]
        config = ("default" if not (self.config.get("disabled") or self.config.get("severity"))
                  else hashlib.sha256(json.dumps(self.config, sort_keys=True).encode()).hexdigest()[:8])
        return (f"checks:{len(self.checks)}@{checks}|config:{config}|engine:{self.engine}|glossary:{self.glossary}"
                f"|aligner:{self.aligner}|version:{self.workbench}")

    def to_dict(self) -> dict:
        return {"text": self.text(), "checks": list(self.checks), "config": self.config, "engine": self.engine,
                "glossary": self.glossary, "aligner": self.aligner, "workbench": self.workbench}


class FindingCache:
    """Findings per segment, keyed by everything they depend on; a plain dict that can be pickled."""

    def __init__(self, entries: dict | None = None):
        self.entries: dict[str | tuple, tuple] = entries or {}
        self.hits = 0

    def get(self, key: str | tuple):
        found = self.entries.get(key)
        if found is not None:
            self.hits += 1
        return found

    def put(self, key: str | tuple, findings: tuple) -> None:
        self.entries[key] = findings


def glossary_key(terms: tuple[Term, ...]) -> str:
    digest = hashlib.sha256()
    for term in terms:
        digest.update(json.dumps([term.source, term.target, term.type, term.forbidden]).encode())
    return digest.hexdigest()[:16]


SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def deduplicate(findings: list[Finding]) -> tuple[Finding, ...]:
    """One finding per problem: a finding inside the span of a safe fix is dropped ("Jiang Wei dong" is
    a forbidden variant, a split name and an inconsistency: report it once)."""
    if len(findings) < 2:
        return tuple(findings)
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), SEVERITY_RANK.get(f.severity, 3),
                                              f.category == "consistency", f.check))
    kept: list[Finding] = []
    for finding in ordered:
        # only a safe fix covers what lies inside it; a finding that merely points at the whole
        # segment (a missing term, a missing number) must not hide the others
        if any(k.fix is not None and k.start <= finding.start and finding.end <= k.end and k.end > k.start
               for k in kept):
            continue
        kept.append(finding)
    return tuple(sorted(kept, key=lambda f: (f.start, f.end, f.check)))
