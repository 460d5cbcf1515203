"""Release: how ready the project is, and the export of the approved text in every format."""

from __future__ import annotations

import json
from collections import Counter

import pandas as pd
import streamlit as st

from workbench.errors import UserError
from workbench.project.exporting import export_glossary, export_release
from workbench.project.quality import quality_score
from workbench.formats.quality_report import render_csv, render_xlsx
from workbench.formats.registry import BY_NAME
from workbench.release.export import EXPORTERS
from workbench.release.model import ReleaseFindings, finding_note
from workbench.ui.markup import escape
from workbench.ui.resources import checked_project, store
from workbench.ui.widgets import choose_project, current_user

def download_name(project: str, fmt: str) -> str:
    """The project's name with the format's suffix; a format that shares its suffix with the one before
    it (docx-bilingual after docx, xliff12 after xliff) adds its own name, so two downloads never clash."""
    suffix = EXPORTERS[fmt].suffix
    first = next(name for name, f in EXPORTERS.items() if f.suffix == suffix)
    return f"{project}{suffix}" if fmt == first else f"{project}-{fmt}{suffix}"


st.title("Release")
factory = store()
project = choose_project(factory)
user = current_user(factory, "reviewer")

checked = checked_project(project)
segments = checked.snapshot.segments()
# ignored findings left out, as in `workbench export`
findings = {s.number: notes for s in segments if (notes := tuple(map(finding_note, checked.open_findings(s))))}
approved = sum(1 for s in segments if s.status == "approved")
st.progress(approved / max(len(segments), 1), text=f"{approved} of {len(segments)} segments approved")
by_category = Counter(line.split("/", 1)[0] for lines in findings.values() for line in lines)
if by_category:
    st.caption("Open findings by category")
    st.bar_chart(pd.DataFrame({"findings": by_category}).sort_index())
else:
    st.caption("No open findings.")

st.subheader("Review quality (MQM)")
score = quality_score(factory, project)
verdict = score.verdict()
(st.info if score.passed is None else st.success if score.passed else st.error)(escape(verdict))
if score.marks:
    severities = list(score.model.severities)
    st.dataframe(pd.DataFrame([{"category": c, "weight": score.model.weights[c], **counts}
                               for c, counts in score.counts().items()], columns=["category", "weight", *severities]),
                 hide_index=True)
    report = st.columns(2)
    report[0].download_button("Download the quality report (CSV)", render_csv(score), file_name=f"{project}-quality.csv",
                              mime="text/csv", key="release_quality_csv")
    report[1].download_button("Download the quality report (XLSX)", render_xlsx(score),
                              file_name=f"{project}-quality.xlsx", key="release_quality_xlsx",
                              mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
st.caption(f"Penalty: minor {score.model.severities['minor']:g}, major {score.model.severities['major']:g}, "
           f"critical {score.model.severities['critical']:g} points × the category's weight; pass at "
           f"{score.model.threshold:g} points per 1,000 words or fewer (`workbench quality {project} --threshold N`).")

st.subheader("Export")
fmt = st.selectbox("Format", list(EXPORTERS), key="release_format",
                   format_func=lambda name: f"{name} ({EXPORTERS[name].suffix}): {EXPORTERS[name].description}")
INCLUDE = "Include unapproved segments (marked)"
include = st.toggle(INCLUDE, key="release_include")
# what the export was made from: a download made before an approval, an edit, new settings or another
# choice is stale (not the snapshot's generation: the export's own event moves that)
made_from = (project, fmt, include, checked.snapshot.settings_generation,
             hash(tuple((s.id, s.version, s.status) for s in segments)))
if st.button("Export", key="release_export"):
    name = download_name(project, fmt)
    try:
        release = export_release(factory, project, fmt, None, user, include_unapproved=include,
                                 findings=ReleaseFindings(findings, checked.signatures()), via="app", name=name,
                                 how_to_include=f"switch on “{INCLUDE}” above")
    except UserError as error:
        st.error(escape(str(error)))
    else:
        st.session_state["release_file"] = (made_from, name, release.data, release.manifest_bytes(),
                                            EXPORTERS[fmt].media_type)
if st.session_state.get("release_file") and st.session_state["release_file"][0] != made_from:
    del st.session_state["release_file"]
    st.caption("The project or the choices above changed since the last export: export again to download.")
if "release_file" in st.session_state:
    _, name, data, manifest, media_type = st.session_state["release_file"]
    effort = json.loads(manifest).get("editing_effort", {})
    st.success(f"{escape(name)}: {len(data)} bytes · draft → final BLEU {effort.get('bleu')}, chrF {effort.get('chrf')}, "
               f"TER {effort.get('ter')}")
    st.download_button(f"Download {name}", data, file_name=name, mime=media_type, key="release_download")
    st.download_button("Download the manifest", manifest, file_name=name + ".manifest.json", key="release_manifest")

st.subheader("Glossary")
if st.button("Export the glossary (TBX)", key="release_glossary"):
    try:
        st.session_state["release_glossary_file"] = (project, *export_glossary(factory, project, user))
    except UserError as error:
        st.error(escape(str(error)))
glossary_file = st.session_state.get("release_glossary_file")
if glossary_file and glossary_file[0] == project:  # not another project's glossary
    _, data, count = glossary_file
    st.caption(f"{count} terms, TBX v3 (ISO 30042)")
    st.download_button(f"Download {project}.tbx", data, file_name=f"{project}.tbx", mime=BY_NAME["tbx"].media_type,
                       key="release_glossary_download")
