"""Chinese and English quantities compared by meaning (workbench/text/quantity*.py), and the number and date
checks that use them: real-world expression pairs (tests/data/quantities.tsv, many from the real drafts),
the paragraph view that keeps a wrong pairing from making figures look missing, and fixes only when certain."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import pytest

from tests.qa import real_drafts as real
from workbench.model import Pair
from workbench.qa.checks.base import PairContext
from workbench.qa.checks.numbers import DateMismatch, NumberMismatch
from workbench.text.quantity import match, same
from workbench.text.quantity_en import read_en
from workbench.text.quantity_zh import read_zh
from tests.conftest import TESTS

TABLE = TESTS / "data" / "quantities.tsv"
ROWS = list(csv.DictReader(TABLE.open(encoding="utf-8", newline=""), delimiter="\t"))


def verdict(zh: str, en: str) -> str:
    """same: every quantity read from the Chinese has a partner in the English; different: a figure the
    checks would report has none; name: the Chinese holds no figure the checks would ever report."""
    zh_quantities, en_quantities = read_zh(zh), read_en(en)
    matched = {i for i, _ in match([(0, q) for q in zh_quantities], [(0, q) for q in en_quantities])}
    if zh_quantities and len(matched) == len(zh_quantities):
        return "same"
    if any(q.firm for i, q in enumerate(zh_quantities) if i not in matched):
        return "different"
    return "name"


def test_the_table_is_big_and_balanced():
    verdicts = [r["verdict"] for r in ROWS]
    assert len(ROWS) >= 300 and {"same", "different", "name"} <= set(verdicts)
    assert sum(r["note"].startswith("realdrafts") for r in ROWS) >= 150


@pytest.mark.parametrize("row", ROWS, ids=[f"{i + 2}:{r['zh']}~{r['en']}" for i, r in enumerate(ROWS)])
def test_expression_pair(row):
    if row["verdict"] == "name":  # a name is never a figure to report, whatever the English says
        assert not any(q.firm for q in read_zh(row["zh"])), row["note"]
    else:
        assert verdict(row["zh"], row["en"]) == row["verdict"], row["note"]


def test_same_is_directional_for_months_and_dates():
    month, = read_zh("2月")
    date, = read_en("February 10")
    assert same(month, date)  # the English adds the day
    zh_date, = read_zh("2月10日")
    en_month, = read_en("in February")
    assert not same(zh_date, en_month)  # the English drops it


def _findings(check, pairs):
    contexts = [PairContext(Pair(zh, en, kind, paragraph, index=i)) for i, (paragraph, zh, en, kind) in enumerate(pairs)]
    return [(index, f.text, f.suggestions, f.severity) for index, f in check.check_document(contexts)]


# check, pairs (paragraph, zh, en, kind), expected [(pair index, span, suggestions, severity)]
CHECK_CASES = [
    ("approximate source: no fix", NumberMismatch, [(0, "人口500多万。", "It has 50 million people.", "1-1")],
     [(0, "50 million", (), "error")]),
    ("approximate source rendered", NumberMismatch, [(0, "人口500多万。", "It has more than 5 million people.", "1-1")], []),
    ("exact source: a certain fix", NumberMismatch, [(0, "营收128亿元。", "Revenue was 1.28 billion yuan.", "1-1")],
     [(0, "1.28 billion", ("12.8 billion",), "error")]),
    ("two wrong figures: no fix", NumberMismatch,
     [(0, "营收128亿元，利润5亿元。", "Revenue was 1.28 billion yuan and profit 50 million.", "1-1")],
     [(0, "1.28 billion", (), "error"), (0, "50 million", (), "error")]),
    ("ordinal in words", NumberMismatch, [(0, "连续第5个月负增长。", "the fifth consecutive month of decline", "1-1")], []),
    ("generation", NumberMismatch, [(0, "“90后”女生", "a post-90s girl", "1-1")], []),
    ("model name", NumberMismatch, [(0, "试射火星-17导弹。", "It test-fired a missile.", "1-1")], []),
    ("missing figure", NumberMismatch, [(0, "新建基站260个。", "It builds new base stations.", "1-1")],
     [(0, "It builds new base stations.", (), "error")]),
    ("figure in another pair of the paragraph", NumberMismatch,
     [(0, "新建基站260个。", "It builds new base stations.", "1-1"),
      (0, "总投资5亿元。", "The 260 stations cost 500 million yuan in all.", "1-1")], []),
    ("figure in another paragraph is missing", NumberMismatch,
     [(0, "新建基站260个。", "It builds new base stations.", "1-1"),
      (1, "总投资5亿元。", "The 260 stations cost 500 million yuan.", "1-1")],
     [(0, "It builds new base stations.", (), "error")]),
    ("repeated figure said once", NumberMismatch, [(0, "前20%与后20%", "the top and bottom 20%", "1-1")], []),
    ("no English at all is omitted_sentence's", NumberMismatch, [(0, "新建基站260个。", "", "1-0")], []),
    ("year split by the pairing", DateMismatch,
     [(0, "2023年开年不久，", "", "1-0"), (0, "美国就恶招不断。", "Soon after the start of 2023, the US acted.", "1-1")], []),
    ("year range", DateMismatch, [(0, "2023-2027年行动计划", "the action plan for 2023-2027", "1-1")], []),
    ("wrong day: a certain fix", DateMismatch, [(0, "3月8日举行。", "It was held on March 18.", "1-1")],
     [(0, "March 18", ("March 8",), "error")]),
    ("day alone missing", DateMismatch, [(0, "记者11日获悉，", "The reporter learned that", "1-1")],
     [(0, "The reporter learned that", (), "warning")]),
    ("day rendered as an ordinal", DateMismatch, [(0, "据10日消息，", "according to news on the 10th,", "1-1")], []),
    ("fullwidth and mixed text", NumberMismatch, [(0, "增长１５．６％，", "up 15.6 percent,", "1-1")], []),
    ("empty", NumberMismatch, [(0, "", "", "1-1")], []),
]


@pytest.mark.parametrize("check,pairs,expected", [c[1:] for c in CHECK_CASES], ids=[c[0] for c in CHECK_CASES])
def test_number_and_date_checks(check, pairs, expected):
    assert _findings(check(), pairs) == expected


@pytest.fixture(scope="module")
def news_number_findings():
    from workbench.qa.driver import Checker

    checker = Checker((), None, only=frozenset({"number_mismatch", "date_mismatch"}))
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for draft in real.load("news"):
            found += real.check_draft(draft, checker, Path(folder))[0]
    return found


def test_no_figure_in_the_same_corpus_segment_is_reported_missing(news_number_findings):
    """Section 5 of issue 10: however the sentences of a paragraph are paired, a figure that the paragraph's
    English renders is never reported missing."""
    wrong = []
    for f in news_number_findings:
        if not f.remark:
            continue
        segment = real.segment_of("news", f)
        english = read_en(segment.target)
        figure = f.message.split(" in the source is missing")[0]
        for quantity in read_zh(segment.source):
            if segment.source[quantity.start:quantity.end] == figure and any(same(quantity, q) for q in english):
                wrong.append((f.draft, f.segment, figure))
    assert not wrong


def test_the_audit_covers_every_number_and_date_finding(news_number_findings):
    audit = TESTS / "data" / "real" / "number_audit.tsv"
    rows = list(csv.DictReader(audit.open(encoding="utf-8", newline=""), delimiter="\t"))
    audited = {(int(r["draft"]), int(r["segment"]), r["check"]) for r in rows}
    assert {(f.draft, f.segment, f.check) for f in news_number_findings} <= audited
    assert sum(r["verdict"] == "false" for r in rows) <= 0.05 * len(rows)
