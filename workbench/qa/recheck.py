"""Re-checking a document after a few of its pairs changed, redoing only their share of the work.

The app re-checks a 5,000-pair document after every save. A full ``Checker.check`` with a warm
cache still walks every pair (contexts, cache keys, every cross-pair judgement, deduplication).
``DocumentRun`` keeps all of that from the previous run and redoes:
- the pair checks and document-check observations of the changed pairs only;
- a paragraph-scoped check for the changed paragraphs only;
- a cross-pair judgement only when one of the changed pairs' observations differs (observations
  carry everything their findings show, so equal observations mean equal findings);
- the final report of a pair only when its own or its cross-pair findings changed.
Anything else (another length, order or length ratio) falls back to a full check.
"""

from __future__ import annotations

from itertools import groupby

from workbench.qa.checks import DocumentCheck, PairContext
from workbench.qa.driver import Checker, SegmentInput, SegmentReport, deduplicate


class DocumentRun:
    """One document's last check with everything needed to redo only what a change touches."""

    def __init__(self, checker: Checker, segments: list[SegmentInput], length_ratio: float):
        self.checker = checker
        self.length_ratio = length_ratio
        self.inputs = list(segments)
        self.contexts = [self._context(s) for s in segments]
        self.keys = [checker.segment_key(c) for c in self.contexts]
        self.own = [checker.pair_findings(c, k) for c, k in zip(self.contexts, self.keys)]
        self.observations: dict[str, list] = {check.check_id: [self._observe(check, c, k) for c, k in zip(self.contexts, self.keys)]
                             for check in self._observing()}
        self.cross = self._cross_findings(None)
        self.reports = [self._report(i) for i in range(len(segments))]

    def recheck(self, segments: list[SegmentInput], length_ratio: float) -> DocumentRun:
        """This run brought up to date with ``segments`` (itself, changed in place, or a new full run)."""
        if (length_ratio != self.length_ratio or len(segments) != len(self.inputs)
                or any(a.index != b.index or a.paragraph != b.paragraph for a, b in zip(segments, self.inputs))):
            return DocumentRun(self.checker, segments, length_ratio)
        changed = [i for i, (new, old) in enumerate(zip(segments, self.inputs)) if new is not old and new != old]
        if not changed:
            return self
        observations_changed = set()
        for i in changed:
            self.inputs[i] = segments[i]
            self.contexts[i] = self._context(segments[i])
            self.keys[i] = self.checker.segment_key(self.contexts[i])
            self.own[i] = self.checker.pair_findings(self.contexts[i], self.keys[i])
            for check in self._observing():
                observed = self._observe(check, self.contexts[i], self.keys[i])
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

    def _context(self, segment: SegmentInput) -> PairContext:
        return PairContext(segment.index, segment.paragraph, segment.source, segment.target, segment.kind,
                           self.length_ratio, self.checker.glossary, self.checker.extras, segment.confidence)

    def _observing(self) -> list[DocumentCheck]:
        return [c for c in self.checker.document_checks
                if c.scope == "document" and type(c).observe is not DocumentCheck.observe]

    def _observe(self, check, context, key):
        cache_key = f"{check.check_id}|observe|{key}"
        observed = self.checker.cache.get(cache_key)
        if observed is None:
            observed = (check.observe(context),)
            self.checker.cache.put(cache_key, observed)
        return observed[0]

    def _cross_findings(self, change: tuple[set[int], set[str]] | None) -> dict[int, tuple]:
        """Cross-pair findings by segment index; with ``change`` (the changed positions, the checks whose
        observations changed) whatever the change cannot affect is taken from the previous run."""
        if change is None:
            self._by_check: dict[str, list] = {}
            self._by_paragraph: dict[str, dict[int, list]] = {}
        changed_paragraphs = {self.contexts[i].paragraph for i in change[0]} if change else None
        for check in self.checker.document_checks:
            if check.scope == "paragraph":
                by_paragraph = self._by_paragraph.setdefault(check.check_id, {})
                for paragraph, group in groupby(self.contexts, key=lambda c: c.paragraph):
                    if changed_paragraphs is None or paragraph in changed_paragraphs:
                        by_paragraph[paragraph] = list(check.check_document(list(group)))
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

    def _report(self, i: int) -> SegmentReport:
        segment = self.inputs[i]
        findings = list(self.own[i]) + list(self.cross.get(segment.index, ()))
        return SegmentReport(segment.index, segment.paragraph, segment.source, segment.target, deduplicate(findings))
