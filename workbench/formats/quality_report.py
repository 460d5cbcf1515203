"""The review's quality report: every error marked, one row each, as CSV (UTF-8 with BOM) or XLSX (a
"summary" sheet with the score and the scorecard by category and severity, then an "errors" sheet).
Formula-looking cells are neutralised, as in every spreadsheet the workbench writes."""

from __future__ import annotations

import csv
import io
import zipfile

from workbench.errors import UserError
from workbench.formats.glossary_xlsx import neutralise
from workbench.formats.release_docx import FIXED_TIME, reproducible_zip
from workbench.release.quality import ErrorMark, QualityScore

COLUMNS = ("mark", "segment", "document", "category", "severity", "penalty", "span", "start", "end", "note",
           "reviewer", "marked_at", "version", "english_marked", "fixed_since")


def _row(score: QualityScore, mark: ErrorMark) -> list:
    return [mark.id, mark.segment, mark.document, mark.category, mark.severity,
            score.model.penalty(mark.category, mark.severity), mark.span, mark.start, mark.end, mark.note,
            mark.reviewer, mark.at, mark.version, mark.english, "yes" if mark.fixed else "no"]


def _cell(value):
    return value if isinstance(value, (int, float)) else neutralise(str(value))


def render_csv(score: QualityScore, name: str = "quality.csv") -> bytes:
    """One row per error mark; the score itself is in the summary sheet of the XLSX and in the manifest."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for mark in score.marks:
        writer.writerow([_cell(value) for value in _row(score, mark)])
    return buffer.getvalue().encode("utf-8-sig")


def render_xlsx(score: QualityScore, name: str = "quality.xlsx") -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet("summary")
    figures = score.to_dict()
    for label, key in (("pairs reviewed", "pairs_reviewed"), ("words", "words"), ("errors", "errors"),
                       ("penalty points", "penalty"), ("per 1,000 words", "per_1000_words"),
                       ("MQM score", "mqm_score")):
        summary.append([label, figures[key]])
    summary.append(["threshold per 1,000 words", score.model.threshold])
    summary.append(["verdict", {True: "pass", False: "fail", None: "not scored"}[score.passed]])
    summary.append([])
    severities = list(score.model.severities)
    summary.append(["category", "weight", *severities])
    for category, counts in score.counts().items():
        summary.append([category, score.model.weights[category], *(counts[s] for s in severities)])
    summary.append(["multiplier", "", *(score.model.severities[s] for s in severities)])
    errors = workbook.create_sheet("errors")
    errors.freeze_panes = "A2"
    errors.append(COLUMNS)
    for mark in score.marks:
        try:
            errors.append([_cell(value) for value in _row(score, mark)])
        except IllegalCharacterError:
            raise UserError(f"{name}: cannot write error mark {mark.id}: its text holds control characters "
                            f"that a spreadsheet cannot hold") from None
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    workbook.properties.creator = workbook.properties.lastModifiedBy = "translation workbench"
    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()  # no "modified" stamp
    return reproducible_zip(buffer.getvalue())


QUALITY_REPORTS = {".csv": render_csv, ".xlsx": render_xlsx}


def render_report(score: QualityScore, name: str) -> bytes:
    """The report in the format ``name``'s suffix says (.csv or .xlsx)."""
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    if suffix not in QUALITY_REPORTS:
        raise UserError(f"{name}: a quality report is .csv or .xlsx")
    return QUALITY_REPORTS[suffix](score, name)
