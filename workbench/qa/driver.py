"""Running the checks over a document: QA checks, glossary checks and a grammar engine, with a cache.

The result of a segment depends only on its source, target and bead kind, the glossary, the
engine and the check configuration, so it is cached under exactly that key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from itertools import groupby

from workbench.qa.checks import CHECKS, DOCUMENT_CHECKS, PairContext, check_ids
from workbench.qa.engines.harper_rules import known_check_ids as engine_check_ids
from workbench.errors import UserError
from workbench.glossary.matcher import GlossaryMatcher
from workbench.model import SEVERITIES, Finding, Term


@dataclass(frozen=True)
class CheckConfig:
    """Checks switched off and severities changed, per project."""

    disabled: frozenset[str] = frozenset()
    severity: dict = field(default_factory=dict)

    def __post_init__(self):
        known = set(check_ids()) | engine_check_ids(set(self.disabled) | set(self.severity))  # Harper's rules too
        unknown = sorted((set(self.disabled) | set(self.severity)) - known)
        if unknown:
            raise UserError(f"unknown check id(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        bad = {k: v for k, v in self.severity.items() if v not in SEVERITIES}
        if bad:
            raise UserError(f"severity must be one of {', '.join(SEVERITIES)}, not {bad}")

    def key(self) -> str:
        return json.dumps([sorted(self.disabled), sorted(self.severity.items())])

    @classmethod
    def from_dict(cls, data: dict) -> CheckConfig:
        return cls(frozenset(data.get("disabled", [])), dict(data.get("severity", {})))

    def to_dict(self) -> dict:
        return {"disabled": sorted(self.disabled), "severity": dict(sorted(self.severity.items()))}


@dataclass(frozen=True, slots=True)
class SegmentInput:
    index: int
    paragraph: int
    source: str
    target: str
    kind: str = "1-1"
    confidence: float = 1.0  # the aligner's confidence in the pairing


@dataclass(frozen=True, slots=True)
class SegmentReport:
    index: int
    paragraph: int
    source: str
    target: str
    findings: tuple[Finding, ...]


class FindingCache:
    """Findings per segment, keyed by everything they depend on; a plain dict that can be pickled."""

    def __init__(self, entries: dict | None = None):
        self.entries: dict[str | tuple, tuple] = entries or {}
        self.hits = 0

    def get(self, key: str | tuple):
        found = self.entries.get(key)
        if found is not None:
            self.hits += 1
        return found

    def put(self, key: str | tuple, findings: tuple) -> None:
        self.entries[key] = findings


def glossary_key(terms: tuple[Term, ...]) -> str:
    digest = hashlib.sha256()
    for term in terms:
        digest.update(json.dumps([term.source, term.target, term.type, term.forbidden]).encode())
    return digest.hexdigest()[:16]


class Checker:
    """Everything needed to check documents against one glossary, engine and configuration."""

    def __init__(self, terms: tuple[Term, ...] = (), engine=None, config: CheckConfig | None = None,
                 cache: FindingCache | None = None, only: frozenset[str] | None = None, lexicon="default"):
        self.glossary = GlossaryMatcher(terms) if terms else None
        if lexicon == "default":
            from workbench.align.lexicon import load_lexicon

            lexicon = load_lexicon()
        self.extras = {"lexicon": lexicon}
        self.engine = engine
        self.config = config or CheckConfig()
        self.cache = cache if cache is not None else FindingCache()
        enabled = lambda c: c.check_id not in self.config.disabled and (only is None or c.check_id in only)  # noqa: E731
        self.checks = [c() for c in CHECKS if enabled(c)]
        self.document_checks = [c() for c in DOCUMENT_CHECKS if enabled(c)]
        self.use_engine = engine is not None and (only is None or "grammar" in only)
        engine_name = getattr(engine, "name", "none") if self.use_engine else "none"
        self._key_prefix = f"{glossary_key(terms)}|{engine_name}|{self.config.key()}|{sorted(only or [])}|"
        if self.use_engine and terms:
            engine.add_words(_dictionary_words(terms))

    def check(self, segments: list[SegmentInput], length_ratio: float = 3.0) -> list[SegmentReport]:
        """Reports for every segment; an unchanged document (the same pairs, glossary and settings) is
        answered from the cache. The app re-checks after edits through workbench/qa/recheck.py instead."""
        document_key = self._key_prefix + hashlib.sha256(json.dumps(
            [[s.index, s.paragraph, s.source, s.target, s.kind] for s in segments] + [round(length_ratio, 1)]
        ).encode()).hexdigest()
        cached = self.cache.get(document_key)
        if cached is not None:  # an unchanged document: nothing to do at all
            return list(cached)
        reports = self._check(segments, length_ratio)
        self.cache.put(document_key, tuple(reports))
        return reports

    def _check(self, segments: list[SegmentInput], length_ratio: float) -> list[SegmentReport]:
        contexts = [PairContext(s.index, s.paragraph, s.source, s.target, s.kind, length_ratio, self.glossary,
                                self.extras, s.confidence) for s in segments]
        if self.use_engine:  # once per document: each call to the engine's dictionary has a cost
            self.engine.add_words(sorted({w for s in segments for w in _pinyin_words(s.source)}
                                         | {w for s in segments for w in _romanised_words(s.target)}))
        keys = {c.index: self.segment_key(c) for c in contexts}
        cached = {c.index: self.cache.get(keys[c.index]) for c in contexts}
        engine_results = self._start_engine([c for c in contexts if cached[c.index] is None])
        per_segment = {}
        for context in contexts:
            if cached[context.index] is None:
                found = self._segment_findings(context, engine_results.get(context.index))
                self.cache.put(keys[context.index], found)
                cached[context.index] = found
            per_segment[context.index] = list(cached[context.index])
        by_index = {c.index: c for c in contexts}
        for check in self.document_checks:
            for index, finding in self._document_findings(check, contexts, keys):
                per_segment[index].append(self.configured(finding, by_index.get(index)))
        return [SegmentReport(s.index, s.paragraph, s.source, s.target, deduplicate(per_segment[s.index]))
                for s in segments]

    def pair_findings(self, context: PairContext, key: str) -> tuple[Finding, ...]:
        """One pair's own findings, from the cache or checked now (the engine, if any, for this pair alone)."""
        found = self.cache.get(key)
        if found is None:
            found = self._segment_findings(context, self._start_engine([context]).get(context.index))
            self.cache.put(key, found)
        return found

    def _document_findings(self, check, contexts: list[PairContext], keys: dict[int, str]):
        """A document check's findings; a paragraph-scoped check re-uses the findings of every paragraph
        it has seen unchanged."""
        if check.scope == "paragraph":
            for _, group in groupby(contexts, key=lambda c: c.paragraph):
                group = list(group)
                key = check.check_id + "|paragraph|" + hashlib.blake2b("\x1e".join(
                    f"{c.index}\x1d{keys[c.index]}" for c in group).encode(), digest_size=20).hexdigest()
                found = self.cache.get(key)
                if found is None:
                    found = tuple(check.check_document(group))
                    self.cache.put(key, found)
                yield from found
            return
        # a whole-document check runs whole here: keeping every pair's observation costs more (in memory
        # and garbage collection) than it saves a one-off check; the app's re-check keeps them
        # (workbench/qa/recheck.py)
        yield from check.check_document(contexts)

    def segment_key(self, pair: PairContext) -> str:
        # a string, not a tuple: tens of thousands of tuples in a long-lived cache slow every garbage
        # collection down. The source's length makes the key unambiguous whatever the texts contain.
        return "\x1f".join((self._key_prefix, str(len(pair.source)), pair.source, pair.target, pair.kind,
                             f"{pair.length_ratio:.1f}", "low" if pair.low_confidence else ""))

    def _start_engine(self, pairs: list[PairContext]) -> dict:
        """Engine results as futures: the engine works in one background thread (Harper releases the
        GIL while it lints) while the QA checks run here, so the two costs overlap instead of adding up."""
        if not self.use_engine:
            return {}
        from concurrent.futures import ThreadPoolExecutor

        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grammar-engine")
        # no-break and ideographic spaces break engines' tokenisation; same length, so offsets hold
        futures = {pair.index: executor.submit(self.engine.check,
                                               pair.target.replace("\u00a0", " ").replace("\u3000", " "))
                   for pair in pairs if pair.target.strip()}
        executor.shutdown(wait=False)
        return futures

    def _segment_findings(self, pair: PairContext, engine_future=None) -> tuple[Finding, ...]:
        findings = [self.configured(f, pair) for check in self.checks for f in check.check(pair)]
        if engine_future is not None:
            ours = [(f.start, f.end, f.category) for f in findings]
            for finding in engine_future.result():
                finding = replace(finding, text=pair.target[finding.start:finding.end])
                if _engine_noise(finding, pair.source, pair.target) or finding.check in self.config.disabled:
                    continue
                if not any(_overlaps(finding, start, end) and category == finding.category
                           for start, end, category in ours):
                    findings.append(self.configured(finding))
        return tuple(findings)

    def configured(self, finding: Finding, pair: PairContext | None = None) -> Finding:
        """The finding with the project's severity for its check; on a pair the aligner is unsure of, a
        finding that a wrong pairing would cause as well (a number or a sentence missing) is a hint."""
        severity = self.config.severity.get(finding.check)
        if severity and severity != finding.severity:
            finding = replace(finding, severity=severity)
        if (pair is not None and pair.low_confidence and finding.category in PAIRING_SENSITIVE
                and finding.severity != "info"):
            finding = replace(finding, severity="info", safe=False,
                              message=finding.message + " The aligner is unsure of this pair: check the pairing first.")
        return finding


SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# categories whose findings come from comparing a pair's two sides ("… is missing", "does not match"):
# a wrong pairing causes them as surely as a wrong translation
PAIRING_SENSITIVE = frozenset({"number", "date", "omission"})


def deduplicate(findings: list[Finding]) -> tuple[Finding, ...]:
    """One finding per problem: a finding inside the span of a safe fix is dropped ("Jiang Wei dong" is
    a forbidden variant, a split name and an inconsistency: report it once)."""
    if len(findings) < 2:
        return tuple(findings)
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), SEVERITY_RANK.get(f.severity, 3),
                                              f.category == "consistency", f.check))
    kept: list[Finding] = []
    for finding in ordered:
        # only a safe fix covers what lies inside it; a finding that merely points at the whole
        # segment (a missing term, a missing number) must not hide the others
        if any(k.fix is not None and k.start <= finding.start and finding.end <= k.end and k.end > k.start
               for k in kept):
            continue
        kept.append(finding)
    return tuple(sorted(kept, key=lambda f: (f.start, f.end, f.check)))


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    return finding.start < end and start < finding.end or (finding.start == start and finding.end == end)


def _dictionary_words(terms: tuple[Term, ...]) -> list[str]:
    """Words of glossary names that a spelling checker would not know."""
    words = set()
    for term in terms:
        if term.type in ("person", "organization", "place"):
            words.update(w.strip(",.()'’") for w in term.target.split())
    return sorted(w for w in words if w)


# engine findings the workbench knows better about, and the words it teaches the engine: workbench/qa/engines/noise.py
from workbench.qa.engines.noise import engine_noise as _engine_noise  # noqa: E402
from workbench.qa.engines.noise import pinyin_words as _pinyin_words  # noqa: E402
from workbench.qa.engines.noise import proper_name_word as _proper_name_word  # noqa: E402,F401
from workbench.qa.engines.noise import romanised_words as _romanised_words  # noqa: E402
