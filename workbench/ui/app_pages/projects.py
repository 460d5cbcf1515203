"""Projects: progress per project, and a new project from an uploaded source, draft and glossary."""

from __future__ import annotations

import streamlit as st

from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput
from workbench.formats.registry import DOCUMENT_SUFFIXES, GLOSSARY_SUFFIXES
from workbench.project.deleting import delete_project
from workbench.project.importing import import_files
from workbench.store.repository import list_projects
from workbench.ui import state
from workbench.ui.accounts import logged_in
from workbench.ui.markup import escape
from workbench.ui.resources import store

# The uploaders take any file type: Streamlit's own type filter raises an exception (a traceback in the page) for a
# file that gets past the browser's filter, while the core's readers refuse a wrong type with one readable line.
DOCUMENT_TYPES = ", ".join(sorted(DOCUMENT_SUFFIXES))
GLOSSARY_TYPES = ", ".join(sorted(GLOSSARY_SUFFIXES))
IMPORT_NOTICES = "import_notices"


st.title("Projects")
factory = store()
login = logged_in()  # with accounts an import needs an admin; the core refuses others with a message
importer = login.name if login else st.session_state.get(state.USER) or "app"
try:
    projects = list_projects(factory)
except UserError as error:
    st.error(escape(str(error)))
    st.stop()

for notice in st.session_state.pop(IMPORT_NOTICES, []):  # what the last import said, kept across its rerun
    st.warning(escape(notice))
if not projects:
    st.info("No projects yet: upload a source and a draft below, or run `workbench import`.")
with st.expander("New project or document", expanded=not projects):
    with st.form("import", clear_on_submit=False):
        name = st.text_input("Project name", key="import_project")
        source = st.file_uploader(f"Chinese source ({DOCUMENT_TYPES})", key="import_source")
        draft = st.file_uploader(f"English draft ({DOCUMENT_TYPES})", key="import_draft")
        glossary = st.file_uploader(f"Glossary ({GLOSSARY_TYPES})", key="import_glossary")
        submitted = st.form_submit_button("Import")
    if submitted:
        if not (name.strip() and source and draft):
            st.error("Give the project a name and upload a source and a draft.")
        else:
            failure = ""
            with st.status("Importing…", expanded=True) as progress:
                try:
                    files = {}
                    for key, upload in (("source", source), ("draft", draft), ("glossary", glossary)):
                        if upload is not None:
                            if upload.size > DEFAULT_SIZE_CAP:  # refused before its bytes are read
                                raise UserError(f"{upload.name}: {upload.size / 1024**2:.1f} MB is over the "
                                                f"{DEFAULT_SIZE_CAP / 1024**2:.0f} MB upload cap; split the document, "
                                                "or use `workbench import --max-size`")
                            # read from memory: the readers take bytes and name the file as it was uploaded
                            files[key] = FileInput(upload.name, upload.getvalue())
                    st.write("Reading and aligning…")
                    notices: list[str] = []

                    def read(pairs: int, terms) -> None:
                        st.write(f"{pairs} pairs; saving…")
                        # rows of the glossary that were not imported, as `workbench import` warns of them
                        notices.extend(f"{terms.name}: {problem} (row skipped)" for problem in (terms.problems if terms else ()))

                    import_files(factory, name.strip(), files["source"], files["draft"], files.get("glossary"),
                                 source_label=source.name, draft_label=draft.name, author=importer,
                                 actor=importer, on_read=read)
                    progress.update(label=f"Imported into {name.strip()}", state="complete")
                    st.session_state[IMPORT_NOTICES] = notices
                    st.rerun()
                except UserError as error:
                    progress.update(label="Import failed", state="error")
                    failure = str(error)
            if failure:  # below the status box, not in it: the browser shows a failed status collapsed
                st.error(escape(failure))

for summary in projects:
    with st.container(border=True):
        st.subheader(escape(summary.name), anchor=False)
        done = summary.by_status["approved"]
        st.progress(done / summary.segments if summary.segments else 0.0,
                    text=f"{done} of {summary.segments} segments approved")
        st.caption(" · ".join(f"{status}: {count}" for status, count in summary.by_status.items())
                   + f" · {summary.documents} document(s)")
        if st.button("Open", key=f"open-{summary.name}"):
            st.session_state[state.PROJECT] = summary.name
            st.switch_page("app_pages/translate.py")
        with st.expander("Delete this project…"):
            st.caption("It leaves the lists; nothing in it is erased: the store keeps it, marked deleted by you.")
            typed = st.text_input("Type the project's name to delete it", key=f"delete-name-{summary.name}")
            if st.button(f"Delete {summary.name}", key=f"delete-{summary.name}", disabled=typed.strip() != summary.name):
                try:
                    delete_project(factory, summary.name, importer, typed)
                except UserError as error:
                    st.error(escape(str(error)))
                else:
                    st.session_state[IMPORT_NOTICES] = [f"Deleted {summary.name}: kept in the store, marked deleted "
                                                        f"by {importer}."]
                    st.rerun()
