"""The checker's one driver: QA checks, glossary checks and a grammar engine over a document's pairs.

``Checker`` holds what stays the same from run to run: the glossary, the engine, the configuration,
the enabled checks and the cache. ``DocumentRun`` is one document checked, and the only code that
runs checks: ``Checker.check`` (the command line, the export gate) is a run that keeps nothing once
its reports are made; the app keeps its runs and re-checks after every save, redoing only the edited
pairs' share of the work:
- the pair checks and document-check observations of the changed pairs only;
- a paragraph-scoped check for the changed paragraphs only;
- a cross-pair judgement only when one of the changed pairs' observations differs (observations
  carry everything their findings show, so equal observations mean equal findings);
- the final report of a pair only when its own or its cross-pair findings changed.
Anything else (another length, order or length ratio) is a new full run.

A pair's own findings depend only on its source, target and bead kind, the glossary, the engine and
the check configuration, so they are cached under exactly that key; ``Checker.signature`` names
those settings for the results and the export manifest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from itertools import groupby

from workbench import __version__
from workbench.glossary.matcher import GlossaryMatcher
from workbench.model import Finding, Pair, Term
from workbench.qa.checks import CHECKS, DOCUMENT_CHECKS, DocumentCheck, DocumentContext, PairContext
from workbench.qa.config import CheckConfig
from workbench.qa.results import FindingCache, PairReport, RunSignature, deduplicate, glossary_key

# categories whose findings come from comparing a pair's two sides ("… is missing", "does not match"):
# a wrong pairing causes them as surely as a wrong translation
PAIRING_SENSITIVE = frozenset({"number", "date", "omission"})


class Checker:
    """Everything needed to check documents against one glossary, engine and configuration."""

    def __init__(self, terms: tuple[Term, ...] = (), engine=None, config: CheckConfig | None = None,
                 cache: FindingCache | None = None, only: frozenset[str] | None = None, lexicon="default"):
        self.glossary = GlossaryMatcher(terms) if terms else None
        if lexicon == "default":
            from workbench.align.lexicon import load_lexicon

            lexicon = load_lexicon()
        self.lexicon = lexicon
        self.engine = engine
        self.config = config or CheckConfig()
        self.cache = cache if cache is not None else FindingCache()
        enabled = lambda c: c.check_id not in self.config.disabled and (only is None or c.check_id in only)  # noqa: E731
        self.checks = [c() for c in CHECKS if enabled(c)]
        self.document_checks = [c() for c in DOCUMENT_CHECKS if enabled(c)]
        self.use_engine = engine is not None and (only is None or "grammar" in only)
        engine_name = getattr(engine, "name", "none") if self.use_engine else "none"
        glossary = glossary_key(terms)  # a digest of every term: once per checker
        self._glossary = f"{len(terms)} terms@{glossary[:8]}"
        self._key_prefix = f"{glossary}|{engine_name}|{self.config.key()}|{sorted(only or [])}|"
        if self.use_engine and terms:
            engine.add_words(_dictionary_words(terms))

    def check(self, pairs: list[Pair], length_ratio: float = 3.0) -> list[PairReport]:
        """A report for every pair, in order; an unchanged document (the same pairs, glossary and settings) is
        answered from the cache."""
        document_key = self._key_prefix + hashlib.sha256(json.dumps(
            [[p.index, p.paragraph, p.source, p.target, p.kind, p.confidence] for p in pairs] + [round(length_ratio, 1)]
        ).encode()).hexdigest()
        cached = self.cache.get(document_key)
        if cached is not None:  # an unchanged document: nothing to do at all
            return list(cached)
        reports = DocumentRun(self, pairs, length_ratio, keep_observations=False).reports
        self.cache.put(document_key, tuple(reports))
        return reports

    def signature(self, aligner: str = "unknown") -> RunSignature:
        """The settings this checker's findings depend on; ``aligner`` says how the pairs were made."""
        checks = [c.check_id for c in self.checks + self.document_checks] + (["grammar"] if self.use_engine else [])
        engine = "none"
        if self.use_engine:
            version = getattr(self.engine, "version", "")
            engine = f"{self.engine.name}-{version}" if version else self.engine.name
        return RunSignature(tuple(sorted(checks)), self.config.to_dict(), engine, self._glossary, aligner or "unknown",
                            __version__)

    def pair_key(self, pair: PairContext) -> str:
        # a string, not a tuple: tens of thousands of tuples in a long-lived cache slow every garbage
        # collection down. The source's length makes the key unambiguous whatever the texts contain.
        return "\x1f".join((self._key_prefix, str(len(pair.source)), pair.source, pair.target, pair.kind,
                             f"{pair.length_ratio:.1f}", "low" if pair.low_confidence else ""))

    def teach_engine(self, pairs: list[Pair]) -> None:
        """The pinyin and romanised names of these pairs, so the engine does not call them misspelt;
        once per document or change: each call to the engine's dictionary has a cost."""
        if self.use_engine:
            self.engine.add_words(sorted({w for p in pairs for w in _pinyin_words(p.source)}
                                         | {w for p in pairs for w in _romanised_words(p.target)}))

    def own_findings(self, pairs: list[PairContext], keys: list[str]) -> list[tuple[Finding, ...]]:
        """Each pair's own findings (its pair checks and the engine), from the cache or checked now."""
        found = [self.cache.get(key) for key in keys]
        engine_results = self._start_engine([p for p, f in zip(pairs, found) if f is None])
        for i, (pair, key) in enumerate(zip(pairs, keys)):
            if found[i] is None:
                found[i] = self._pair_findings(pair, engine_results.get(pair.index))
                self.cache.put(key, found[i])
        return found

    def paragraph_findings(self, check: DocumentCheck, group: list[PairContext], keys: list[str]) -> tuple:
        """A paragraph-scoped check's findings on one paragraph, re-used while its pairs are unchanged."""
        key = check.check_id + "|paragraph|" + hashlib.blake2b("\x1e".join(
            f"{c.index}\x1d{k}" for c, k in zip(group, keys)).encode(), digest_size=20).hexdigest()
        found = self.cache.get(key)
        if found is None:
            found = tuple(check.check_document(group))
            self.cache.put(key, found)
        return found

    def observation(self, check: DocumentCheck, pair: PairContext, key: str):
        """What a whole-document check observed in one pair, cached by the pair's key."""
        cache_key = f"{check.check_id}|observe|{key}"
        observed = self.cache.get(cache_key)
        if observed is None:
            observed = (check.observation(pair),)
            self.cache.put(cache_key, observed)
        return observed[0]

    def _start_engine(self, pairs: list[PairContext]) -> dict:
        """Engine results as futures: the engine works in one background thread (Harper releases the
        GIL while it lints) while the QA checks run here, so the two costs overlap instead of adding up."""
        if not self.use_engine or not pairs:
            return {}
        from concurrent.futures import ThreadPoolExecutor

        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grammar-engine")
        # no-break and ideographic spaces break engines' tokenisation; same length, so offsets hold
        futures = {pair.index: executor.submit(self.engine.check,
                                               pair.target.replace("\u00a0", " ").replace("\u3000", " "))
                   for pair in pairs if pair.target.strip()}
        executor.shutdown(wait=False)
        return futures

    def _pair_findings(self, pair: PairContext, engine_future=None) -> tuple[Finding, ...]:
        findings = [self.configured(f, pair) for check in self.checks if check.applies_to(pair) for f in check.check(pair)]
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


class DocumentRun:
    """One document's check, with (``keep_observations``) everything needed to redo only what a change
    touches. Without it the run is a one-off: whole-document checks observe and judge in one go, as
    keeping every pair's observation costs more (in memory and garbage collection) than it saves."""

    def __init__(self, checker: Checker, pairs: list[Pair], length_ratio: float,
                 keep_observations: bool = True):
        self.checker = checker
        self.keeps_observations = keep_observations
        self.document = DocumentContext(length_ratio, checker.glossary, checker.lexicon)
        self.inputs = list(pairs)
        checker.teach_engine(self.inputs)
        self.contexts = [self._context(p) for p in pairs]
        self.keys = [checker.pair_key(c) for c in self.contexts]
        self.own = checker.own_findings(self.contexts, self.keys)
        self.observations: dict[str, list] = {
            check.check_id: [checker.observation(check, c, k) for c, k in zip(self.contexts, self.keys)]
            for check in self._observing()} if keep_observations else {}
        self._by_check: dict[str, list] = {}
        self._by_paragraph: dict[str, dict[int, tuple]] = {}
        self.cross = self._cross_findings(None)
        self.reports = [self._report(i) for i in range(len(pairs))]

    def recheck(self, pairs: list[Pair], length_ratio: float) -> DocumentRun:
        """This run brought up to date with ``pairs`` (itself, changed in place, or a new full run)."""
        if (not self.keeps_observations or length_ratio != self.document.length_ratio or len(pairs) != len(self.inputs)
                or any(a.index != b.index or a.paragraph != b.paragraph for a, b in zip(pairs, self.inputs))):
            return DocumentRun(self.checker, pairs, length_ratio, self.keeps_observations)
        changed = [i for i, (new, old) in enumerate(zip(pairs, self.inputs)) if new is not old and new != old]
        if not changed:
            return self
        self.checker.teach_engine([pairs[i] for i in changed])
        for i in changed:
            self.inputs[i] = pairs[i]
            self.contexts[i] = self._context(pairs[i])
            self.keys[i] = self.checker.pair_key(self.contexts[i])
        own = self.checker.own_findings([self.contexts[i] for i in changed], [self.keys[i] for i in changed])
        observations_changed = set()
        for i, found in zip(changed, own):
            self.own[i] = found
            for check in self._observing():
                observed = self.checker.observation(check, self.contexts[i], self.keys[i])
                if observed != self.observations[check.check_id][i]:
                    self.observations[check.check_id][i] = observed
                    observations_changed.add(check.check_id)
        before = self.cross
        self.cross = self._cross_findings((set(changed), observations_changed))
        position = {s.index: i for i, s in enumerate(self.inputs)}
        touched = set(changed) | {position[index] for index in set(before) | set(self.cross)
                                  if before.get(index) != self.cross.get(index)}
        for i in touched:
            self.reports[i] = self._report(i)
        return self

    def _context(self, pair: Pair) -> PairContext:
        return PairContext(pair, self.document)

    def _observing(self) -> list[DocumentCheck]:
        return [c for c in self.checker.document_checks
                if c.scope == "document" and type(c).observe is not DocumentCheck.observe]

    def _cross_findings(self, change: tuple[set[int], set[str]] | None) -> dict[int, tuple]:
        """Cross-pair findings by pair index; with ``change`` (the changed positions, the checks whose
        observations changed) whatever the change cannot affect is taken from the previous run."""
        for check in self.checker.document_checks:
            if check.scope == "paragraph":
                # by the position a paragraph's run of pairs starts at: a number may come back later
                by_paragraph = self._by_paragraph.setdefault(check.check_id, {})
                for _, group in groupby(range(len(self.contexts)), key=lambda i: self.contexts[i].paragraph):
                    group = list(group)
                    if change is None or not change[0].isdisjoint(group):
                        by_paragraph[group[0]] = self.checker.paragraph_findings(
                            check, [self.contexts[i] for i in group], [self.keys[i] for i in group])
                found = [item for items in by_paragraph.values() for item in items]
            elif check.check_id in self.observations:
                if change and check.check_id not in change[1]:
                    continue
                found = list(check.judge(self.contexts, self.observations[check.check_id]))
            else:
                found = list(check.check_document(self.contexts))
            self._by_check[check.check_id] = found
        cross: dict[int, list] = {}
        context = {c.index: c for c in self.contexts}
        for found in self._by_check.values():
            for index, finding in found:
                cross.setdefault(index, []).append(self.checker.configured(finding, context.get(index)))
        return {index: tuple(findings) for index, findings in cross.items()}

    def _report(self, i: int) -> PairReport:
        pair = self.inputs[i]
        return PairReport(pair, deduplicate(list(self.own[i]) + list(self.cross.get(pair.index, ()))))


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
from workbench.qa.engines.noise import romanised_words as _romanised_words  # noqa: E402
