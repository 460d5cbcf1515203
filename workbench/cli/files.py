"""The commands that work on files alone, without a project store: align, check and fix.

Thin wrappers, like the rest of the command line (workbench/cli/main.py builds the parser): the work is in
workbench.ingest.pipeline, workbench.qa.driver and workbench.qa.fixes.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from workbench.errors import UserError


def size_cap(args) -> int:
    return int(args.max_size * 1024 * 1024)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def warn_glossary(glossary) -> None:
    if glossary is not None:
        for problem in glossary.problems:
            print(f"workbench: {glossary.name}: {problem} (row skipped)", file=sys.stderr)


def cmd_align(args) -> int:
    from workbench.ingest.pipeline import align_files

    aligned = align_files(args.source, args.draft, args.glossary, size_cap(args))
    warn_glossary(aligned.glossary)
    pairs = aligned.alignment.pairs
    if args.format == "json":
        write_pairs_json(pairs, sys.stdout)
    else:
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(["paragraph", "kind", "confidence", "source", "target"])
        for p in pairs:
            writer.writerow([p.paragraph, p.kind, p.confidence, _one_line(p.source), _one_line(p.target)])
    return 0


def write_pairs_json(pairs, out) -> None:
    """`workbench align`'s JSON: one pair per line, readable, and each line goes through json's C encoder
    (an indented dump is encoded in Python, a third of a second on 10,000 pairs)."""
    lines = (json.dumps({"source": p.source, "target": p.target, "kind": p.kind, "paragraph": p.paragraph,
                         "confidence": p.confidence}, ensure_ascii=False) for p in pairs)
    out.write('{"pairs": [\n' + ",\n".join(lines) + "\n]}\n")


def _checker(args, aligned, engine_name: str):
    from workbench.qa.checks import check_ids
    from workbench.qa import config_file as check_config
    from workbench.qa.driver import Checker

    only = None
    if getattr(args, "checks", None):
        only = frozenset(c.strip() for c in args.checks.split(",") if c.strip())
        unknown = sorted(only - set(check_ids()) - {"grammar"})
        if unknown:
            raise UserError(f"unknown check id(s) {', '.join(unknown)}; see `workbench check --help`")
    engine = None
    if engine_name != "none":
        from workbench.qa.engines import make_engine

        engine = make_engine(engine_name, lt_server=getattr(args, "lt_server", None))
    terms = aligned.glossary.terms if aligned.glossary else ()
    return Checker(terms, engine, check_config.for_glossary(args.glossary), only=only)


def cmd_check(args) -> int:
    from workbench.ingest.pipeline import align_files
    from workbench.qa.report import render_json, render_text

    aligned = align_files(args.source, args.draft, args.glossary, size_cap(args))
    warn_glossary(aligned.glossary)
    checker = _checker(args, aligned, args.engine)
    reports = checker.check(list(aligned.alignment.pairs), aligned.alignment.length_ratio)
    if args.format == "json":
        signature = checker.signature(aligned.alignment.aligner).to_dict()
        json.dump(render_json(reports, args.engine, signature), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(reports, color=sys.stdout.isatty()))
    return 1 if any(r.findings for r in reports) else 0


def cmd_fix(args) -> int:
    from workbench.qa.fixes import fix_targets
    from workbench.ingest.pipeline import align_files
    from workbench.infra.safe_write import write_text_atomically

    aligned = align_files(args.source, args.draft, args.glossary, size_cap(args))
    warn_glossary(aligned.glossary)
    checker = _checker(args, aligned, "none")
    pairs = list(aligned.alignment.pairs)
    fixed = fix_targets(checker, pairs, aligned.alignment.length_ratio)
    text = aligned.draft.text
    pieces, position, changed = [], 0, 0
    for (start, end), before, after in zip(aligned.target_spans(), pairs, fixed):
        if end > start and after != before.target:
            pieces += [text[position:start], after]
            position = end
            changed += 1
    pieces.append(text[position:])
    write_text_atomically(Path(args.output), "".join(pieces))
    print(f"wrote {args.output}: safe fixes applied in {changed} of {len(pairs)} segments", file=sys.stderr)
    return 0
