"""Which Harper rules are on by default, at which severity: one explicit table, decided from measured figures.

Every Harper finding gets the check id of the rule that fired (``OxfordComma`` -> ``harper_oxford_comma``),
so a reviewer can see which rule spoke and switch a hint on (``--severity harper_oxford_comma=warning``).

The severities come from ``bench/real_drafts.py`` on the WMT23 news corpus (3 professional MQM raters a
segment), with the workbench's filters applied, sanity-checked for false alarms on the WMT21 TED corpus
(1 rater a segment). "confirmed" is the share of findings on a span a rater marked with an error of the
same type; "chance" is what a span of the same length at a random place would get. A rule is on by
default (warning/error) only when its confirmed rate is >= 0.5 and well above chance; otherwise it is a
hint (info). A rule that fired too rarely to be measured takes the default of its lint kind
(``LINT_KINDS``), itself set from the kind's measured figures: only Formatting and Punctuation measure
well, so an unmeasured rule of any other kind is a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class RuleSetting:
    """How one Harper rule is reported, and the figures (news; TED) the severity was decided from."""

    category: str
    severity: str
    measured: str


# Harper's lint kinds -> (category, default severity of a rule not in RULES).
# Typo ("teh" -> "the") is spelling: to a translator it is a misspelling, not grammar.
# Measured per kind on news, Harper alone (confirmed/findings): Formatting 65/98, Punctuation 2/4;
# Style 22/105, WordChoice 4/55, Typo 12/33, Capitalization 0/17, Agreement 0/13, Miscellaneous 0/8,
# Repetition 0/4 (repeated_word does this), Redundancy 1/4, Regionalism 0/3, Usage 1/2.
LINT_KINDS: dict[str, tuple[str, str]] = {
    "Agreement": ("grammar", "info"),
    "BoundaryError": ("spacing", "info"),
    "Capitalization": ("grammar", "info"),
    "Enhancement": ("style", "info"),
    "Eggcorn": ("style", "info"),
    "Formatting": ("punctuation", "warning"),
    "Grammar": ("grammar", "info"),
    "Malapropism": ("style", "info"),
    "Miscellaneous": ("grammar", "info"),
    "Nonstandard": ("style", "info"),
    "Punctuation": ("punctuation", "warning"),
    "Readability": ("style", "info"),
    "Redundancy": ("style", "info"),
    "Regionalism": ("style", "info"),
    "Repetition": ("repetition", "info"),
    "Spelling": ("spelling", "info"),
    "Style": ("style", "info"),
    "Typo": ("spelling", "warning"),
    "Usage": ("style", "info"),
    "WordChoice": ("style", "info"),
}
DEFAULT_KIND = ("grammar", "info")

# Rules that fired often enough on the corpora to be judged, by name. Figures: confirmed/findings (rate)
# on news after the workbench's filters; TED where it adds something.
RULES: dict[str, RuleSetting] = {
    "CommaFixes": RuleSetting("punctuation", "warning", "news 2/2 (space before a comma)"),
    "Dashes": RuleSetting("punctuation", "warning", "news 7/8 (0.88, chance 0.08); TED 118/310 (0.38, chance 0.02)"),
    "DisjointPrefixes": RuleSetting("spelling", "info", "news 4/13 (0.31, chance 0.14); TED 5/43 (0.12): "
                                                        "pre-pandemic and co-hosted are correct English"),
    "EllipsisLength": RuleSetting("punctuation", "warning", "news 2/2; TED 0/2"),
    "MassNouns": RuleSetting("grammar", "info", "news 0/9 (\"a Chinese unmanned aircraft\" taken as a mass noun)"),
    "MergeWords": RuleSetting("style", "info", "news 1/11 (0.09): Viet Nam, Ha Noi are official spellings"),
    "NumericRangeEnDash": RuleSetting("punctuation", "info", "news 1/11 (0.09): AP style writes 2023-2027"),
    "OrthographicConsistency": RuleSetting("grammar", "info", "news 0/9: LIPs, Kim Jong Un's"),
    "OxfordComma": RuleSetting("style", "info", "news 22/105 (0.21, chance 0.21); TED 1/87: AP style has no "
                                                "serial comma, and it splits \"A and B, C and D\" lists wrongly"),
    "PronounKnew": RuleSetting("style", "info", "news 0/10 (\"What new discoveries\")"),
    "PronounVerbAgreement": RuleSetting("grammar", "info", "news 0/3; TED 0/38"),
    "SentenceCapitalization": RuleSetting("grammar", "info", "news 0/8 (Co., Ltd. and): lowercase_sentence_start "
                                                             "does this"),
    "SpellCheck": RuleSetting("spelling", "warning", "news 8/11 (0.73, chance 0.29) once names, pinyin, codes "
                                                     "and British spellings are set apart (engines/noise.py, "
                                                     "harper_spelling.py); TED about 18/100 (technical words)"),
    "SplitWords": RuleSetting("spelling", "info", "news 10/31 (0.32, chance 0.22); TED 8/31: teamLab, subforums"),
    "UnclosedQuotes": RuleSetting("punctuation", "info", "quote_marks judges quotations per paragraph"),
    "UpdatePlaceNames": RuleSetting("style", "info", "news 0/20 (Turkey -> Türkiye)"),
    "UseEllipsisCharacter": RuleSetting("punctuation", "info", "news 9/16 (0.56, chance 0.04), but read by hand 7 "
                                                              "of 10 were false: AP and Xinhua copy writes \"...\""),
    "WrongNegative": RuleSetting("style", "info", "news 2/8 (Indo-Pacific -> Undo)"),
}


def rule_check_id(rule: str) -> str:
    """``OxfordComma`` -> ``harper_oxford_comma``: stable ids derived from Harper's rule names."""
    return "harper_" + re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", rule).lower()


def check_id(lint_kind: str) -> str:
    """``WordChoice`` -> ``harper_word_choice``: the id of a lint kind (Harper alone, per kind)."""
    return rule_check_id(lint_kind)


def setting(rule: str, lint_kind: str) -> RuleSetting:
    """The table's setting for ``rule``, or the default of its lint kind when the rule was not measured."""
    known = RULES.get(rule)
    if known is not None:
        return known
    category, severity = LINT_KINDS.get(lint_kind, DEFAULT_KIND)
    return RuleSetting(category, severity, f"not measured: the default of lint kind {lint_kind}")


def engine_check_ids(rules=()) -> list[str]:
    """The ids a project configuration may name: every rule of the table and ``rules`` (all of Harper's)."""
    from workbench.qa.engines.harper_spelling import SPELLING_KINDS

    return sorted({rule_check_id(r) for r in (*RULES, *rules)} | set(SPELLING_KINDS))


def known_check_ids(ids=()) -> set[str]:
    """Those of ``ids`` that name a Harper rule (or harper_british_spelling), for a project configuration.
    Harper's full rule list (about 1.4 s to build) is read only when an id is not in the table."""
    table = set(engine_check_ids())
    asked = {i for i in ids if i.startswith("harper_")}
    if asked <= table:
        return asked
    return asked & set(_all_rule_ids())


@lru_cache(maxsize=1)
def _all_rule_ids() -> tuple[str, ...]:
    try:
        import harper
    except ImportError:
        return tuple(engine_check_ids())
    return tuple(engine_check_ids(harper.get_default_lint_config()))
