"""The workbench's filters on engine findings (workbench/qa/engines/noise.py), the spelling kinds and the rule
table (harper_rules.py, harper_spelling.py), and a project configuration naming Harper's rules."""

from __future__ import annotations

import pytest

from workbench.qa.engines.harper import HarperEngine
from workbench.qa.engines.harper_rules import RULES, known_check_ids, rule_check_id, setting
from workbench.qa.engines.harper_spelling import american_ize, american_variant
from workbench.qa.engines.noise import engine_noise
from workbench.errors import UserError
from workbench.qa.config import CheckConfig
from workbench.qa.driver import Checker
from workbench.model import Pair


@pytest.fixture(scope="module")
def harper_engine():
    return HarperEngine()


def misspellings(engine, target: str, source: str = "") -> list[str]:
    """The spelling findings a user sees: Harper's, less the workbench's noise."""
    return [f.text for f in engine.check(target)
            if f.category == "spelling" and not engine_noise(f, source, target)]


@pytest.mark.parametrize("target, reported", [
    ("The goverment approved the plan.", ["goverment"]),
    ("Officials said the plan was recieved well.", ["recieved"]),
    ("Goverment officials approved the plan.", ["Goverment"]),
    ("The majeure was high.", ["majeure"]),
    ("Experts said the Anti-corruptoin drive worked.", ["corruptoin"]),
    ("Kim Jong-un met Ri Sol-ju and Kim Ju-ae.", []),
    ("Kim Jong-un's daughter attended.", []),
    ("Tourism revenue reached S$8.96 billion.", []),
    ('Fang Fang, a "post-90s" girl, runs a shop.', []),
    ("However, the U.S.'s success was brief.", []),
    ("Yasutoshi Nishimura, the minister, spoke.", []),
    ('According to South Korea\'s "Chosun News", he left.', []),
    ("The delegation was led by Mr. Hsia Liyan.", []),
    ("The drone entered US airspace due to force majeure.", []),
    ("Read more at Xinhua English.news.cn today.", []),
    ("Open the @fangfangfoodshake account to see.", []),
    ("五征集团 Kim Jong-un 说 teh goverment", ["teh", "goverment"]),
    ("", []),
], ids=["misspelling", "misspelling-mid-sentence", "misspelling-capitalised-at-sentence-start",
        "loan-word-outside-its-phrase", "long-word-after-a-capitalised-prefix", "hyphenated-given-names",
        "hyphenated-given-name-possessive", "currency-prefix", "decade-suffix", "dotted-abbreviation-possessive",
        "name-starting-a-sentence", "name-after-an-opening-quote", "name-after-a-title", "loan-phrase",
        "web-address", "handle", "mixed-chinese-and-latin", "empty"])
def test_names_codes_and_token_pieces_are_not_misspellings(harper_engine, target, reported):
    assert misspellings(harper_engine, target) == reported


@pytest.mark.parametrize("source, reported", [
    ("工厂开业", ["qzxv"]),
    ("qzxv 工厂开业", []),
], ids=["not-in-the-source", "copied-from-the-source"])
def test_latin_letters_the_chinese_source_has_are_not_misspellings(harper_engine, source, reported):
    assert misspellings(harper_engine, "The plant of qzxv opened.", source) == reported


@pytest.mark.parametrize("word, variant, ize", [
    ("cancelled", "canceled", None),
    ("travellers", "travelers", None),
    ("afterwards", "afterward", None),
    ("weaponisation", None, "weaponization"),
    ("organised", None, "organized"),
    ("government", None, None),
    ("", None, None),
], ids=["doubled-l", "doubled-l-plural", "wards", "isation", "ised", "plain-word", "empty"])
def test_spelling_shapes(word, variant, ize):
    assert (american_variant(word), american_ize(word)) == (variant, ize)


@pytest.mark.parametrize("rule, kind, check, severity", [
    ("OxfordComma", "Style", "harper_oxford_comma", "info"),
    ("SpellCheck", "Spelling", "harper_spell_check", "warning"),
    ("Dashes", "Formatting", "harper_dashes", "warning"),
    ("SomeUnmeasuredRule", "Formatting", "harper_some_unmeasured_rule", "warning"),
    ("SomeUnmeasuredRule", "Agreement", "harper_some_unmeasured_rule", "info"),
    ("SomeUnmeasuredRule", "NoSuchKind", "harper_some_unmeasured_rule", "info"),
], ids=["measured-hint", "measured-on", "measured-formatting", "unmeasured-takes-its-kind",
        "unmeasured-poor-kind-is-a-hint", "unknown-kind-is-a-hint"])
def test_rule_table(rule, kind, check, severity):
    assert (rule_check_id(rule), setting(rule, kind).severity) == (check, severity)


def test_every_rule_in_the_table_says_what_it_was_decided_from():
    assert all(s.measured and s.severity in ("info", "warning", "error") for s in RULES.values())


@pytest.mark.parametrize("ids, known", [
    ({"harper_oxford_comma"}, {"harper_oxford_comma"}),
    ({"harper_british_spelling", "quote_marks"}, {"harper_british_spelling"}),
    ({"harper_months"}, {"harper_months"}),
    ({"harper_no_such_rule"}, set()),
], ids=["table-rule", "spelling-kind", "rule-outside-the-table", "unknown"])
def test_known_check_ids(ids, known):
    assert known_check_ids(ids) == known


def _check(engine, config, target):
    checker = Checker((), engine, config)
    [report] = checker.check([Pair("猫、狗和鸟睡了。", target)])
    return [(f.check, f.severity) for f in report.findings if f.check.startswith("harper_")]


@pytest.mark.parametrize("config, expected", [
    (CheckConfig(), [("harper_oxford_comma", "info")]),
    (CheckConfig(severity={"harper_oxford_comma": "warning"}), [("harper_oxford_comma", "warning")]),
    (CheckConfig(disabled=frozenset({"harper_oxford_comma"})), []),
], ids=["hint-by-default", "switched-on", "switched-off"])
def test_a_project_can_switch_a_harper_rule(harper_engine, config, expected):
    assert _check(harper_engine, config, "The cat, dog and bird slept.") == expected


def test_a_configuration_naming_an_unknown_harper_rule_is_refused():
    with pytest.raises(UserError, match="harper_no_such_rule"):
        CheckConfig(severity={"harper_no_such_rule": "warning"})
