"""HTML, script and Markdown in document text stay inert in the review diff, whatever the texts are.

The review page shows ``diff_markdown(word_diff(draft, final))`` through ``st.markdown`` (no unsafe_allow_html).
Rendering it with a CommonMark renderer that *does* pass raw HTML (markdown-it-py, html=True) is the worst case:
if nothing of the text turns into a tag, a link or a colour directive there, it cannot in Streamlit either.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.conftest import ROOT
from tests.hostile_files import RTL_AND_ZERO_WIDTH, SCRIPT
from workbench.release.diffing import word_diff
from workbench.ui.markup import diff_markdown, escape

RENDERER = MarkdownIt("commonmark", {"html": True}).enable("strikethrough")
PIECES = [SCRIPT, RTL_AND_ZERO_WIDTH, "<b>bold</b>", "&lt;i&gt;", "&amp;", "[x](http://evil.example)", "![i](x.png)",
          "`code`", "# heading", "> quote", "* item", "1. item", "---", "~~gone~~", ":green[ok]", "$x$", "\\", "\\*",
          "<!-- c -->", "<iframe src=x>", "Wuzheng", "signed", " ", "\n", "\n\n", "。", "五征"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
DIRECTIVE = re.compile(r"(?<!\\)(?:\\\\)*:(red|green)\[")  # after an even run of backslashes: not escaped
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# what markdown-it makes of the page's own markup: paragraphs, line breaks, strike-through and bold
OWN_TAGS = {"p", "br", "s", "strong"}


@settings(max_examples=100, deadline=None)
@given(TEXTS, TEXTS)
def test_text_in_the_diff_never_becomes_markup(draft, final):
    changes = word_diff(draft, final)
    markdown = diff_markdown(changes)
    rendered = RENDERER.render(markdown)
    assert {name.lower() for _, name in TAG.findall(rendered)} <= OWN_TAGS, rendered
    assert len(DIRECTIVE.findall(markdown)) == _styled(changes, "insert") + _styled(changes, "delete")  # only the page's own colour directives


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_escaped_text_reads_back_as_typed(text):
    rendered = RENDERER.render(escape(text))
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert "".join(shown.split()) == "".join(text.split())


def test_review_page_never_passes_document_text_as_html():
    source = (ROOT / "workbench" / "ui" / "app_pages" / "review.py").read_text("utf-8")  # a page runs on import
    assert "diff_markdown(" in source and "unsafe_allow_html" not in source


def _styled(changes, op: str) -> int:
    """Stretches the page marks: each line of a change that has text on it."""
    return sum(1 for c in changes if c.op == op for line in c.text.split("\n") if line.strip())


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS)
def test_every_change_is_shown_struck_or_bold_and_no_marker_is_printed(draft, final):
    """A change that starts or ends with a space (" Branch", " 18,") is still bold or struck through:
    a Markdown marker next to a space is printed as the characters "**" or "~~" instead."""
    changes = word_diff(draft, final)
    rendered = RENDERER.render(diff_markdown(changes))
    assert rendered.count("<strong>") == _styled(changes, "insert"), rendered
    assert rendered.count("<s>") == _styled(changes, "delete"), rendered


@pytest.mark.parametrize("draft, final, inserted, deleted", [
    ("China Mobile (Rizhao)", "China Mobile( Rizhao) Branch", ["(", "Branch"], ["("]),
    ("on December 18, 2019 it", "on December 2019 it", [], ["18,"]),
    ("signed on December 18 2019", "signed on December 18, 2019", [","], []),
    ("Wuzheng Group", "the Wuzheng Group\n(Rizhao)", ["the", "(Rizhao)"], []),
])
def test_review_diff_of_real_edits_shows_the_changed_words_styled(draft, final, inserted, deleted):
    rendered = RENDERER.render(diff_markdown(word_diff(draft, final)))
    assert re.findall(r"<strong>(.*?)</strong>", rendered) == [html.escape(w) for w in inserted]
    assert re.findall(r"<s>(.*?)</s>", rendered) == deleted
    assert "**" not in rendered and "~~" not in rendered


@pytest.mark.parametrize("text", ["    indented like code", "first line\n\n\tA tab-indented paragraph.", "    "])
def test_an_indented_line_is_shown_as_typed_not_as_a_code_block(text):
    rendered = RENDERER.render(escape(text))
    assert "<code>" not in rendered and "\\" not in html.unescape(re.sub(r"<[^>]+>", "", rendered))
