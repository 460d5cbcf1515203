"""Pinyin helpers: what the English spelling of a Chinese name looks like, via pypinyin."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][a-z]+)?")


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (ü written as u and v)."""
    from pypinyin import pinyin_dict
    from pypinyin.contrib.tone_convert import to_normal

    readings = {reading for value in pinyin_dict.pinyin_dict.values() for reading in value.split(",")}
    found = set()
    for reading in readings:
        plain = to_normal(reading)
        found.add(plain)
        found.add(plain.replace("v", "u"))
    return frozenset(s for s in found if s.isalpha())


def split_syllables(word: str) -> list[str] | None:
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
    return best[len(word)]


@lru_cache(maxsize=65536)
def char_pinyin(char: str) -> str:
    """Toneless pinyin of one Han character, '' for anything else."""
    if not ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"):
        return ""
    from pypinyin import Style, pinyin

    return pinyin(char, style=Style.NORMAL, v_to_u=False)[0][0].replace("v", "u")


def han_pinyin_string(text: str) -> str:
    """Pinyin of every Han character, space-separated, with '|' where other text interrupts."""
    parts = []
    for char in text:
        reading = char_pinyin(char)
        parts.append(reading if reading else "|")
    return " " + " ".join(parts) + " "


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
