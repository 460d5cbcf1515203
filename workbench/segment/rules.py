"""Break and no-break rules as data (an SRX-like table per language) and their loading."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from workbench.errors import UserError

LANGUAGES = ("zh", "en")
# How far back a "before" pattern may look; rules are about abbreviations and punctuation.
LOOKBEHIND = 64


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of a rule table: at a position, ``before`` matches the text ending there and
    ``after`` the text starting there; ``breaks`` says whether a sentence ends there."""

    breaks: bool
    before: re.Pattern
    after: re.Pattern
    option: str = ""
    why: str = ""

    def matches(self, text: str, position: int) -> bool:
        # "after" first: anchored at the position, it fails at once on most rows; "before" is a search
        if self.after.match(text, position) is None:
            return False
        return self.before.search(text[max(0, position - LOOKBEHIND) : position]) is not None


@dataclass(frozen=True, slots=True)
class RuleSet:
    language: str
    rules: tuple[Rule, ...]
    # One regex per break rule that finds candidate positions in a single pass.
    candidates: tuple[re.Pattern, ...]


def load_rules(language: str, extra: Path | None = None, options: frozenset[str] = frozenset()) -> RuleSet:
    """The built-in table for ``language``; rules from ``extra`` (same columns) come first and win."""
    if language not in LANGUAGES:
        raise UserError(f"no segmentation rules for language {language!r}; use one of {', '.join(LANGUAGES)}")
    builtin = resources.files("workbench.segment").joinpath(f"rules/{language}.tsv").read_text("utf-8")
    rows = []
    if extra is not None:
        try:
            rows += _parse(extra.read_text("utf-8"), str(extra))
        except (OSError, UnicodeDecodeError) as error:
            raise UserError(f"{extra}: cannot read segmentation rules ({error})") from None
    rows += _parse(builtin, f"{language}.tsv")
    rules = tuple(rule for rule in rows if not rule.option or rule.option in options)
    candidates = tuple(
        re.compile(f"(?:{rule.before.pattern[:-2]})(?={rule.after.pattern})") for rule in rules if rule.breaks
    )
    return RuleSet(language, rules, candidates)


def _parse(table: str, name: str) -> list[Rule]:
    lines = [line for line in table.splitlines() if line.strip() and not line.startswith("#")]
    rules = []
    names: dict[str, str] = {}  # "define" rows: patterns the rules share, written %NAME%
    for number, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
        if row[0] == "action":
            continue
        row += [""] * (5 - len(row))
        action, before, after, option, why = row[:5]
        if action == "define":
            names[before] = _expand(after, names, name, number)
            continue
        before, after = _expand(before, names, name, number), _expand(after, names, name, number)
        if action not in ("break", "no-break"):
            raise UserError(f"{name}: rule {number}: action must be break, no-break or define, not {action!r}")
        try:
            rules.append(Rule(action == "break", re.compile(f"(?:{before})\\Z"), re.compile(after), option, why))
        except re.error as error:
            raise UserError(f"{name}: rule {number}: bad regular expression ({error})") from None
    return rules


def _expand(pattern: str, names: dict[str, str], table: str, number: int) -> str:
    """Replace each %NAME% by the pattern a define row gave it."""
    def named(match: re.Match) -> str:
        if match[1] not in names:
            raise UserError(f"{table}: rule {number}: %{match[1]}% is not defined by an earlier define row")
        return f"(?:{names[match[1]]})"
    return re.sub(r"%([A-Z_]+)%", named, pattern)
