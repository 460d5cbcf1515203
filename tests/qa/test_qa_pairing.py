"""Findings that a wrong pairing would cause are hints on a pair the aligner is unsure of."""

from __future__ import annotations

import pytest

from workbench.qa.driver import Checker
from workbench.model import Pair

# kind, source, target, confidence, check id, expected severity
CASES = [
    ("1-0", "今年以来，各地也将种植牙降价提上日程。", "", 0.37, "omitted_sentence", "info"),
    ("1-0", "今年以来，各地也将种植牙降价提上日程。", "", 0.9, "omitted_sentence", "error"),
    ("0-1", "", "Since the beginning of this year, prices have fallen.", 0.37, "unpaired_target", "info"),
    ("1-1", "销量达到128亿元。", "Sales reached 1.28 billion yuan.", 0.3, "number_mismatch", "info"),
    ("1-1", "销量达到128亿元。", "Sales reached 1.28 billion yuan.", 0.95, "number_mismatch", "error"),
    ("1-1", "销量增长。", "Sales  grew.", 0.3, "double_space", "warning"),  # nothing to do with the pairing
]


@pytest.mark.parametrize("kind,source,target,confidence,check,severity", CASES,
                         ids=[f"{c[4]}@{c[3]}" for c in CASES])
def test_pairing_sensitive_findings_are_hints_on_unsure_pairs(kind, source, target, confidence, check, severity):
    report = Checker().check([Pair(source, target, kind, 0, confidence=confidence)])[0]
    found = [f for f in report.findings if f.check == check]
    assert [f.severity for f in found] == [severity]
    if severity == "info" and check != "double_space":
        assert "unsure of this pair" in found[0].message and found[0].fix is None
