"""The MQM quality score: penalties by severity and weight, per 1,000 words, pass/fail, and the refusals."""

from __future__ import annotations

import pytest

from workbench.errors import UserError
from workbench.release.quality import (ErrorMark, QualityModel, QualityScore, category_of, severity_of, span_in,
                                       word_count)


def mark(category: str, severity: str, segment: int = 1) -> ErrorMark:
    return ErrorMark(1, segment, "doc", category, severity, 0, 0, "", "", "Chen", "2026-12-05T00:00:00Z", 1, "x")


@pytest.mark.parametrize("marks, words, model, penalty, per_thousand, passed", [
    ([], 500, QualityModel(), 0, 0.0, True),
    ([("accuracy/omission", "major")], 500, QualityModel(), 5, 10.0, True),  # at the threshold: a pass
    ([("accuracy/omission", "major"), ("fluency/grammar", "minor")], 500, QualityModel(), 6, 12.0, False),
    ([("accuracy", "critical")], 1000, QualityModel(), 25, 25.0, False),
    ([("style/awkward", "neutral")] * 3, 100, QualityModel(), 0, 0.0, True),  # neutral: noted, not counted
    ([("accuracy/omission", "major")], 500, QualityModel().changed({}, {"accuracy": 2}, 25), 10, 20.0, True),
    ([("terminology", "minor")], 200, QualityModel().changed({"minor": 0.5}, {}, None), 0.5, 2.5, True),
])
def test_the_score_weighs_each_error_by_severity_and_category(marks, words, model, penalty, per_thousand, passed):
    score = QualityScore(model, tuple(mark(c, s) for c, s in marks), words, 3)
    assert score.penalty == penalty
    assert score.per_thousand == pytest.approx(per_thousand)
    assert score.score == pytest.approx(100 * (1 - penalty / words))  # MQM's OQS beside it
    assert score.passed is passed
    assert ("PASS" if passed else "FAIL") in score.verdict()


def test_nothing_reviewed_is_not_scored_rather_than_a_perfect_score():
    score = QualityScore(QualityModel(), (), 0, 0)
    assert (score.per_thousand, score.score, score.passed) == (None, None, None)
    assert "not scored" in score.verdict()
    assert score.to_dict()["passed"] is None


def test_the_scorecard_counts_errors_by_dimension_and_severity():
    score = QualityScore(QualityModel(), (mark("accuracy/omission", "major"), mark("accuracy/addition", "minor"),
                                          mark("accuracy", "major"), mark("fluency/spelling", "minor")), 100, 2)
    counts = score.counts()
    assert counts["accuracy"] == {"neutral": 0, "minor": 1, "major": 2, "critical": 0}
    assert counts["fluency"]["minor"] == 1 and "style" not in counts


@pytest.mark.parametrize("typed, kept", [
    ("accuracy/omission", "accuracy/omission"), ("Fluency / Grammar", "fluency/grammar"), ("style", "style"),
    ("LOCALE/date format", "locale/date format"),
])
def test_a_category_is_read_as_the_reviewer_types_it(typed, kept):
    assert category_of(typed) == kept


@pytest.mark.parametrize("typed, said", [
    ("accurracy", "unknown error category 'accurracy'; categories: accuracy"),
    ("accuracy/typo", "unknown accuracy error type 'typo'; types: mistranslation"),
    ("", "unknown error category ''"),
])
def test_an_unknown_category_is_refused_naming_the_choices(typed, said):
    with pytest.raises(UserError, match=said):
        category_of(typed)


def test_an_unknown_severity_or_a_negative_weight_is_refused():
    with pytest.raises(UserError, match="severities: neutral, minor, major, critical"):
        severity_of("blocker")
    with pytest.raises(UserError, match="zero or more"):
        QualityModel().changed({}, {"accuracy": -1}, None)
    with pytest.raises(UserError, match="unknown error category 'speed'"):
        QualityModel().changed({}, {"speed": 1}, None)


def test_a_model_survives_its_dictionary_and_unset_values_keep_their_defaults():
    model = QualityModel().changed({"critical": 10}, {"terminology": 2}, 15)
    again = QualityModel.from_dict(model.to_dict())
    assert again == model and again.penalty("terminology/wrong term", "critical") == 20
    assert QualityModel.from_dict({}) == QualityModel() and QualityModel().penalty("style", "major") == 5


@pytest.mark.parametrize("english, span, occurrence, found", [
    ("the cat and the dog", "the", 1, (0, 3)),
    ("the cat and the dog", "the", 2, (12, 15)),
    ("omitted date", "", 1, (0, 0)),  # the whole pair, as an omission
])
def test_a_span_is_found_in_the_english(english, span, occurrence, found):
    assert span_in(english, span, occurrence) == found


@pytest.mark.parametrize("span, occurrence, said", [
    ("horse", 1, "'horse' is not in the English"), ("the", 3, "'the' is in the English 2 time"),
])
def test_a_span_that_is_not_there_is_refused(span, occurrence, said):
    with pytest.raises(UserError, match=said):
        span_in("the cat and the dog", span, occurrence)


@pytest.mark.parametrize("text, words", [
    ("China Mobile's 5G network", 4), ("The U.S. and Wuzheng-5200 grew 12.8 billion yuan.", 8), ("", 0),
])
def test_words_are_counted_as_a_reviewer_counts_them(text, words):
    assert word_count(text) == words
