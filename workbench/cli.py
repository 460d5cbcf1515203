"""The command line: thin wrappers around the core; every user error is one line and exit 2."""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from workbench import __version__
from workbench.errors import UserError

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "wuzheng-5g"
SAMPLE_GLOSSARY = Path(__file__).resolve().parent.parent / "glossaries" / "wuzheng.csv"
SAMPLE_PROJECT = "wuzheng-5g"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, not argparse's usage dump
        raise UserError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="workbench", description="Chinese→English translation workbench")
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument("--db", help="SQLAlchemy database URL (default: SQLite in the user data folder, "
                                     "or $WORKBENCH_DB)")
    parser.add_argument("--max-size", type=float, default=50, metavar="MB",
                        help="refuse input files larger than this (default 50 MB)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    align = commands.add_parser("align", help="align a Chinese source with an English draft")
    align.add_argument("source")
    align.add_argument("draft")
    align.add_argument("--glossary")
    align.add_argument("--format", choices=("json", "tsv"), default="json")

    imp = commands.add_parser("import", help="align and store a document in a project")
    imp.add_argument("project")
    imp.add_argument("--source", required=True)
    imp.add_argument("--draft", required=True)
    imp.add_argument("--glossary")
    imp.add_argument("--name", help="document name (default: from the source file name)")

    status = commands.add_parser("status", help="segments of a project by status")
    status.add_argument("project")

    commands.add_parser("list", help="list the projects")

    serve = commands.add_parser("serve", help="start the web app")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--sample", action="store_true", help="import the bundled sample project first")
    serve.add_argument("--db", dest="serve_db", help="database URL (same as the global --db)")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UserError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _size_cap(args) -> int:
    return int(args.max_size * 1024 * 1024)


def _factory(args):
    from workbench.store.engine import session_factory

    return session_factory(getattr(args, "serve_db", None) or args.db)


def cmd_align(args) -> int:
    from workbench.pipeline import align_files

    aligned = align_files(args.source, args.draft, args.glossary, _size_cap(args))
    _warn_glossary(aligned.glossary)
    pairs = aligned.alignment.pairs
    if args.format == "json":
        json.dump({"pairs": [{"source": p.source, "target": p.target, "kind": p.kind,
                              "paragraph": p.paragraph, "confidence": p.confidence} for p in pairs]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(["paragraph", "kind", "confidence", "source", "target"])
        for p in pairs:
            writer.writerow([p.paragraph, p.kind, p.confidence, _one_line(p.source), _one_line(p.target)])
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _warn_glossary(glossary) -> None:
    if glossary is not None:
        for problem in glossary.problems:
            print(f"workbench: {glossary.name}: {problem} (row skipped)", file=sys.stderr)


def cmd_import(args) -> int:
    from workbench.pipeline import align_files
    from workbench.store.repository import document_name_for, import_document

    aligned = align_files(args.source, args.draft, args.glossary, _size_cap(args))
    _warn_glossary(aligned.glossary)
    factory = _factory(args)
    name = args.name or document_name_for(Path(args.source))
    import_document(factory, args.project, name, str(args.source), str(args.draft), aligned.source.text,
                    aligned.draft.text, aligned.alignment, aligned.glossary)
    pairs = aligned.alignment.pairs
    flagged = sum(1 for p in pairs if p.low_confidence)
    print(f"imported {name!r} into {args.project!r}: {len(pairs)} segments"
          f" ({flagged} with low alignment confidence)")
    return 0


def cmd_status(args) -> int:
    from workbench.store.repository import project_status

    summary = project_status(_factory(args), args.project)
    print(f"{summary.name}: {summary.documents} document(s), {summary.segments} segments")
    for status, count in summary.by_status.items():
        print(f"  {status:9} {count}")
    return 0


def cmd_list(args) -> int:
    from workbench.store.repository import list_projects

    projects = list_projects(_factory(args))
    if not projects:
        print("no projects yet; create one with: workbench import PROJECT --source FILE --draft FILE")
    for summary in projects:
        done = summary.by_status["approved"]
        print(f"{summary.name}\t{summary.documents} document(s)\t{summary.segments} segments\t{done} approved")
    return 0


def ensure_sample(factory) -> None:
    """Import the bundled sample project unless the store already has it."""
    from workbench.pipeline import align_files
    from workbench.store.repository import import_document, list_projects

    if any(p.name == SAMPLE_PROJECT for p in list_projects(factory)):
        return
    aligned = align_files(SAMPLE / "source.zh.txt", SAMPLE / "draft.en.txt", SAMPLE_GLOSSARY)
    import_document(factory, SAMPLE_PROJECT, "wuzheng-5g-cooperation", "samples/wuzheng-5g/source.zh.txt",
                    "samples/wuzheng-5g/draft.en.txt", aligned.source.text, aligned.draft.text,
                    aligned.alignment, aligned.glossary)


def cmd_serve(args) -> int:
    from workbench.store.engine import default_url

    url = getattr(args, "serve_db", None) or args.db or default_url()
    factory = _factory(args)
    if args.sample:
        ensure_sample(factory)
    app = Path(__file__).resolve().parent / "ui" / "app.py"
    env = dict(os.environ, WORKBENCH_DB=url)
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(args.port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    print(f"workbench: serving on http://localhost:{args.port} (database {url})", file=sys.stderr)
    return subprocess.call(command, env=env)


COMMANDS = {
    "align": cmd_align,
    "import": cmd_import,
    "status": cmd_status,
    "list": cmd_list,
    "serve": cmd_serve,
}

if __name__ == "__main__":
    sys.exit(main())
