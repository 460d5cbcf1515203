"""The whole project as JSON in the schema "workbench-project/1" (see docs/json-schema.md)."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from workbench.errors import UserError
from workbench.formats import DEFAULT_SIZE_CAP, FileInput, file_input
from workbench.formats.release_txt import units_by_document
from workbench.release.model import SOURCE_LANGUAGE, TARGET_LANGUAGE, ExportProject, ExportUnit

SCHEMA = "workbench-project/1"
STATUSES = ("draft", "edited", "approved", "rejected")
UNIT_FIELDS = tuple(field.name for field in fields(ExportUnit))
REQUIRED_FIELDS = ("id", "document", "paragraph", "source", "target")
LIST_FIELDS = ("findings", "comments")


def render(project: ExportProject, name: str = "release.json") -> bytes:
    """Pretty-printed UTF-8 (Chinese kept as is, not \\u-escaped), keys in schema order, final newline."""
    documents = list(project.documents) or [name for name, _ in units_by_document(project)]
    data = {
        "schema": SCHEMA,
        "project": project.name,
        "source_language": project.source_language,
        "target_language": project.target_language,
        "documents": documents,
        "units": [{name: _plain(getattr(unit, name)) for name in UNIT_FIELDS} for unit in project.units],
    }
    if project.extra:
        data["extra"] = project.extra
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def read(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> list[ExportUnit]:
    return list(read_project(source, size_cap).units)


def read_project(source: str | Path | FileInput, size_cap: int = DEFAULT_SIZE_CAP) -> ExportProject:
    """The project back from a file this module wrote (or one following docs/json-schema.md)."""
    file = file_input(source, size_cap)
    try:
        data = json.loads(file.data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise UserError(f"{file.name}: not UTF-8 text (invalid byte at {error.start}); not a workbench export") from None
    except json.JSONDecodeError as error:
        raise UserError(f"{file.name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except RecursionError:
        raise UserError(f"{file.name}: JSON nested too deeply to be a workbench export") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = _short(data.get("schema")) if isinstance(data, dict) else f"none, a JSON {type(data).__name__}"
        raise UserError(f"{file.name}: not a workbench project export (schema {found}, expected {SCHEMA!r})")
    header = {}
    for name, default in (("project", ""), ("source_language", SOURCE_LANGUAGE), ("target_language", TARGET_LANGUAGE)):
        header[name] = data.get(name, default)
        if not isinstance(header[name], str):
            raise UserError(f"{file.name}: {name!r} must be text")
    documents = data.get("documents", [])
    if not isinstance(documents, list) or not all(isinstance(name, str) for name in documents):
        raise UserError(f"{file.name}: 'documents' must be a list of document names")
    units = data.get("units")
    if not isinstance(units, list):
        raise UserError(f"{file.name}: 'units' must be a list of units")
    extra = data.get("extra", {})
    if not isinstance(extra, dict):
        raise UserError(f"{file.name}: 'extra' must be an object")
    parsed = []
    for index, unit in enumerate(units):
        if not isinstance(unit, dict):
            raise UserError(f"{file.name}: units[{index}] must be an object")
        parsed.append(unit_from_fields(unit, f"units[{index}]", file.name))
    return ExportProject(header["project"], tuple(parsed), tuple(documents), header["source_language"],
                         header["target_language"], extra)


def unit_from_fields(values: dict, where: str, path: str) -> ExportUnit:
    """Check one unit's fields (unknown ones are ignored); shared by the bilingual table readers."""
    unit_id = " ".join(values["id"].split())[:40] if isinstance(values.get("id"), str) else ""
    label = f"{path}: {where}" + (f" (id {unit_id})" if unit_id else "")
    missing = [name for name in REQUIRED_FIELDS if name not in values]
    if missing:
        raise UserError(f"{label}: missing {', '.join(missing)}")
    checked = {}
    for name in UNIT_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if name == "paragraph":
            if type(value) is not int or value < 0:
                raise UserError(f"{label}: 'paragraph' must be a whole number from 0, not {_short(value)}")
        elif name in LIST_FIELDS:
            if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
                raise UserError(f"{label}: {name!r} must be a list of texts")
            value = tuple(value)
        elif not isinstance(value, str):
            raise UserError(f"{label}: {name!r} must be text, not {_short(value)}")
        checked[name] = value
    if checked.get("status", "draft") not in STATUSES:
        raise UserError(f"{label}: unknown status {_short(checked['status'])}; use one of {', '.join(STATUSES)}")
    return ExportUnit(**checked)


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
