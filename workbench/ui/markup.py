"""Showing document text inside Streamlit Markdown safely: every ASCII punctuation mark is escaped,
so text from a document is never read as Markdown, a colour directive or HTML."""

from __future__ import annotations

import re
import string

_ESCAPES = {ord(c): "\\" + c for c in string.punctuation}


def escape(text: str) -> str:
    """The text as Markdown that shows it as typed. Besides punctuation, the spaces that indent a line
    become no-break spaces: four of them would start a code block, which shows the escapes themselves."""
    text = _INDENT.sub(_no_break_indent, text)
    return text.translate(_ESCAPES).replace("\n", "  \n")


_INDENT = re.compile(r"(?:\A|(?<=\n))[ \t]+(?=\S)")
CODE_INDENT = 4  # columns of indentation that make a Markdown line a code block


def _no_break_indent(match: re.Match) -> str:
    width = len(match.group().expandtabs(CODE_INDENT))
    return "\u00a0" * width if width >= CODE_INDENT else match.group()


def diff_markdown(changes) -> str:
    """Deletions struck through in red, insertions bold in green; the words themselves escaped.

    The spaces around a changed stretch stay outside its markers, and each line of it is marked on its
    own: Markdown reads ``** Branch**`` or ``~~ 18,~~`` (a marker next to a space) as the literal
    characters, the page would show them, and no marker reaches across a line break."""
    parts = []
    for change in changes:
        if change.op == "equal":
            parts.append(escape(change.text))
            continue
        style = ":red[~~{}~~]" if change.op == "delete" else ":green[**{}**]"
        for piece in _LINE_BREAKS.split(change.text):
            core = piece.strip()
            if not core:
                parts.append("" if change.op == "delete" else escape(piece))
                continue
            lead, trail = piece[:len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()):]
            parts.append(escape(lead) + style.format(escape(core)) + escape(trail))
    return "".join(parts)


_LINE_BREAKS = re.compile(r"(\s*\n\s*)")


def highlight(text: str, spans) -> str:
    """The text escaped, with the (start, end) spans on a blue background; overlapping spans are merged."""
    parts, position = [], 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        parts.append(escape(text[position:start]))
        parts.append(f":blue-background[{escape(text[start:end])}]")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def glossary_markup(source: str, target: str, matcher) -> tuple[str, str, str]:
    """For one pair: the source with its glossary terms highlighted, a line naming each term's required
    rendering (✓ when the English has it, ✗ when not) and the hover text "term → rendering"."""
    if matcher is None:
        return escape(source), "", ""
    matches = matcher.source_matches(source)
    if not matches:
        return escape(source), "", ""
    rendered = {m.term for m in matcher.target_matches(target) if not m.forbidden}
    terms = list(dict.fromkeys(m.term for m in matches))
    line = " · ".join(("✓ " if number in rendered else "✗ ") + f"**{escape(matcher.terms[number].target)}**"
                      for number in terms)
    hover = "  \n".join(f"{escape(matcher.terms[n].source)} → {escape(matcher.terms[n].target)}" for n in terms)
    return highlight(source, [(m.start, m.end) for m in matches]), line, hover
