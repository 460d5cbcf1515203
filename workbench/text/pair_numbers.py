"""Pair numbers as people type and read them: "3,5-9" on the command line, "3, 5-7" in messages."""

from __future__ import annotations

import re

from workbench.errors import UserError


def parse_numbers(text: str) -> list[int]:
    """ "3,5-9" -> [3, 5, 6, 7, 8, 9]; segment numbers as `status` and the app show them."""
    numbers: list[int] = []
    for part in text.split(","):
        part = part.strip()
        match = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", part)
        if not match:
            raise UserError(f"segment numbers look like 3,5-9; cannot read {part!r}")
        first, last = int(match[1]), int(match[2] or match[1])
        if last < first:
            raise UserError(f"segment range {part!r} runs backwards")
        numbers.extend(range(first, last + 1))
    return sorted(set(numbers))


def format_numbers(numbers: list[int]) -> str:
    """[3, 5, 6, 7] -> "3, 5-7"."""
    ranges, start = [], None
    for index, number in enumerate(numbers):
        if start is None:
            start = number
        if index + 1 == len(numbers) or numbers[index + 1] != number + 1:
            ranges.append(str(start) if start == number else f"{start}-{number}")
            start = None
    return ", ".join(ranges)
