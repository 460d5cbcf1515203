"""Glossary: edit the project's terms as a table, import and export them, and see where each is used.

Terms are shown only in st.data_editor, st.dataframe and st.text; messages that quote a term are escaped
before they reach Markdown (st.error, st.warning), so a term is never read as Markdown or HTML.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from workbench.errors import UserError
from workbench.formats import FileInput, glossary_csv, tbx
from workbench.glossary import TERM_TYPES
from workbench.model import Glossary
from workbench.formats.registry import GLOSSARY_SUFFIXES
from workbench.ingest.pipeline import read_glossary
from workbench.project.glossary_edit import COLUMNS, current_glossary, import_terms, save_terms, term_rows, term_usage
from workbench.text.pair_numbers import format_numbers
from workbench.ui import state
from workbench.ui.markup import escape
from workbench.ui.resources import checked_project, store
from workbench.ui.widgets import choose_project, current_user

# Messages that must outlive the st.rerun after a save or an import: a list of (kind, text).
NOTICES = state.GLOSSARY_NOTICES

st.title("Glossary")
factory = store()
project = choose_project(factory)
user = current_user(factory, "translator")

for kind, text in st.session_state.pop(NOTICES, []):
    getattr(st, kind)(escape(text))

stored = current_glossary(factory, project)
st.caption(f"{len(stored.terms)} terms · version {stored.version}" if stored.version else "No glossary yet.")


def _export(glossary: Glossary, suffix: str) -> bytes:
    """The glossary as the bytes of a .csv or .tbx file, from the format adapter."""
    return (glossary_csv if suffix == ".csv" else tbx).render(glossary, f"glossary{suffix}")


def _read_upload(name: str, data: bytes) -> Glossary:
    """Read an uploaded glossary file from memory; a refusal is one line naming the upload."""
    try:
        return read_glossary(FileInput(Path(name).name, data))
    except UserError as error:
        raise UserError((str(error).splitlines() or ["the file cannot be read"])[0]) from None


original = term_rows(stored.terms)
edited = st.data_editor(
    # rows numbered from 1 as the problems cite them; a row added gets the next number, a deleted one's is
    # not reused. Chinese and English are not "required" cells: the editor would hold back a new row with
    # one of them empty (Save stays greyed, nothing said); the check names the row instead
    pd.DataFrame(original, columns=list(COLUMNS), index=pd.RangeIndex(1, len(original) + 1)),
    key=f"glossary-editor-{project}-{stored.version}",  # a new version starts a fresh editor
    num_rows="dynamic",
    hide_index=False,
    width="stretch",
    column_config={
        "_index": st.column_config.NumberColumn("Row", disabled=True),
        "source": st.column_config.TextColumn("Chinese"),
        "target": st.column_config.TextColumn("English"),
        "type": st.column_config.SelectboxColumn("Type", options=list(TERM_TYPES), default="term", required=True),
        "forbidden": st.column_config.TextColumn("Forbidden variants", help="Separate variants with ;"),
        "note": st.column_config.TextColumn("Note"),
    },
)
rows = edited.astype(object).where(edited.notna(), None).to_dict("records")
numbers = [int(n) if isinstance(n, (int, float)) and n == n else None for n in edited.index]
if st.button("Save glossary", key="glossary-save", type="primary", disabled=rows == original):
    try:
        saved, problems = save_terms(factory, project, rows, user, numbers)
    except UserError as error:
        st.error(escape(str(error)))
    else:
        if problems:
            st.error("Nothing saved: correct these rows and save again.")
            for problem in problems:
                st.error(escape(str(problem)))
        else:
            st.session_state[NOTICES] = [("success", f"Saved {saved} terms as a new glossary version.")]
            st.rerun()

with st.expander("Import and export"):
    upload = st.file_uploader("Glossary file (replaces all terms)", type=[s[1:] for s in sorted(GLOSSARY_SUFFIXES)],
                              key="glossary-upload")
    if upload is not None and st.button(f"Replace the glossary with {upload.name}", key="glossary-import"):
        try:
            imported = _read_upload(upload.name, upload.getvalue())
            count = import_terms(factory, project, imported, user)
        except UserError as error:
            st.error(escape(str(error)))
        else:
            st.session_state[NOTICES] = (
                [("success", f"Imported {count} terms from {upload.name} as a new glossary version.")]
                + [("warning", f"Not imported: {problem}") for problem in imported.problems])
            st.rerun()
    glossary = Glossary(stored.terms, stored.name or project)
    columns = st.columns(2)
    columns[0].download_button("Download CSV", _export(glossary, ".csv"), file_name=f"{project}-glossary.csv",
                               mime="text/csv", key="glossary-csv", disabled=not stored.terms)
    columns[1].download_button("Download TBX", _export(glossary, ".tbx"), file_name=f"{project}-glossary.tbx",
                               mime="application/x-tbx+xml", key="glossary-tbx", disabled=not stored.terms)

st.subheader("Where each term is used")
usage = term_usage(checked_project(project))
if usage:
    st.dataframe(pd.DataFrame([{
        "Chinese": u["source"], "English": u["target"], "segments": u["segments"], "rendered": u["rendered"],
        "used in": format_numbers(u["used_in"]), "violated in": format_numbers(u["violated_in"]),
    } for u in usage]), hide_index=True, width="stretch", key="glossary-usage")
    violated = sum(1 for u in usage if u["violated_in"])
    st.caption(f"{violated} of {len(usage)} terms are violated somewhere; segment numbers as on the other pages.")
