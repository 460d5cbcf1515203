"""The review commands: take a decision back, mark MQM errors and read the quality score, comment on a pair,
search and replace across the English. Thin wrappers over workbench/project/, kept apart from main.py."""

from __future__ import annotations

from pathlib import Path

from workbench.cli.accounts import store_of
from workbench.errors import UserError


def add_review_parsers(commands) -> None:
    mark = commands.add_parser("mark", help="mark an MQM error on a segment's English (reviewers)")
    mark.add_argument("project")
    mark.add_argument("segment", type=int)
    mark.add_argument("--category", required=True, help="e.g. accuracy/omission, fluency/grammar, terminology")
    mark.add_argument("--severity", required=True, help="neutral, minor, major or critical")
    mark.add_argument("--span", default="", help="the English words in error, exactly (none: the whole segment)")
    mark.add_argument("--occurrence", type=int, default=1, help="which occurrence of --span (default the first)")
    mark.add_argument("--note", default="")
    mark.add_argument("--as", dest="actor", required=True, metavar="NAME")

    unmark = commands.add_parser("unmark", help="withdraw an error mark (it stays in the history)")
    unmark.add_argument("project")
    unmark.add_argument("mark", type=int, help="the mark's number, as `workbench quality` lists it")
    unmark.add_argument("--as", dest="actor", required=True, metavar="NAME")

    quality = commands.add_parser("quality", help="the review's MQM quality score, its errors, its model")
    quality.add_argument("project")
    quality.add_argument("--report", metavar="FILE", help="also write the errors as a .csv or .xlsx report")
    quality.add_argument("--threshold", type=float, help="set the pass threshold (penalty points per 1,000 words)")
    quality.add_argument("--weight", action="append", default=[], metavar="CATEGORY=N",
                         help="set a category's weight (repeatable), e.g. accuracy=2")
    quality.add_argument("--multiplier", action="append", default=[], metavar="SEVERITY=N",
                         help="set a severity's multiplier (repeatable), e.g. critical=10")
    quality.add_argument("--as", dest="actor", default="cli", metavar="NAME",
                         help="who changes the model (an admin once accounts exist)")

    comment = commands.add_parser("comment", help="write in a segment's comment thread, or read it")
    comment.add_argument("project")
    comment.add_argument("segment", type=int)
    comment.add_argument("--text", help="the message (without it, the thread is printed)")
    comment.add_argument("--as", dest="actor", default="", metavar="NAME")

    replace = commands.add_parser("replace", help="search and replace in the English (each change a revision)")
    replace.add_argument("project")
    replace.add_argument("find")
    replace.add_argument("replacement")
    replace.add_argument("--regex", action="store_true", help="FIND is a regular expression (\\1 in REPLACEMENT)")
    replace.add_argument("--ignore-case", action="store_true")
    replace.add_argument("--whole-words", action="store_true")
    replace.add_argument("--apply", action="store_true", help="save the changes (without it: a preview only)")
    replace.add_argument("--as", dest="actor", default="", metavar="NAME")


def cmd_mark(args) -> int:
    from workbench.project.quality import mark_error
    from workbench.store.editing import segment_id_for

    factory = store_of(args)
    segment_id = segment_id_for(factory, args.project, args.segment)
    mark_id = mark_error(factory, segment_id, _version_of(factory, segment_id), args.category, args.severity,
                         args.actor, args.span, args.occurrence, args.note)
    print(f"marked error {mark_id} on segment {args.segment} of {args.project!r}")
    return 0


def _version_of(factory, segment_id: int) -> int:
    """On the command line the reviewer reads the current text (`workbench status`, the log) before marking."""
    from workbench.store.editing import current_version

    return current_version(factory, segment_id)


def cmd_unmark(args) -> int:
    from workbench.project.quality import withdraw_mark

    withdraw_mark(store_of(args), args.project, args.mark, args.actor)
    print(f"withdrew error mark {args.mark} of {args.project!r}")
    return 0


def cmd_quality(args) -> int:
    from workbench.formats.quality_report import render_report
    from workbench.infra.safe_write import write_bytes_atomically
    from workbench.project.quality import quality_score, set_quality_model

    factory = store_of(args)
    if args.threshold is not None or args.weight or args.multiplier:
        set_quality_model(factory, args.project, args.actor, _numbers(args.multiplier), _numbers(args.weight),
                          args.threshold)
    score = quality_score(factory, args.project)
    report = render_report(score, args.report) if args.report else None  # a wrong suffix refused before printing
    print(f"{args.project}: {score.verdict()}")
    for mark in score.marks:
        span = f" {mark.span!r}" if mark.span else " (whole segment)"
        fixed = " · fixed since" if mark.fixed else ""
        print(f"  [{mark.id}] #{mark.segment} {mark.severity} {mark.category}{span} · {mark.reviewer}{fixed}"
              + (f": {mark.note}" if mark.note else ""))
    if report is not None:
        write_bytes_atomically(Path(args.report), report)
        print(f"wrote {args.report}: {len(score.marks)} error(s)")
    return 0


def _numbers(pairs: list[str]) -> dict[str, float]:
    found = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            found[name.strip().lower()] = float(value)
        except ValueError:
            raise UserError(f"{pair!r}: write NAME=NUMBER, e.g. accuracy=2") from None
    return found


def cmd_comment(args) -> int:
    from workbench.project.comments import add_comment
    from workbench.store.editing import segment_id_for, threads

    factory = store_of(args)
    segment_id = segment_id_for(factory, args.project, args.segment)
    if args.text is not None:
        add_comment(factory, segment_id, args.text, args.actor)
        print(f"added a comment to segment {args.segment} of {args.project!r}")
        return 0
    for comment in threads(factory, [segment_id]).get(segment_id, []):
        print(f"{comment.created_at:%Y-%m-%d %H:%M} · {comment.author} · v{comment.segment_version}: {comment.text}")
    return 0


def cmd_replace(args) -> int:
    from workbench.project.replacing import apply_replace, preview_replace
    from workbench.text.replacing import Replace

    factory = store_of(args)
    replace = Replace(args.find, args.replacement, args.regex, not args.ignore_case, args.whole_words)
    found = preview_replace(factory, args.project, replace)
    for item in found:
        print(f"#{item.number}: {item.before}\n   → {item.after}")
    if not args.apply:
        print(f"{len(found)} segment(s) would change; add --apply --as NAME to save them")
        return 0
    done = apply_replace(factory, args.project, replace, {i.segment_id: i.version for i in found}, args.actor)
    print(f"replaced in {done} segment(s) of {args.project!r} as {args.actor}, each a new revision")
    return 0


REVIEW_COMMANDS = {"mark": cmd_mark, "unmark": cmd_unmark, "quality": cmd_quality, "comment": cmd_comment,
                   "replace": cmd_replace}
