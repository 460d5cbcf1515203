"""QA quality on the annotated documents in tests/data/qa, with the default engine (Harper):
recall on injected errors, tricky correct renderings left alone, few findings on clean English."""

from __future__ import annotations

import pytest

from tests.qa.qa_data import qa_documents
from workbench.qa.engines import make_engine
from workbench.ingest.pipeline import align_files
from workbench.qa.driver import Checker
from workbench.model import Pair

WHOLE_SEGMENT_CATEGORIES = ("omission", "number", "date", "glossary")


@pytest.fixture(scope="module")
def engine():
    return make_engine("harper")


def _findings(document, engine):
    """Each finding with its absolute span in the draft, and the span of its pair's source."""
    aligned = align_files(document.source, document.draft, document.glossary)
    segments = [Pair(p.source, p.target, p.kind, p.paragraph, index=i)
                for i, p in enumerate(aligned.alignment.pairs)]
    reports = Checker(aligned.glossary.terms, engine).check(segments, aligned.alignment.length_ratio)
    source_text, position, result = aligned.source.text, 0, []
    for report, (target_start, _), pair in zip(reports, aligned.target_spans(), aligned.alignment.pairs):
        source_start = source_text.find(pair.source, position) if pair.source else position
        source_end = source_start + len(pair.source)
        position = source_end
        for finding in report.findings:
            result.append((source_start, source_end, target_start + finding.start, target_start + finding.end,
                           finding))
    return reports, result


def _caught(annotation, found) -> bool:
    if annotation.in_source:  # an untranslated Chinese sentence
        return any(f.category == "omission" and s <= annotation.start < e for s, e, _, _, f in found)
    return any(start < annotation.end and annotation.start < end
               and (end - start < 300 or f.category in WHOLE_SEGMENT_CATEGORIES)
               for _, _, start, end, f in found)


@pytest.fixture(scope="module")
def results(engine):
    return [(document, *_findings(document, engine)) for document in qa_documents()]


def test_the_annotated_set_is_big_and_covers_every_category(results):
    errors = [a for document, _, _ in results for a in document.errors]
    assert len(results) >= 8 and len(errors) >= 80
    assert {a.category for a in errors} == {"glossary", "number", "date", "punctuation", "spacing", "grammar",
                                            "spelling", "untranslated", "omission", "repetition", "consistency",
                                            "style"}


def test_recall_on_injected_errors_is_at_least_095(results):
    missed = [(d.name, a.category, a.text) for d, _, found in results for a in d.errors if not _caught(a, found)]
    total = sum(len(d.errors) for d, _, _ in results)
    recall = 1 - len(missed) / total
    assert recall >= 0.95, f"recall {recall:.3f}; missed {missed}"


def test_tricky_correct_renderings_are_not_flagged(results):
    flagged = [(d.name, a.text, f.check) for d, _, found in results for a in d.tricky
               for _, _, start, end, f in found if start < a.end and a.start < end and end - start < 100]
    assert flagged == []


def test_clean_professional_english_has_at_most_one_finding_per_20_segments(engine):
    segments = findings = 0
    for document in qa_documents(clean=True):
        reports, _ = _findings(document, engine)
        segments += len(reports)
        findings += sum(len(r.findings) for r in reports)
    assert segments >= 20
    assert findings * 20 <= segments, f"{findings} findings in {segments} segments"
