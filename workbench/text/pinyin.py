"""Pinyin helpers: what the English spelling of a Chinese name looks like, via pypinyin."""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.infra.derived_cache import load_or_build

_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][a-z]+)?")


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], dict[str, str], dict[str, tuple[str, ...]]]:
    """Every toneless syllable, and the first toneless reading of every character, from pypinyin.

    Importing pypinyin's character table alone takes about 0.4 s, so the derived tables are cached.
    """
    from importlib.metadata import version

    return load_or_build("pinyin", version("pypinyin") + "-2", _build_tables)


def _build_tables() -> tuple[frozenset[str], dict[str, str], dict[str, tuple[str, ...]]]:
    from pypinyin import pinyin_dict
    from pypinyin.contrib.tone_convert import to_normal

    def plain(reading: str) -> str:
        return to_normal(reading).replace("v", "u").replace("ü", "u")

    readings = {reading for value in pinyin_dict.pinyin_dict.values() for reading in value.split(",")}
    known = {plain(r) for r in readings} | {to_normal(r) for r in readings}
    first = {chr(code): plain(value.split(",")[0]) for code, value in pinyin_dict.pinyin_dict.items()}
    every = {chr(code): tuple(dict.fromkeys(plain(r) for r in value.split(",")))
             for code, value in pinyin_dict.pinyin_dict.items()}
    return frozenset(s for s in known if s.isalpha()), first, every


def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (ü written as u and v)."""
    return _tables()[0]


@lru_cache(maxsize=65536)
def split_syllables(word: str) -> tuple[str, ...] | None:
    """Split a romanised word into pinyin syllables (Weidong -> wei, dong), or None if it is not pinyin."""
    word = word.lower().replace("'", "").replace("’", "").replace("-", "")
    known = syllables()
    # best[i]: a split of word[:i] with the fewest syllables
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] is not None and word[start:end] in known:
                candidate = best[start] + [word[start:end]]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    found = best[len(word)]
    return tuple(found) if found is not None else None


def char_pinyin(char: str) -> str:
    """Toneless pinyin of one Han character, '' for anything else."""
    return _tables()[1].get(char, "")


def char_readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of a Han character (单 -> dan, shan, chan), () for anything else."""
    return _tables()[2].get(char, ())


@lru_cache(maxsize=65536)
def name_spellings(chinese: str, limit: int = 8) -> tuple[str, ...]:
    """Standard romanisations of a Chinese personal name: surname, then the given name as one word.

    蒋卫东 -> ["Jiang Weidong"]; polyphonic characters give several (曾 -> Zeng or Ceng).
    """
    if len(chinese) < 2 or not all(char_readings(c) for c in chinese):
        return ()
    spellings = [""]
    for position, char in enumerate(chinese):
        readings = char_readings(char)
        spellings = [s + (" " if position == 1 else "") + r for s in spellings for r in readings][:limit]
    return tuple(" ".join(part.capitalize() for part in s.split(" ")) for s in spellings)


def pinyin_table(texts: list[str]) -> dict[int, str]:
    """A str.translate table that spells every Han character of ``texts`` as " syllable"."""
    readings = _tables()[1]
    return {ord(char): " " + readings[char] for char in set("".join(texts)) if char in readings}


def han_pinyin_string(text: str, table: dict[int, str] | None = None) -> str:
    """The text with each Han character spelled " syllable", so " jiang wei dong" can be searched."""
    return text.translate(table if table is not None else pinyin_table([text])) + " "


def english_pinyin_names(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Runs of one to three capitalised words that read as pinyin of two or more syllables.

    Returns (start, end, syllables) per run, e.g. "Jiang Weidong" -> ("jiang", "wei", "dong").
    """
    found = []
    words = list(_WORD.finditer(text))
    index = 0
    while index < len(words):
        run: list[str] = []
        start = words[index].start()
        end = start
        while index < len(words) and len(run) < 6:
            split = split_syllables(words[index].group())
            if split is None or len(split) > 3:
                break
            if run and text[end : words[index].start()] != " ":
                break
            run.extend(split)
            end = words[index].end()
            index += 1
        if len(run) >= 2:
            found.append((start, end, tuple(run)))
        if not run:
            index += 1
    return found
