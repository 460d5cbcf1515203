"""Latin-script words inside Chinese or English text: what a translation copies as it is (5G, WZ-5200,
PM2.5). The aligner takes its anchors from them and the checks look for them in the English, so both
read them with the same pattern."""

from __future__ import annotations

import re

# letters and digits, with inner dots and hyphens (PM2.5, WZ-5200), not glued to another letter or digit
LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?")


def latin_words(text: str) -> list[str]:
    """Every Latin-script word in ``text``, in order."""
    return LATIN_WORD.findall(text)
