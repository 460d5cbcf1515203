"""Safe fixes: applied within their spans only, and fixing the fixed text changes nothing."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE, SAMPLE_GLOSSARY
from workbench.qa.fixes import apply_fixes, fix_targets, safe_fixes
from workbench.model import Finding, Term
from workbench.qa.driver import Checker
from workbench.model import Pair

PIECES = ["the the", " ,", " :", "，", "。", "  ", "\u00a0", "\u200b", "point of views", "He pointed :”", "Jiang Wei dong",
          "In the morning of March 8", "Wulian Government", "were held", "growth,reaching", " “", "”", "\"", "(",
          " ", "Wuzheng Group", "signed", ".", "It", "5G", "a", "b"]
TERMS = (Term("蒋卫东", "Jiang Weidong", "person", ("Jiang Wei dong",)),
         Term("五莲县政府", "Wulian County Government", "organization", ("Wulian Government",)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), min_size=1, max_size=4))
def test_fixing_twice_changes_nothing(targets):
    checker = Checker(TERMS)
    segments = [Pair("蒋卫东在五莲县政府讲话。", t, index=i) for i, t in enumerate(targets)]
    once = fix_targets(checker, segments, 3.0)
    again = fix_targets(checker, [Pair(s.source, t, index=i) for i, (s, t) in enumerate(zip(segments, once))],
                        3.0)
    assert again == once


def test_a_fix_changes_only_its_span():
    text = "Jiang Wei dong share his point of views , he said."
    findings = Checker(TERMS).check([Pair("蒋卫东", text)])[0].findings
    fixes = safe_fixes(findings)
    assert fixes
    fixed = apply_fixes(text, findings)
    # rebuild by hand from the untouched stretches between spans
    expected, position = "", 0
    for finding in sorted(fixes, key=lambda f: f.start):
        expected += text[position:finding.start] + finding.suggestions[0]
        position = finding.end
    assert fixed == expected + text[position:]
    assert fixed == "Jiang Weidong share his points of view, he said."
    # the corrected name reveals the verb agreement, which is suggested but never applied unseen: a bare
    # verb after a name is as often a garbled machine sentence as a missing "s"
    fixed_to_fixpoint = fix_targets(Checker(TERMS), [Pair("蒋卫东", text)], 3.0)
    assert fixed_to_fixpoint == ["Jiang Weidong share his points of view, he said."]
    agreement = [f for f in Checker(TERMS).check([Pair("蒋卫东", fixed_to_fixpoint[0])])[0].findings
                 if f.check == "third_person_verb"]
    assert [(f.text, f.suggestions, f.fix) for f in agreement] == [("share", ("shares",), None)]


def test_overlapping_fixes_are_not_applied_together():
    one = Finding("a", "spacing", "warning", "", 0, 5, "ab cd", ("X",), safe=True)
    two = Finding("b", "spacing", "warning", "", 3, 7, "cd e", ("Y",), safe=True)
    assert apply_fixes("ab cd ef", [one, two]) == "X ef"


def _cli(*args, env):
    return subprocess.run([sys.executable, "-m", "workbench.cli.main", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_fix_command_on_the_sample_is_idempotent_and_fixes_the_seed_errors(tmp_path, cli_env):
    out, again = tmp_path / "fixed.txt", tmp_path / "again.txt"
    first = _cli("fix", str(SAMPLE / "source.zh.txt"), str(SAMPLE / "draft.en.txt"), "--glossary",
                 str(SAMPLE_GLOSSARY), "-o", str(out), env=cli_env)
    assert first.returncode == 0, first.stderr
    second = _cli("fix", str(SAMPLE / "source.zh.txt"), str(out), "--glossary", str(SAMPLE_GLOSSARY), "-o",
                  str(again), env=cli_env)
    assert second.returncode == 0
    assert out.read_text("utf-8") == again.read_text("utf-8")
    fixed = out.read_text("utf-8")
    # the bare "share" after the name is suggested, not applied (see test_a_fix_changes_only_its_span)
    for wrong, right in [("share his point of views", "share his points of view"),
                         ("He pointed :”5G", "He pointed out: “5G"),
                         ("In the morning of", "On the morning of"),
                         ("Wulian Government", "Wulian County Government"),
                         ("Jiang Wei dong", "Jiang Weidong"), ("the the", "the"),
                         ("implementation , while", "implementation, while")]:
        assert wrong not in fixed and right in fixed
    assert "\u00a0" not in fixed
    # nothing outside the findings changed: paragraphs and the untouched sentences are the same
    original = (SAMPLE / "draft.en.txt").read_text("utf-8")
    assert fixed.count("\n\n") == original.count("\n\n")
    assert "It is hoped that with the support of our local government" in fixed


def test_check_command_json_and_exit_codes(tmp_path, cli_env):
    result = _cli("check", str(SAMPLE / "source.zh.txt"), str(SAMPLE / "draft.en.txt"), "--glossary",
                  str(SAMPLE_GLOSSARY), "--engine", "none", "--format", "json", env=cli_env)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    findings = [(s, f) for s in report["segments"] for f in s["findings"]]
    for segment, finding in findings:
        assert segment["target"][finding["start"]:finding["end"]] == finding["text"]
        assert set(finding) == {"check", "category", "severity", "message", "start", "end", "text", "suggestions",
                                "fix", "engine"}
    assert report["summary"]["findings"] == len(findings)
    flagged = {f["text"] for _, f in findings}
    assert {"point of views", "pointed :", "In the morning of ", "Wulian Government", "the the",
            "12 million"} <= flagged
    omitted = [s for s in report["segments"] if any(f["category"] == "omission" for f in s["findings"])]
    assert omitted and omitted[0]["target"] == ""
    clean_source, clean_draft = tmp_path / "s.txt", tmp_path / "d.txt"
    clean_source.write_text("五征集团签约。", encoding="utf-8")
    clean_draft.write_text("Wuzheng Group signed.", encoding="utf-8")
    clean = _cli("check", str(clean_source), str(clean_draft), "--engine", "none", env=cli_env)
    assert clean.returncode == 0, clean.stdout


def test_a_finding_about_the_whole_segment_hides_nothing():
    from workbench.qa.results import deduplicate

    whole = Finding("glossary_term_missing", "glossary", "error", "", 0, 20, "The firm signed  it.",
                    ("Wuzheng Group",), safe=False)
    space = Finding("double_space", "spacing", "warning", "", 15, 17, "  ", (" ",), safe=True)
    forbidden = Finding("glossary_forbidden", "glossary", "error", "", 0, 14, "Jiang Wei dong", ("Jiang Weidong",),
                        safe=True)
    split = Finding("name_spelling", "glossary", "error", "", 0, 14, "Jiang Wei dong", ("Jiang Weidong",), safe=True)
    assert {f.check for f in deduplicate([whole, space])} == {"glossary_term_missing", "double_space"}
    assert [f.check for f in deduplicate([forbidden, split])] == ["glossary_forbidden"]


def test_a_finding_with_several_suggestions_is_never_applied_unseen():
    choose = Finding("harper_spelling", "spelling", "error", "", 0, 4, "teh ", ("the ", "ten "), safe=True)
    single = Finding("double_space", "spacing", "warning", "", 4, 6, "  ", (" ",), safe=True)
    assert (choose.fix, single.fix) == (None, " ")
    assert apply_fixes("teh   cat", [choose, single]) == "teh  cat"
