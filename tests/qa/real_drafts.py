"""The real drafts of tests/data/real, checked as `workbench check` checks a document, and scored
against the professional MQM raters as tests/data/real/README.md defines it.

Shared by bench/real_drafts.py (which prints the figures) and tests/qa/test_real_drafts.py (which holds
the floors). Each draft is its own document: its segments become paragraphs of a source and a draft
file, the files go through the same path as `workbench check` (read, segment, align, check), and
every finding is mapped back to the corpus segment and the offset inside it.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tests.conftest import TESTS

REAL = TESTS / "data" / "real"
CORPORA = {"news": REAL / "wmt23-news-dev.json.gz", "ted": REAL / "ted-talks.json.gz"}

# finding category -> the rater categories (prefixes) that confirm it (the corpus README's table)
CONFIRMING: dict[str, tuple[str, ...]] = {
    "glossary": ("Terminology/", "Accuracy/Mistranslation", "Locale convention/Name format", "Fluency/Spelling",
                 "Fluency/Inconsistency"),
    "number": ("Accuracy/Mistranslation", "Accuracy/Omission", "Locale convention/", "Non-translation!"),
    "date": ("Accuracy/Mistranslation", "Accuracy/Omission", "Locale convention/", "Non-translation!"),
    "punctuation": ("Fluency/Punctuation", "Fluency/Text-Breaking", "Fluency/Character encoding",
                    "Locale convention/"),
    "spacing": ("Fluency/Punctuation", "Fluency/Text-Breaking", "Fluency/Character encoding", "Fluency/Spelling"),
    "spelling": ("Fluency/Spelling", "Locale convention/Name format", "Accuracy/Mistranslation"),
    "grammar": ("Fluency/Grammar",),
    "style": ("Style/", "Fluency/Register"),
    "consistency": ("Fluency/Inconsistency", "Terminology/Inconsistent"),
    "repetition": ("Fluency/Grammar", "Style/", "Accuracy/Addition", "Non-translation!"),
    "untranslated": ("Accuracy/Source language fragment", "Non-translation!", "Accuracy/Omission",
                     "Accuracy/Untranslated"),
    "omission": ("Accuracy/Omission", "Non-translation!", "Accuracy/Mistranslation"),
}
# MQM groups whose recall is reported: a rater category belongs to the first group whose prefix it has
RECALL_GROUPS: dict[str, tuple[str, ...]] = {
    "punctuation": ("Fluency/Punctuation",),
    "spelling": ("Fluency/Spelling",),
    "grammar": ("Fluency/Grammar",),
    "untranslated": ("Accuracy/Source language fragment", "Non-translation!", "Accuracy/Untranslated"),
    "locale": ("Locale convention/",),
    "omission": ("Accuracy/Omission",),
    "consistency": ("Fluency/Inconsistency", "Terminology/Inconsistent"),
}
LONGER_THAN_MARKED = 40  # a span this much longer than the marked one earns no credit
DEFAULT_SEVERITIES = ("error", "warning")  # on by default; "info" is a low-key hint


@dataclass(frozen=True, slots=True)
class Mark:
    """One rater's error: a span of the English (start < end), or of the Chinese (target start = end = -1)."""

    category: str
    start: int
    end: int
    severity: str
    rater: str

    @property
    def on_target(self) -> bool:
        return self.start >= 0


@dataclass(frozen=True, slots=True)
class Found:
    """One finding mapped onto a corpus segment: offsets into that segment's target."""

    corpus: str
    draft: int  # index of the draft in its corpus
    segment: int
    check: str
    category: str
    severity: str
    start: int
    end: int
    remark: bool  # about something missing (the whole pair's English, or no English at all)
    message: str
    suggestions: tuple[str, ...]
    safe: bool
    engine: str
    low_confidence: bool = False


@dataclass(frozen=True, slots=True)
class Segment:
    source: str
    target: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Draft:
    corpus: str
    index: int
    doc: str
    system: str
    segments: tuple[Segment, ...]


@lru_cache(maxsize=None)
def load(corpus: str) -> tuple[Draft, ...]:
    drafts = []
    for index, raw in enumerate(json.loads(gzip.decompress(CORPORA[corpus].read_bytes()))):
        segments = []
        for seg in raw["segments"]:
            marks = tuple(Mark(e["category"], e.get("start", -1), e.get("end", -1), e["severity"], e["rater"])
                          for e in seg["errors"])
            segments.append(Segment(seg["source"], seg["target"], marks))
        drafts.append(Draft(corpus, index, raw["doc"], raw["system"], tuple(segments)))
    return tuple(drafts)


def confirms(category: str, mark: Mark) -> bool:
    return mark.category.startswith(CONFIRMING.get(category, ()))


def recall_group(mark: Mark) -> str | None:
    return next((g for g, prefixes in RECALL_GROUPS.items() if mark.category.startswith(prefixes)), None)


def word_confirmed(category: str, start: int, end: int, marks) -> bool:
    """A word-level span overlapping a mark of a matching type that is not much shorter than it."""
    end = max(end, start + 1)  # an insertion point counts as the character after it
    return any(m.on_target and confirms(category, m) and start < m.end and m.start < end
               and (end - start) - (m.end - m.start) <= LONGER_THAN_MARKED for m in marks)


def remark_confirmed(category: str, marks) -> bool:
    return any(confirms(category, m) for m in marks)


def chance(category: str, length: int, segment: Segment) -> float:
    """The share of positions of a span this long, slid across the segment, that would be confirmed."""
    size = len(segment.target)
    length = max(1, min(length, size or 1))
    positions = range(0, max(1, size - length + 1))
    return sum(word_confirmed(category, p, p + length, segment.marks) for p in positions) / len(positions)


def is_remark(finding, pair_target: str) -> bool:
    """A remark says something is missing: it points at the whole pair's English, or there is none."""
    return not pair_target.strip() or (finding.start == 0 and finding.end >= len(pair_target.rstrip()))


# --- running the workbench -------------------------------------------------------------------------------


def write_draft_files(draft: Draft, folder: Path) -> tuple[Path, Path]:
    source = folder / f"{draft.corpus}-{draft.index}.zh.txt"
    target = folder / f"{draft.corpus}-{draft.index}.en.txt"
    source.write_text("\n\n".join(s.source for s in draft.segments) + "\n", encoding="utf-8")
    target.write_text("\n\n".join(s.target for s in draft.segments) + "\n", encoding="utf-8")
    return source, target


def segment_starts(draft: Draft) -> list[int]:
    """Offset of each segment's target in the draft file written by write_draft_files."""
    starts, position = [], 0
    for s in draft.segments:
        starts.append(position)
        position += len(s.target) + 2
    return starts


def check_draft(draft: Draft, checker, folder: Path) -> tuple[list[Found], object]:
    """The findings of `workbench check` on one draft, mapped onto its corpus segments."""
    import bisect

    from workbench.ingest.pipeline import align_files

    source_path, target_path = write_draft_files(draft, folder)
    aligned = align_files(source_path, target_path)
    reports = checker.check(list(aligned.alignment.pairs), aligned.alignment.length_ratio)
    starts = segment_starts(draft)
    found = []
    for pair, (span_start, _), report in zip(aligned.alignment.pairs, aligned.target_spans(), reports):
        for f in report.findings:
            remark = is_remark(f, pair.target)
            if pair.target:
                absolute = span_start + f.start
                index = bisect.bisect_right(starts, absolute) - 1
            else:
                index = pair.paragraph
            offset = starts[index]
            seg_len = len(draft.segments[index].target)
            start = min(max(span_start + f.start - offset, 0), seg_len) if pair.target else 0
            end = min(max(span_start + f.end - offset, start), seg_len) if pair.target else 0
            found.append(Found(draft.corpus, draft.index, index, f.check, f.category, f.severity, start, end,
                               remark, f.message, f.suggestions, f.safe, f.engine, pair.low_confidence))
    return found, aligned


def harper_alone(draft: Draft, linter) -> list[Found]:
    """Harper on each segment's English as it is, with the workbench's severities but none of its filters."""
    from workbench.qa.engines.harper import DEFAULT_KIND, LINT_KINDS, check_id

    found = []
    for index, segment in enumerate(draft.segments):
        for lint in linter.lint(segment.target, language="plaintext"):
            category, severity = LINT_KINDS.get(lint.lint_kind, DEFAULT_KIND)
            found.append(Found(draft.corpus, draft.index, index, check_id(lint.lint_kind), category, severity,
                               lint.span.start, lint.span.end, False, lint.message, (), False, "harper-alone"))
    return found


def harper_linter():
    import harper

    from workbench.qa.engines.harper import DISABLED_RULES

    linter = harper.Linter(harper.Dialect.AMERICAN)
    config = linter.get_lint_config()
    config.update({rule: False for rule in DISABLED_RULES if rule in config})
    linter.set_lint_config(config)
    return linter


def run_corpus(corpus: str, engine="harper", drafts=None):
    """Every draft of ``corpus`` checked: (findings, harper-alone findings or None)."""
    from workbench.qa.engines import make_engine
    from workbench.qa.driver import Checker

    drafts = load(corpus) if drafts is None else drafts
    checker = Checker((), make_engine(engine))
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for draft in drafts:
            found += check_draft(draft, checker, Path(folder))[0]
    return found


def run_harper_alone(corpus: str, drafts=None) -> list[Found]:
    linter = harper_linter()
    drafts = load(corpus) if drafts is None else drafts
    return [f for draft in drafts for f in harper_alone(draft, linter)]


# --- scoring -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rate:
    findings: int
    confirmed: int
    chance: float  # the mean chance of the same findings

    @property
    def rate(self) -> float:
        return self.confirmed / self.findings if self.findings else 0.0

    @property
    def lift(self) -> float:
        return self.rate / self.chance if self.chance else float("inf") if self.confirmed else 0.0


def segment_of(corpus: str, f: Found) -> Segment:
    return load(corpus)[f.draft].segments[f.segment]


def judged(f: Found) -> tuple[bool, float]:
    """(confirmed, chance) of one finding."""
    segment = segment_of(f.corpus, f)
    if f.remark:
        return remark_confirmed(f.category, segment.marks), remark_chance(f.corpus, f.category)
    return (word_confirmed(f.category, f.start, f.end, segment.marks),
            chance(f.category, f.end - f.start, segment))


@lru_cache(maxsize=None)
def remark_chance(corpus: str, category: str) -> float:
    """The share of the corpus's segments that a rater marked with an error of a type confirming ``category``."""
    segments = [s for d in load(corpus) for s in d.segments]
    return sum(remark_confirmed(category, s.marks) for s in segments) / len(segments)


def rate(findings: list[Found]) -> Rate:
    verdicts = [judged(f) for f in findings]
    return Rate(len(verdicts), sum(c for c, _ in verdicts),
                sum(p for _, p in verdicts) / len(verdicts) if verdicts else 0.0)


def by_check(findings: list[Found]) -> dict[str, Rate]:
    groups = defaultdict(list)
    for f in findings:
        groups[f.check].append(f)
    return {check: rate(group) for check, group in sorted(groups.items())}


def default_findings(findings: list[Found]) -> list[Found]:
    return [f for f in findings if f.severity in DEFAULT_SEVERITIES]


def recall(corpus: str, findings: list[Found]) -> dict[str, tuple[int, int]]:
    """Per MQM group: (marks some matching finding overlaps, marks). A remark covers its whole segment."""
    by_segment = defaultdict(list)
    for f in findings:
        by_segment[(f.draft, f.segment)].append(f)
    caught, total = Counter(), Counter()
    for draft in load(corpus):
        for index, segment in enumerate(draft.segments):
            here = by_segment.get((draft.index, index), [])
            for mark in segment.marks:
                group = recall_group(mark)
                if group is None:
                    continue
                total[group] += 1
                if any(confirms(f.category, mark) and (f.remark or (mark.on_target and f.start < mark.end
                                                                     and mark.start < max(f.end, f.start + 1)))
                       for f in here):
                    caught[group] += 1
    return {g: (caught[g], total[g]) for g in RECALL_GROUPS}
