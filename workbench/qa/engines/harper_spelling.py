"""What kind of "misspelling" Harper's American dictionary rejected: a British spelling, an accepted
American variant, or a word it does not know.

Read by hand on the WMT23 news drafts (after the name and token filters of engines/noise.py), the
rejected words were of three kinds, and the MQM raters treated them differently:
- British spellings (centre, enquiry, organised, programme, politicisation): marked 10 times in 12;
- forms that American dictionaries list as variants (cancelled/canceled, totalled/totaled: the doubled
  l of an inflection; afterwards/afterward): marked 2 times in 13, so they are a hint;
- words no dictionary of Harper's has (blocization, intelligentization, photogrammetry): 9 in 12.
"""

from __future__ import annotations

import re

from workbench.qa.engines.harper_rules import RuleSetting

BRITISH_SPELLING = "harper_british_spelling"
SPELLING_VARIANT = "harper_spelling_variant"
NAME_CASE = "harper_name_case"
SPELLING_KINDS: dict[str, RuleSetting] = {
    BRITISH_SPELLING: RuleSetting("spelling", "warning", "news 10/12 (0.83): centre 4/4, enquiry 2/2"),
    SPELLING_VARIANT: RuleSetting("spelling", "info", "news 2/13 (0.15): cancelled 1/6, totalled 0/3, "
                                                      "afterwards 0/3"),
    # Harper's dictionary has some common words only as product names (Electron, Obsidian): its one
    # "correction" is the capital letter. TED 3/74 (0.04): electron 3/60, obsidian 0/14.
    NAME_CASE: RuleSetting("spelling", "info", "TED 3/74 (0.04): electron, obsidian; news 0/0"),
}
MESSAGES = {
    BRITISH_SPELLING: "“{word}” is British spelling; the draft is checked as American English.",
    SPELLING_VARIANT: "“{word}” is a variant that American dictionaries accept; AP style writes “{american}”.",
    NAME_CASE: "Harper knows “{word}” only as the name “{american}”: capitalise it if the name is meant.",
}
# British -ise/-isation against American -ize/-ization (weaponisation: neither dictionary has it)
_ISE = re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$")
# the doubled l of an inflection (cancelled, totalled, travellers): American dictionaries list both
_DOUBLED_L = re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$")
_WARDS = re.compile(r"(?<=ward)s$")  # afterwards, towards, backwards: standard in American English too
# British word shapes and their American counterparts, tried one at a time, then all together
# (manoeuvre: oe and re). Each candidate counts only when the American dictionary accepts it, so a
# shape that does not apply (a word merely ending in -our) gives nothing.
_BRITISH_SHAPES = (
    (re.compile(r"(?<=[^aeiou])re(s?)$"), r"er\1"),  # centre, metres
    (re.compile(r"(?<=[^aeiou])red$"), "ered"),  # centred
    (re.compile(r"our(s|ed|ing|er|ers|ite|ites|able|ful)?$"), r"or\1"),  # colour, favourite, labourers
    (re.compile(r"mme(s?)$"), r"m\1"),  # programme
    (re.compile(r"ogue(s?)$"), r"og\1"),  # catalogue
    (re.compile(r"ence(s?)$"), r"ense\1"),  # defence, licence
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),  # analyse, paralysed
    (re.compile(r"dgement(s?)$"), r"dgment\1"),  # judgement, acknowledgement
    (re.compile(r"^en(?=quir)"), "in"),  # enquiry
    (re.compile(r"^En(?=quir)"), "In"),
    (re.compile(r"(?<=[a-z])oe(?=[a-z])"), "e"),  # manoeuvre, oestrogen (not a leading Oe)
    (re.compile(r"(?<=[a-z])ae(?=[a-z])"), "e"),  # paediatric, anaemia
)


def american_variant(word: str) -> str | None:
    """The American form that ``word`` is a variant of, by its shape (canceled, afterward), if any."""
    for pattern, replacement in ((_DOUBLED_L, r"l\1"), (_WARDS, "")):
        if pattern.search(word):
            return pattern.sub(replacement, word)
    return None


def american_of_british(word: str, american_accepts) -> str | None:
    """The American spelling of a British word (centre -> center, programme -> program), when one of
    the British shapes gives a word the American dictionary accepts. Harper's own suggestions for a
    British word are the nearest American words by edits (programme -> programmed), which change the
    word; only its American spelling is a correction."""
    candidates, everything = [], word
    for pattern, american in _BRITISH_SHAPES:
        if pattern.search(word):
            candidates.append(pattern.sub(american, word))
            everything = pattern.sub(american, everything)
    candidates.append(everything)
    return next((c for c in candidates if c != word and american_accepts(c)), None)


def american_ize(word: str) -> str | None:
    return _ISE.sub(r"iz\1", word) if _ISE.search(word) else None


def spelling_kind(word: str, american_accepts, british_accepts,
                  suggestions=()) -> tuple[str, str, str | None] | None:
    """``(check id, message, the American form when known)`` for a word the American dictionary
    rejected, or None when it is a plain misspelling or an unknown word. ``american_accepts`` and
    ``british_accepts`` ask a dictionary about one word; ``suggestions`` are Harper's."""
    cased = next((s for s in suggestions if s != word and s.lower() == word.lower()), None)
    if cased is not None and word.islower():
        return NAME_CASE, MESSAGES[NAME_CASE].format(word=word, american=cased), cased
    variant = american_variant(word)
    if variant is not None and american_accepts(variant):
        return SPELLING_VARIANT, MESSAGES[SPELLING_VARIANT].format(word=word, american=variant), variant
    ize = american_ize(word)
    if ize is not None and american_accepts(ize):
        return BRITISH_SPELLING, MESSAGES[BRITISH_SPELLING].format(word=word), ize
    if british_accepts(word):
        return BRITISH_SPELLING, MESSAGES[BRITISH_SPELLING].format(word=word), american_of_british(word, american_accepts)
    return None


_SENTENCE_END = re.compile(r"(?:^|[.!?\"“”(\[]\s*)$")  # after a colon a capital is a name: "hotels: Lisboa"
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_INFLECTION = re.compile(r"(ed|ing|s)$")


def inside_name(text: str, start: int) -> bool:
    """A capitalised word that does not open a sentence, in a line that is not a title in capitals: part
    of a name (the Historic Centre of Macao, the Grand Lisboa), whose spelling is its owner's."""
    if not text[start:start + 1].isupper() or _SENTENCE_END.search(text[max(0, start - 3):start]):
        return False
    words = _WORDS.findall(text)
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised <= 0.6 * len(words)  # a title in capitals capitalises every word


def is_typo_correction(word: str, suggestion: str) -> bool:
    """Harper suggests the nearest dictionary words for a word it does not know, which for a coinage or a
    term is another word (blocization -> colonization, photogrammetry -> photographer, upgradation ->
    degradation). Only a correction one edit away (hyphens and case aside) that keeps the word's ending
    is a typo's fix (eCommerce -> e-commerce); broadcasted is not "broadcaster"."""
    from rapidfuzz.distance import Levenshtein

    plain = word.lower().replace("-", "")
    ending = _INFLECTION.search(word.lower())
    if ending is not None and not suggestion.lower().endswith(ending.group(1)):
        return False
    return Levenshtein.distance(plain, suggestion.lower().replace("-", "")) <= 1
