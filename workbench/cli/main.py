"""The command line: thin wrappers around the core; every user error is one line and exit 2."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from workbench import __version__
from workbench.cli.accounts import add_account_parsers, cmd_log, cmd_user
from workbench.cli.review import REVIEW_COMMANDS, add_review_parsers
from workbench.cli.files import cmd_align, cmd_check, cmd_fix, size_cap, warn_glossary
from workbench.errors import UserError



class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, not argparse's usage dump
        raise UserError(f"{self.prog}: {message}")


# workbench/formats/registry.py's release formats and the glossary's TBX, named here so that parsing the
# command line does not load every format adapter (tests/formats/test_registry.py keeps the two equal)
EXPORT_FORMATS = ("txt", "docx", "docx-bilingual", "xliff", "xliff12", "tmx", "csv", "xlsx", "json", "tbx")


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

    imp = commands.add_parser("import", help="align and store a document in a project (or a bilingual file)")
    imp.add_argument("project")
    imp.add_argument("--source")
    imp.add_argument("--draft")
    imp.add_argument("--bilingual", help="an XLIFF 1.2/2.0, TMX or bilingual .docx table: no alignment needed")
    imp.add_argument("--glossary")
    imp.add_argument("--name", help="document name (default: from the source file name)")
    imp.add_argument("--as", dest="actor", default="cli", metavar="NAME",
                     help="who imports (an admin once accounts exist)")

    check = commands.add_parser("check", help="glossary, translation QA and grammar findings for a draft")
    check.add_argument("source")
    check.add_argument("draft")
    check.add_argument("--glossary")
    check.add_argument("--engine", choices=("harper", "languagetool", "none"), default="harper")
    check.add_argument("--lt-server", help="LanguageTool server URL (or $WORKBENCH_LT_SERVER)")
    check.add_argument("--format", choices=("json", "text"), default="text")
    check.add_argument("--checks", help="only these check ids, comma-separated ('grammar' for the engine)")

    fix = commands.add_parser("fix", help="write the draft with the safe fixes applied")
    fix.add_argument("source")
    fix.add_argument("draft")
    fix.add_argument("--glossary")
    fix.add_argument("--checks", help="only these check ids, comma-separated")
    fix.add_argument("-o", "--output", required=True)

    config = commands.add_parser("config", help="show or change a project's check configuration")
    config.add_argument("project")
    config.add_argument("--disable", help="check ids to switch off, comma-separated")
    config.add_argument("--enable", help="check ids to switch back on, comma-separated")
    config.add_argument("--severity", action="append", default=[], metavar="ID=LEVEL",
                        help="override a check's severity (error, warning, info)")
    config.add_argument("--export", metavar="FILE", help="also write it as TOML (e.g. next to the glossary)")
    config.add_argument("--as", dest="actor", default="cli", metavar="NAME",
                        help="who changes it (an admin once accounts exist)")

    for action, helptext in (("approve", "approve segments (reviewers)"), ("reject", "reject segments"),
                             ("reopen", "take an approval or a rejection back (the segment is open again)")):
        decide = commands.add_parser(action, help=helptext)
        decide.add_argument("project")
        which = decide.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true")
        which.add_argument("--segments", help="segment numbers, e.g. 3,5-9")
        decide.add_argument("--as", dest="actor", required=True, metavar="NAME")
        decide.add_argument("--comment", default="")

    export = commands.add_parser("export", help="export the approved release (and its manifest)")
    export.add_argument("project")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--output", required=True)
    export.add_argument("--include-unapproved", action="store_true")
    export.add_argument("--as", dest="actor", default="cli", metavar="NAME")

    edit = commands.add_parser("edit", help="save a new English text for a segment (a new revision)")
    edit.add_argument("project")
    edit.add_argument("segment", type=int)
    edit.add_argument("--text", required=True)
    edit.add_argument("--as", dest="actor", required=True, metavar="NAME")
    edit.add_argument("--expect-version", type=int, help="refuse the save if the segment is no longer at this version")

    suggest = commands.add_parser("suggest", help="fuzzy matches from a TMX translation memory")
    suggest.add_argument("project")
    suggest.add_argument("--tm", required=True, help="a TMX file")
    suggest.add_argument("--threshold", type=float, default=75.0)
    suggest.add_argument("--limit", type=int, default=3)

    status = commands.add_parser("status", help="segments of a project by status")
    status.add_argument("project")

    commands.add_parser("list", help="list the projects")

    backup = commands.add_parser("backup", help="copy the whole store to FILE (consistent while others work)")
    backup.add_argument("file")
    backup.add_argument("--format", choices=("sqlite", "json"),
                        help="sqlite (default for a SQLite store) or a portable JSON dump (any database)")

    restore = commands.add_parser("restore", help="replace the store with a backup made by `backup`")
    restore.add_argument("file")
    restore.add_argument("--force", action="store_true", help="replace a store that already holds data")
    restore.add_argument("--as", dest="actor", default="cli", metavar="NAME")

    serve = commands.add_parser("serve", help="start the web app")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on: 127.0.0.1, this machine only (default), or 0.0.0.0 to serve a team "
                            "on the network, with accounts (workbench user add) so that every user logs in")
    serve.add_argument("--sample", action="store_true", help="import the bundled sample project first")
    serve.add_argument("--db", dest="serve_db", help="database URL (same as the global --db)")
    add_account_parsers(commands)
    add_review_parsers(commands)
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


def _factory(args):
    from workbench.store.engine import session_factory

    return session_factory(getattr(args, "serve_db", None) or args.db)


def cmd_import(args) -> int:
    from workbench.project.importing import import_files

    if args.bilingual:
        if args.source or args.draft:
            raise UserError("give either --bilingual FILE or --source and --draft, not both")
        return _import_bilingual(args)
    if not (args.source and args.draft):
        raise UserError("import needs --source FILE and --draft FILE (or --bilingual FILE)")
    imported = import_files(_factory(args), args.project, Path(args.source), Path(args.draft),
                            Path(args.glossary) if args.glossary else None, name=args.name,
                            source_label=str(args.source), draft_label=str(args.draft),
                            size_cap=size_cap(args), actor=args.actor,
                            on_read=lambda _, glossary: warn_glossary(glossary))
    name, pairs = imported.document, imported.pairs
    flagged = sum(1 for p in pairs if p.low_confidence)
    print(f"imported {name!r} into {args.project!r}: {len(pairs)} segments"
          f" ({flagged} with low alignment confidence)")
    return 0


def cmd_config(args) -> int:
    from workbench.qa import config_file as check_config
    from workbench.qa.config import CheckConfig
    from workbench.store.repository import check_config as stored_config
    from workbench.project.settings import set_check_config

    factory = _factory(args)
    current = CheckConfig.from_dict(stored_config(factory, args.project))
    disabled = set(current.disabled)
    disabled |= {c.strip() for c in (args.disable or "").split(",") if c.strip()}
    disabled -= {c.strip() for c in (args.enable or "").split(",") if c.strip()}
    severity = dict(current.severity)
    for item in args.severity:
        check, _, level = item.partition("=")
        if not level:
            raise UserError(f"--severity expects ID=LEVEL, not {item!r}")
        severity[check.strip()] = level.strip()
    updated = CheckConfig(frozenset(disabled), severity)  # validates ids and levels
    if updated != current:
        set_check_config(factory, args.project, updated.to_dict(), args.actor)
    if args.export:
        check_config.write(updated, Path(args.export))
    print(json.dumps(updated.to_dict(), indent=1))
    return 0


def cmd_decide(args) -> int:
    from workbench.project.review import decide
    from workbench.text.pair_numbers import parse_numbers

    numbers = None if args.all else parse_numbers(args.segments)
    count = decide(_factory(args), args.project, args.command, args.actor, numbers, args.comment)
    done = {"approve": "approved", "reject": "rejected", "reopen": "reopened"}[args.command]
    print(f"{done} {count} segment(s) of {args.project!r} as {args.actor}")
    return 0


def cmd_export(args) -> int:
    from workbench.project.exporting import export_release
    from workbench.release.export import manifest_path

    factory = _factory(args)
    output = Path(args.output)
    if args.format == "tbx":
        return _export_glossary(factory, args.project, output, args.actor)
    record = export_release(factory, args.project, args.format, output, args.actor,
                            include_unapproved=args.include_unapproved).manifest
    effort = record["editing_effort"]
    print(f"wrote {output} ({record['output']['bytes']} bytes) and {manifest_path(output).name}; "
          f"draft → final: BLEU {effort.get('bleu')}, chrF {effort.get('chrf')}, TER {effort.get('ter')}")
    return 0


def _export_glossary(factory, project_name: str, output: Path, actor: str) -> int:
    from workbench.infra.safe_write import write_bytes_atomically
    from workbench.project.exporting import export_glossary

    data, count = export_glossary(factory, project_name, actor)  # authorised before any file is written
    write_bytes_atomically(output, data)
    print(f"wrote {output}: {count} glossary terms")
    return 0


def _import_bilingual(args) -> int:
    from workbench.project.importing import import_bilingual

    path = Path(args.bilingual)
    imported = import_bilingual(_factory(args), args.project, path, Path(args.glossary) if args.glossary else None,
                                name=args.name, size_cap=size_cap(args), actor=args.actor,
                                on_read=lambda _, glossary: warn_glossary(glossary))
    print(f"imported {imported.document!r} into {args.project!r}: {len(imported.pairs)} segments from {path.name} "
          f"(no alignment needed)")
    return 0


def cmd_suggest(args) -> int:
    from workbench.ingest.bilingual import read_memory
    from workbench.ingest.memory import TranslationMemory
    from workbench.project.release import export_project

    memory = TranslationMemory(read_memory(Path(args.tm), size_cap(args)))
    project = export_project(_factory(args), args.project)
    for unit in project.units:
        matches = memory.lookup(unit.source, args.threshold, args.limit)
        if matches:
            print(f"[{unit.id}] {unit.source}")
            for match in matches:
                print(f"    {match.score:5.1f}%  {match.target}   ← {match.source}")
    return 0


def cmd_edit(args) -> int:
    from workbench.store.editing import segment_id_for
    from workbench.project.editing import save_edit

    factory = _factory(args)
    saved = save_edit(factory, segment_id_for(factory, args.project, args.segment), args.text, args.actor,
                      args.expect_version)
    print(f"segment {args.segment} of {args.project!r} is now version {saved.version}")
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


def cmd_backup(args) -> int:
    from workbench.store.backup import backup

    report = backup(args.db, Path(args.file), args.format)
    print(f"backed up to {report.describe()}")
    return 0


def cmd_restore(args) -> int:
    from workbench.store.backup import restore

    report = restore(args.db, Path(args.file), args.force, args.actor)
    print(f"restored from {report.describe()}")
    return 0


def cmd_serve(args) -> int:
    from workbench.project.importing import ensure_sample
    from workbench.store.accounts import using_accounts
    from workbench.store.engine import default_url

    url = getattr(args, "serve_db", None) or args.db or default_url()
    _check_can_listen(args.host, args.port)  # before anything else: a bad address is one line, not a traceback
    factory = _factory(args)
    if args.sample:
        ensure_sample(factory)
    app = Path(__file__).resolve().parents[1] / "ui" / "app.py"
    env = dict(os.environ, WORKBENCH_DB=url)
    # toolbarMode minimal: no Deploy button and no developer menu (rerun, clear cache, record) for users
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(args.port),
               "--server.address", args.host, "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--client.toolbarMode", "minimal"]
    print(f"workbench: serving on http://{args.host}:{args.port} (database {url})", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not using_accounts(factory):
        print("workbench: warning: listening on the network without accounts: anyone who reaches this port can edit, "
              "approve and export; add an admin first with: workbench user add NAME --role admin", file=sys.stderr)
    sys.stderr.flush()
    sys.stdout.flush()
    # become the server (no child left running when this process is stopped or killed)
    os.execve(sys.executable, command, env)


def _check_can_listen(host: str, port: int) -> None:
    """Refuse an address this machine cannot listen on (a typo, a port in use) before Streamlit starts."""
    import socket

    if not 0 < port < 65536:
        raise UserError(f"--port {port}: a port is a number from 1 to 65535")
    try:
        family, kind, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except (OSError, OverflowError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UserError(f"cannot listen on {host}:{port} ({reason}); give --host 127.0.0.1 or 0.0.0.0 and a free "
                        "--port") from None


COMMANDS = {
    "align": cmd_align,
    "import": cmd_import,
    "check": cmd_check,
    "fix": cmd_fix,
    "config": cmd_config,
    "approve": cmd_decide,
    "reject": cmd_decide,
    "reopen": cmd_decide,
    "export": cmd_export,
    "suggest": cmd_suggest,
    "edit": cmd_edit,
    "status": cmd_status,
    "list": cmd_list,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "serve": cmd_serve,
    "user": cmd_user,
    "log": cmd_log,
    **REVIEW_COMMANDS,
}

if __name__ == "__main__":
    sys.exit(main())
