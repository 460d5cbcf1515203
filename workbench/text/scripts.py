"""Which script a character is written in: the one definition of the Han and CJK ranges that the
segmenter, the aligner, the checks and the engines share, as character-class bodies for regexes."""

from __future__ import annotations

# CJK Unified Ideographs, Extension A and the Compatibility Ideographs: the characters of Chinese words
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# the ideographic space, CJK punctuation (、。「」《》…) and the full-width forms (，：；（）！？)
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff5e"
# everything an English grammar engine cannot judge: Han with its supplementary planes, kana, hangul,
# bopomofo, radicals, CJK punctuation and symbols, vertical and full-width forms
CJK = ("\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
       "\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff")


def is_han(char: str) -> bool:
    """One character of a Chinese word (not punctuation, not a full-width Latin letter)."""
    return "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
