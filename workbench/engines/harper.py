"""Harper (harper-py), the offline Rust grammar checker, behind the GrammarEngine interface."""

from __future__ import annotations

import re
import threading

from workbench.engines.base import EngineUnavailable
from workbench.model import Finding

# Harper's lint kinds -> (category, severity). A kind missing here is grammar/warning.
# Typo ("teh" -> "the") is listed as spelling: to a translator it is a misspelling, not grammar.
LINT_KINDS: dict[str, tuple[str, str]] = {
    "Agreement": ("grammar", "error"),
    "Capitalization": ("grammar", "warning"),
    "Enhancement": ("style", "warning"),
    "Formatting": ("punctuation", "warning"),
    "Grammar": ("grammar", "error"),
    "Punctuation": ("punctuation", "warning"),
    "Readability": ("style", "warning"),
    "Repetition": ("repetition", "warning"),
    "Spelling": ("spelling", "error"),
    "Style": ("style", "warning"),
    "Typo": ("spelling", "error"),
    "WordChoice": ("style", "warning"),
}
DEFAULT_KIND = ("grammar", "warning")

# Han ideographs (with extensions), kana, hangul, bopomofo, CJK punctuation and fullwidth forms.
CJK_CHARS = (r"\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
             r"\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff")
CJK_RUN = re.compile(rf"[\s{CJK_CHARS}]*[{CJK_CHARS}][\s{CJK_CHARS}]*")
POSSESSIVE = re.compile(r"['\u2019]s$")


def check_id(lint_kind: str) -> str:
    """``WordChoice`` -> ``harper_word_choice``: stable ids derived from Harper's kind keys."""
    return "harper_" + re.sub(r"(?<!^)(?=[A-Z])", "_", lint_kind).lower()


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


DISABLED_RULES = ("LongSentences",)


class HarperEngine:
    """Grammar, spelling and style findings from Harper, offline.

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
            lints = self._linter.lint(text, language="plaintext")
        findings = [self._finding(text, lint) for lint in lints]
        return [f for f in findings if f is not None]

    def _finding(self, text: str, lint) -> Finding | None:
        # harper-py spans are code points into the str it was given (checked with Chinese,
        # curly quotes and emoji before the error), so they index ``text`` directly.
        start, end = lint.span.start, lint.span.end
        problem = text[start:end]
        assert problem == lint.problem_text, (lint.problem_text, problem)
        if is_cjk_run(problem):
            return None
        category, severity = LINT_KINDS.get(lint.lint_kind, DEFAULT_KIND)
        if category == "spelling" and is_protected(problem, self._protected):
            return None
        if category == "punctuation" and problem.isspace():
            category = "spacing"
        suggestions: list[str] = []
        for suggestion in lint.suggestions:
            value = replacement(problem, int(suggestion.kind), suggestion.replacement_text)
            if value != problem and value not in suggestions:
                suggestions.append(value)
        return Finding(check=check_id(lint.lint_kind), category=category, severity=severity,
                       message=lint.message, start=start, end=end, text=problem,
                       suggestions=tuple(suggestions), engine=self.name, safe=False)
