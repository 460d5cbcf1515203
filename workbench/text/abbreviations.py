"""English abbreviations whose full stop ends no sentence: one list for the checks and the engine's
noise filter (the segmenter keeps its own as rules, workbench/segment/rules/en.tsv, since SRX-style
rules are data a user may extend)."""

from __future__ import annotations

import re

# a title before a name: "Mr. Hsia", "Gen. Li"
TITLES = frozenset({"Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "Gen.", "Sen.", "Rep.", "Gov.", "Pres.", "St.",
                    "Capt.", "Col.", "Lt.", "Sgt.", "Amb.", "Rev.", "Hon.", "Jr.", "Sr."})
# the rest of a company's name, and abbreviations read inside a sentence
OTHERS = frozenset({"Co.", "Corp.", "Ltd.", "Inc.", "Bros.", "No.", "etc.", "e.g.", "i.e.", "vs.", "approx.",
                    "Dept.", "Fig."})
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")  # U.S., U.K., a.m., p.m.


def is_abbreviation(word: str) -> bool:
    """``word`` (with its full stop) abbreviates: what follows it is still the same sentence."""
    return word in TITLES or word in OTHERS or bool(_INITIALISM.fullmatch(word))
