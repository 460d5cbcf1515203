"""Search and replace as a translator types it: plain text taken literally, regex with groups, case, whole words."""

from __future__ import annotations

import pytest

from workbench.errors import UserError
from workbench.text.replacing import Replace


@pytest.mark.parametrize("replace, text, expected", [
    (Replace("Wei dong", "Weidong"), "Jiang Wei dong met Wei dong.", ("Jiang Weidong met Weidong.", 2)),
    (Replace("1.28", r"12.8 \1"), "1.28 billion; 1x28", (r"12.8 \1 billion; 1x28", 1)),  # plain: taken literally
    (Replace(r"(\d+)\.(\d+) billion", r"\1\2 hundred million", as_regex=True), "1.28 billion",
     ("128 hundred million", 1)),
    (Replace("china", "China", match_case=False, whole_words=True), "china chinaware CHINA",
     ("China chinaware China", 2)),
    (Replace("county", "County"), "Wulian county", ("Wulian County", 1)),
    (Replace("County", "x"), "Wulian county", ("Wulian county", 0)),  # case is matched by default
])
def test_a_replacement_changes_what_the_translator_meant(replace, text, expected):
    assert replace.apply(text) == expected


@pytest.mark.parametrize("replace, text", [
    (Replace("(?<=a)", "x", as_regex=True), "abc"),  # empty here, though it finds nothing in ""
    (Replace(r"\b", "x", as_regex=True), "abc"),
])
def test_a_pattern_that_matches_nothing_but_a_position_is_refused(replace, text):
    with pytest.raises(UserError, match="matches the empty string"):
        replace.apply(text)


def test_a_pattern_still_running_at_the_runs_deadline_is_stopped_in_one_line():
    """One deadline for a whole project's English (a pattern slow on each pair adds up over 5,000 pairs);
    the ``regex`` package stops the match itself, so the app is never frozen by it."""
    import time

    slow = Replace(r"(.*e){12}Q", "x", as_regex=True)
    assert slow.apply("the sentence here " * 5) == ("the sentence here " * 5, 0)  # within the time: no match
    with pytest.raises(UserError, match="takes too long"):
        slow.apply("the sentence here " * 200, deadline=time.monotonic() + 0.05)
