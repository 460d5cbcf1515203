"""Harper (harper-py), the offline Rust grammar checker, behind the GrammarEngine interface."""

from __future__ import annotations

import re
import threading

from workbench.qa.engines.base import EngineUnavailable
from workbench.qa.engines.harper_rules import (
    DEFAULT_KIND,
    LINT_KINDS,
    check_id,
    rule_check_id,
    setting,
)
from workbench.qa.engines.harper_spelling import (
    BRITISH_SPELLING,
    SPELLING_KINDS,
    inside_name,
    is_typo_correction,
    spelling_kind,
)
from workbench.model import Finding
from workbench.text.scripts import CJK

# Han ideographs (with extensions), kana, hangul, bopomofo, CJK punctuation and fullwidth forms
CJK_RUN = re.compile(rf"[\s{CJK}]*[{CJK}][\s{CJK}]*")
POSSESSIVE = re.compile(r"['\u2019]s$")


def is_cjk_run(text: str) -> bool:
    """True when ``text`` is CJK characters (and spaces between them), which Harper cannot judge."""
    return bool(CJK_RUN.fullmatch(text))


def is_protected(word: str, protected: set[str]) -> bool:
    """A name from the glossary, also in its possessive (``Weidong's``) or all-caps form."""
    bare = POSSESSIVE.sub("", word)
    return bare in protected or (bare.isupper() and bare.title() in protected)


def replacement(problem_text: str, kind: int, text: str) -> str:
    """The full text that replaces the lint's span for one Harper suggestion."""
    if kind == 1:  # SuggestionKind.REMOVE
        return ""
    if kind == 2:  # SuggestionKind.INSERT_AFTER
        return problem_text + text
    return text


def typed_dash(text: str, start: int, end: int) -> str | None:
    """The dash a typed "--" stands for. Harper reads "--" as TeX does (an en dash), but in prose a
    typewriter "--" is an em dash ("(Xinhua) -- The", "came -- and went"); only between two figures
    (1990--2000) is it the en dash of a range. None when the span is not a typed double hyphen."""
    if text[start:end] != "--":
        return None
    between_figures = start > 0 and end < len(text) and text[start - 1].isdigit() and text[end].isdigit()
    return "\u2013" if between_figures else "\u2014"


def _package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


DISABLED_RULES = ("LongSentences",)


class HarperEngine:
    """Grammar, spelling and style findings from Harper, offline, one check id per Harper rule
    (harper_oxford_comma) at the severity of the table in harper_rules.py; a misspelling that is a
    British spelling or an American variant gets its own id (harper_spelling.py).

    Building ``harper.Linter`` loads the curated dictionary (about a second), so one engine
    object holds one linter; a lock serialises calls because the linter is not thread-safe.
    """

    name = "harper"

    def __init__(self, dialect: str = "american") -> None:
        try:
            import harper
        except ImportError as error:
            raise EngineUnavailable(f"Harper is not installed ({error}): run pip install harper-py") from None
        try:
            self._linter = harper.Linter(harper.Dialect[dialect.upper()])
        except KeyError:
            choices = ", ".join(d.name.lower() for d in harper.Dialect)
            raise EngineUnavailable(f"Harper has no dialect {dialect!r}: choose one of {choices}") from None
        # LongSentences flags whole sentences (press releases are long by habit) and Harper then
        # hides every other lint inside that span, such as a misspelling: switch it off.
        config = self._linter.get_lint_config()
        config.update({rule: False for rule in DISABLED_RULES if rule in config})
        self._linter.set_lint_config(config)
        self._lock = threading.Lock()
        self._protected: set[str] = set()
        self._dialect = dialect.upper()
        self.version = f"{_package_version('harper-py')}/{dialect.lower()}"  # for the run's signature
        self._british_linter = None
        self._dictionary_answers: dict[tuple[int, str], bool] = {}  # (linter, word) -> accepted

    def add_words(self, words: list[str]) -> None:
        """Teach Harper the names (Weidong, Rizhao, ...) that must never be reported as misspellings."""
        new = sorted({w.strip() for w in words if w.strip()} - self._protected)
        if not new:
            return
        with self._lock:
            self._linter.import_words(new)  # one batch: Harper rebuilds its dictionary per call
        self._protected.update(new)

    def check(self, text: str) -> list[Finding]:
        if not text.strip():
            return []
        with self._lock:
            # organized_lints costs what lint costs (measured on the news drafts) and names the rule
            by_rule = self._linter.organized_lints(text, language="plaintext")
        findings = [self._finding(text, rule, lint) for rule, lints in by_rule.items() for lint in lints]
        return sorted((f for f in findings if f is not None), key=lambda f: (f.start, f.end, f.check))

    def _finding(self, text: str, rule: str, lint) -> Finding | None:
        # harper-py spans are code points into the str it was given (checked with Chinese,
        # curly quotes and emoji before the error), so they index ``text`` directly.
        start, end = lint.span.start, lint.span.end
        problem = text[start:end]
        assert problem == lint.problem_text, (lint.problem_text, problem)
        if is_cjk_run(problem):
            return None
        rule_setting, check, message = setting(rule, lint.lint_kind), rule_check_id(rule), lint.message
        if rule_setting.category == "spelling" and is_protected(problem, self._protected):
            return None
        kind = None
        if rule == "SpellCheck":
            offered = [x.replacement_text for x in lint.suggestions]
            kind = spelling_kind(problem, self._american, self._british, offered)
        american = None
        in_name = rule == "SpellCheck" and inside_name(text, start)
        if kind is not None:  # centre, cancelled: judged apart from real misspellings
            check, message, american = kind
            rule_setting = SPELLING_KINDS[check]
            if check == BRITISH_SPELLING and in_name:
                return None  # the Historic Centre of Macao is its name
        category = "spacing" if rule_setting.category == "punctuation" and problem.isspace() else rule_setting.category
        dash = typed_dash(text, start, end) if rule == "Dashes" else None
        suggestions: list[str] = [american or dash] if american or dash else []
        # a word of a known kind (British, a variant, a name's case) has one correction, its American
        # form: Harper's other suggestions are the nearest words by edits, which change the word
        # a name's spelling is its owner's (Lisboa is not "Lisbon"); for a word Harper does not know, only
        # a typo's correction is offered, not the nearest other word (blocization is not "colonization")
        for suggestion in () if kind is not None or dash or in_name else lint.suggestions:
            value = replacement(problem, int(suggestion.kind), suggestion.replacement_text)
            if rule == "SpellCheck" and not is_typo_correction(problem, value):
                continue
            if value != problem and value not in suggestions:
                suggestions.append(value)
        return Finding(check=check, category=category, severity=rule_setting.severity,
                       message=message, start=start, end=end, text=problem,
                       suggestions=tuple(suggestions), engine=self.name, safe=False)

    def _american(self, word: str) -> bool:
        """True when Harper's own dictionary accepts ``word`` on its own (canceled, weaponization)."""
        return self._accepts(self._linter, word)

    def _british(self, word: str) -> bool:
        """True when Harper's British dictionary accepts ``word`` (centre, programme). The British
        linter is built on the first word that needs it; an engine that is not American has none."""
        if self._dialect != "AMERICAN":
            return False
        if self._british_linter is None:
            import harper

            with self._lock:
                self._british_linter = self._british_linter or harper.Linter(harper.Dialect.BRITISH)
        return self._accepts(self._british_linter, word)

    def _accepts(self, linter, word: str) -> bool:
        key = (id(linter), word)
        known = self._dictionary_answers.get(key)
        if known is None:
            with self._lock:
                known = not linter.lint(word, language="plaintext")
            self._dictionary_answers[key] = known
        return known


# LINT_KINDS, DEFAULT_KIND and check_id stay importable from here: tests/qa/real_drafts.py's "Harper alone"
# baseline reports Harper per lint kind with them.
__all__ = ["DEFAULT_KIND", "DISABLED_RULES", "LINT_KINDS", "HarperEngine", "check_id", "is_cjk_run", "is_protected",
           "replacement", "rule_check_id"]
