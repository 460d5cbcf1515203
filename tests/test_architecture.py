"""The layering of the package, read from its import graph (every import, the ones inside functions too).

The core (text analysis, segmentation, alignment, glossary, QA, formats, release, ingest) runs without a
database or a front end; the store is persistence only; the application layer (project/) is what both
front ends (cli/, ui/) call. A rule broken by a new import fails here with the importing module named.
"""

from __future__ import annotations

import ast
import functools
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import workbench

PACKAGE = Path(workbench.__file__).parent
CORE = frozenset({"text", "segment", "align", "glossary", "qa", "formats", "release", "ingest", "infra",
                  "model", "errors"})
# layer -> (packages it must not import, why)
RULES = {
    "core": (frozenset({"store", "project", "cli", "ui"}), "the core runs without a database or a front end"),
    "formats": (frozenset({"qa"}), "a file format reads and writes units; it knows nothing of the checks"),
    "store": (CORE - {"model", "errors", "infra"}, "the store keeps data; it runs no checker, aligner or segmenter"),
    "project": (frozenset({"cli", "ui"}), "the application layer serves both front ends"),
    "cli": (frozenset({"ui"}), "the command line runs without Streamlit"),
}


# what the front ends may take from the store directly: read-only views, the store's own engine, and the
# operations the store owns with their authorisation inside (accounts and their hashes, backup files);
# every other change goes through a use case of project/
FRONT_ENDS = frozenset({"cli", "ui"})
STORE_FOR_FRONT_ENDS = frozenset({
    "session_factory", "default_url",  # engine
    "list_projects", "project_status", "document_segments", "check_config",  # repository: reads
    "segment_id_for", "current_version", "review_decisions", "histories", "threads",  # editing and review: reads
    "PERMISSIONS", "STATUSES", "role_of", "using_accounts", "verify_login", "list_users",  # accounts: reads
    "project_log", "format_event",  # audit: reads
    "add_user", "backup", "restore",  # owned by the store, authorised inside
})


def package_of(module: str) -> str:
    """workbench.qa.checks.numbers -> qa; workbench.model -> model; workbench -> ''."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layers_of(module: str) -> set[str]:
    package = package_of(module)
    return ({"core"} if package in CORE else set()) | {package}


@functools.cache
def import_graph() -> tuple[tuple[str, str, str], ...]:
    """(importing module, imported module, imported name or '*') for every workbench import; read once
    per test run, since every case below starts from the same graph."""
    edges = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = ("workbench", *path.relative_to(PACKAGE).with_suffix("").parts)
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "workbench":
                edges += [(module, node.module, alias.name) for alias in node.names]
            elif isinstance(node, ast.Import):
                edges += [(module, alias.name, "*") for alias in node.names if alias.name.split(".")[0] == "workbench"]
    return tuple(edges)


def violations(edges) -> list[str]:
    """Every import that breaks a rule, as a sentence naming both modules."""
    found = []
    for importer, imported, name in edges:
        target = package_of(imported)
        for layer in layers_of(importer):
            forbidden, why = RULES.get(layer, (frozenset(), ""))
            if target in forbidden:
                found.append(f"{importer} imports {imported}: {why}")
        if package_of(importer) in FRONT_ENDS and target == "store" and name not in STORE_FOR_FRONT_ENDS:
            found.append(f"{importer} imports {name} of {imported}: a front end changes the store only through "
                         f"a use case of workbench.project")
        private = name.startswith("_") and not name.startswith("__")
        if private and package_of(importer) != target:
            found.append(f"{importer} imports the private name {name} of {imported}")
    return found


def test_the_package_keeps_its_layers():
    edges = import_graph()
    # an import inside a function is read too (the command line imports late to start fast)
    assert ("workbench.cli.main", "workbench.qa", "config_file") in edges
    assert violations(edges) == []


@pytest.mark.parametrize("importer, imported, name, complaint", [
    ("workbench.align.dp", "workbench.store.models", "SegmentRow", "the core runs without a database"),
    ("workbench.qa.checks.numbers", "workbench.project.checked", "CheckedProject", "the core runs without"),
    ("workbench.formats.xliff", "workbench.qa.driver", "Checker", "knows nothing of the checks"),
    ("workbench.store.repository", "workbench.align", "Alignment", "runs no checker, aligner"),
    ("workbench.store.review", "workbench.qa.driver", "Checker", "runs no checker, aligner"),
    ("workbench.project.checked", "workbench.ui.state", "remember", "serves both front ends"),
    ("workbench.cli.main", "workbench.ui.app", "main", "runs without Streamlit"),
    ("workbench.qa.checks.numbers", "workbench.align.anchors", "_LATIN", "private name _LATIN"),
    ("workbench.ui.app_pages.translate", "workbench.store.repository", "import_document", "only through a use case"),
    ("workbench.cli.main", "workbench.store.review", "record_export", "only through a use case"),
])
def test_a_forbidden_import_is_named(importer, imported, name, complaint):
    edges = import_graph()
    assert not violations(edges)
    found = violations([*edges, (importer, imported, name)])
    assert len(found) == 1 and importer in found[0] and complaint in found[0]


@pytest.mark.parametrize("importer, imported, name", [
    ("workbench.project.checked", "workbench.qa.driver", "Checker"),  # the application runs the checker
    ("workbench.store.backup", "workbench.infra.safe_write", "write_bytes_atomically"),
    ("workbench.qa.checks.numbers", "workbench.qa.checks.base", "_private_helper"),  # inside one package
    ("workbench.cli.main", "workbench", "__version__"),
    ("workbench.ui.app_pages.review", "workbench.store.editing", "histories"),  # a read-only view
])
def test_an_allowed_import_is_not_named(importer, imported, name):
    assert violations([(importer, imported, name)]) == []


def test_the_package_root_holds_only_foundations():
    loose = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
    assert loose == ["errors", "model"]


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(workbench.__path__, "workbench.")
                  if not m.name.startswith("workbench.ui") and "migrations" not in m.name
                  and not m.name.endswith("__main__"))


def test_every_core_module_imports_with_streamlit_blocked():
    modules = core_modules()
    assert "workbench.align.dp" in modules and "workbench.store.repository" in modules
    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'streamlit' or name.startswith('streamlit.'):\n"
            "            raise ImportError('the core must not import streamlit')\n"
            "sys.meta_path.insert(0, Block())\n"
            f"for name in {modules!r}:\n"
            "    __import__(name)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
