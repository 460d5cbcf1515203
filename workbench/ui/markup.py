"""Showing document text inside Streamlit Markdown safely: every ASCII punctuation mark is escaped,
so text from a document is never read as Markdown, a colour directive or HTML."""

from __future__ import annotations

import string

_ESCAPES = {ord(c): "\\" + c for c in string.punctuation}


def escape(text: str) -> str:
    return text.translate(_ESCAPES).replace("\n", "  \n")


def diff_markdown(changes) -> str:
    """Deletions struck through in red, insertions in green; the words themselves escaped."""
    parts = []
    for change in changes:
        if change.op == "equal":
            parts.append(escape(change.text))
        elif change.text.strip():
            style = ":red[~~{}~~]" if change.op == "delete" else ":green[**{}**]"
            parts.append(style.format(escape(change.text)))
        else:
            parts.append(escape(change.text) if change.op == "insert" else "")
    return "".join(parts)
