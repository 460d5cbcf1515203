"""Grammar-engine findings the workbench knows better about, and the words it teaches an engine's dictionary.

A spelling dictionary cannot know the proper names, pinyin, codes and currency prefixes of a translated
Chinese press release; read by hand on the WMT23 news drafts, these were most of Harper's spelling
findings ("Kim Jong-[un]", "[S]$8.96 billion", "post-90[s]", "Yasutoshi Nishimura", "force majeure"),
each with a suggestion that would break the text. Names are the glossary's and the name checks' job.
"""

from __future__ import annotations

import re

from workbench.model import Finding
from workbench.text.abbreviations import TITLES, is_abbreviation

_QUOTE_MARKS = set("“”\"‘’'")
_OPENERS = "“\"‘'(（[「《"
_SENTENCE_END = ".!?:"
SYLLABLE = 6  # letters in the longest romanised syllable of a given name (pinyin zhuang, Korean seong)
_NAME_PARTICLES = {"da", "de", "di", "du", "del", "della", "van", "von", "der", "den", "ter", "la", "le", "bin", "al"}
# Loan phrases of standard English (in Merriam-Webster) whose foreign half Harper's dictionary lacks: a
# word is accepted only inside its phrase ("force majeure" yes, "majeure" alone no).
LOAN_PHRASES = ("force majeure", "per se", "bona fide", "bona fides", "de facto", "de jure", "vis-à-vis",
                "vis-a-vis", "laissez-faire", "coup d'état", "coup d'etat", "raison d'être", "ad infinitum",
                "modus operandi", "carte blanche", "fait accompli", "détente", "persona non grata", "pro rata",
                "a priori", "a posteriori", "ex officio", "per capita", "per annum", "per diem", "ad hominem",
                "mea culpa", "prima facie", "habeas corpus", "sub judice", "inter alia", "en masse",
                "tête-à-tête", "force de frappe", "cause célèbre", "entente cordiale", "status quo ante")
_LOAN_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(LOAN_PHRASES, key=len, reverse=True))
                          + r")(?!\w)", re.IGNORECASE)
# inside a token with a digit, a currency sign, a handle, a path or a dotted name, a "word" is a piece of
# something else: post-90[s], [S]$8.96, U.S.'[s], English.news.[cn], @[fangfangfoodshake]
_NOT_A_WORD = re.compile(r"[\d$€£¥@/\\_#]|\w\.\w")


def engine_noise(finding: Finding, source: str, target: str) -> bool:
    """Engine findings the workbench knows better about: codes and acronyms copied from the source
    (HX-300, TEUs, R&D), names and pieces of tokens are not misspellings, and quotation marks are
    judged per paragraph by the quote_marks check, since a quotation in a press release runs over
    several sentences."""
    text = finding.text
    if finding.category == "spelling" and not_a_misspelling(text, source, target, finding.start, finding.end):
        return True
    if finding.category in ("grammar", "style") and finding.check.endswith("capitalization"):
        before = target[: finding.start].rstrip().rsplit(" ", 1)[-1]
        if is_abbreviation(before):
            return True  # "Ltd. was": an abbreviation, not the end of a sentence
    return bool(text) and set(text.strip()) <= _QUOTE_MARKS


def not_a_misspelling(word: str, source: str, target: str, start: int, end: int) -> bool:
    """A word a dictionary rejects that is still no misspelling: an acronym or code, Latin letters the
    Chinese source has too, a piece of a longer token, a proper name, or half of a loan phrase."""
    capitals = sum(1 for c in word if c.isupper())
    if capitals >= 2 or any(c.isdigit() for c in word) or "&" in word or word.lower() in source.lower():
        return True
    token = enclosing_token(target, start, end)
    if _NOT_A_WORD.search(token.strip(_OPENERS + "”’.,;:!?)）]」》")):
        return True
    return (proper_name_word(target, start, end) or hyphenated_name_part(target, start, end)
            or in_loan_phrase(target, start, end))


def enclosing_token(target: str, start: int, end: int) -> str:
    """The whitespace-delimited token around ``target[start:end]``."""
    left = max(target.rfind(c, 0, start) for c in " \t\n") + 1
    rights = [i for i in (target.find(c, end) for c in " \t\n") if i >= 0]
    return target[left:min(rights) if rights else len(target)]


def mid_sentence(target: str, start: int) -> bool:
    """True when the text before ``start`` does not end a sentence: an opening quote or bracket does
    not count ('South Korea's "Chosun News"'), nor a title's period ("Mr. Hsia")."""
    before = target[:start].rstrip(" \t" + _OPENERS)
    if not before or before.endswith("\n"):
        return False
    if before.rsplit(None, 1)[-1] in TITLES:  # "Mr. Hsia": a capitalised word after a title is a name
        return True
    return before[-1] not in _SENTENCE_END


def _capitalised(word: str) -> bool:
    word = re.sub(r"['’]s$", "", word)
    return word[:1].isupper() and word[1:].islower()


def proper_name_word(target: str, start: int, end: int) -> bool:
    """A capitalised word inside a sentence (Vinci, Maersk), or one starting a sentence before another
    capitalised word (Yasutoshi Nishimura), or a particle before one (da Vinci): proper names a
    spelling dictionary cannot know; names are the glossary's and name checks' job."""
    word = target[start:end]
    after = target[end:].lstrip()
    if _capitalised(word):
        if mid_sentence(target, start):
            return True
        following = re.match(r"[\w’'-]+", after.lstrip(_OPENERS))
        return bool(following) and _capitalised(following.group().split("-")[0])
    return word in _NAME_PARTICLES and after[:1].isupper()


def hyphenated_name_part(target: str, start: int, end: int) -> bool:
    """The lower-case half of a hyphenated given name (Kim Jong-[un], Ri Sol-[ju], Tsai Mei-[na]): the
    part before the hyphen is a capitalised name."""
    head = re.search(r"([\w’']+)-$", target[:start])
    syllable = re.sub(r"['’]s$", "", target[start:end])
    return (bool(head) and len(syllable) <= SYLLABLE and _capitalised(head.group(1))
            and proper_name_word(target, head.start(1), head.end(1)))


def in_loan_phrase(target: str, start: int, end: int) -> bool:
    return any(m.start() <= start and end <= m.end() for m in _LOAN_PHRASE.finditer(target))


def romanised_words(target: str) -> set[str]:
    """Capitalised words that read entirely as pinyin (Wulian, Rizhao, Wangjiazhuang): Chinese names
    a spelling checker cannot know, and would spend most of its time on."""
    from workbench.text.pinyin import split_syllables

    return {word for word in re.findall(r"\b[A-Z][a-z]{3,}\b", target)
            if (parts := split_syllables(word)) is not None and len(parts) >= 2}


def pinyin_words(source: str) -> list[str]:
    """The pinyin spellings of the Chinese names in ``source``, to add to the engine's dictionary."""
    from workbench.glossary.names import chinese_names
    from workbench.text.pinyin import name_spellings

    words = set()
    for name in chinese_names(source):
        for spelling in name_spellings(name):
            words.update(spelling.split())
    return sorted(words)
