"""Contract tests for the grammar engines: Harper offline, LanguageTool against recorded answers."""

from __future__ import annotations

import socket
import time

import pytest

from tests.qa.lt_server import RecordedLanguageTool, load_recordings
from workbench.qa.engines import ENGINES, make_engine
from workbench.qa.engines import languagetool as lt_module
from workbench.qa.engines.base import EngineUnavailable
from workbench.qa.engines.harper import HarperEngine
from workbench.qa.engines.languagetool import LanguageToolEngine
from workbench.errors import UserError
from workbench.model import CATEGORIES, SEVERITIES

POINT_OF_VIEWS = "Jiang Weidong share his point of views at the signing ceremony."
SPACE_COLON_REPEAT = "He pointed : the the plan is good."
CHINESE_EMOJI = "五征集团在𠮷林 😀😀 “Wuzheng” said teh plan is good."
NAMES = "Mr. Weidong visited Rizhao on Monday."
SENTENCE_START = "the company will discuss about the plan in Wuzheng."
RECORDED = [POINT_OF_VIEWS, SPACE_COLON_REPEAT, CHINESE_EMOJI, NAMES, SENTENCE_START]
ENGINE_NAMES = ["harper", "languagetool"]


def test_every_shared_text_has_a_recorded_languagetool_answer():
    assert sorted(load_recordings()) == sorted(RECORDED)


@pytest.fixture(scope="module")
def lt_server():
    with RecordedLanguageTool() as server:
        yield server


@pytest.fixture
def new_engine(lt_server):
    """Build a fresh engine by name; Harper offline, LanguageTool on the recorded server."""

    def build(name: str):
        return HarperEngine() if name == "harper" else LanguageToolEngine(server_url=lt_server.url)

    return build


@pytest.fixture(scope="module", params=ENGINE_NAMES)
def engine(request, lt_server):
    """One engine per name for the whole module: building Harper's dictionary takes about a second."""
    return HarperEngine() if request.param == "harper" else LanguageToolEngine(server_url=lt_server.url)


def find(findings, text):
    return [f for f in findings if f.text == text]


# --- behaviour both engines share -------------------------------------------------------------

@pytest.mark.parametrize("target", RECORDED, ids=["point-of-views", "space-colon-repeat", "chinese-emoji",
                                                   "names", "sentence-start"])
def test_findings_point_at_their_text_in_the_target(engine, target):
    findings = engine.check(target)
    assert findings, "every recorded sentence has something to flag"
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(target)
        assert finding.text == target[finding.start:finding.end]
        assert finding.category in CATEGORIES and finding.severity in SEVERITIES
        assert finding.engine == engine.name and not finding.safe
        assert finding.check.startswith({"harper": "harper_", "languagetool": "lt_"}[engine.name])
        assert finding.message


@pytest.mark.parametrize("target, problem, category, suggestion", [
    (POINT_OF_VIEWS, "point of views", "grammar", "points of view"),
    (SPACE_COLON_REPEAT, "the the", "repetition", "the"),
    (CHINESE_EMOJI, "teh", "spelling", "the"),
    (SENTENCE_START, "the", "grammar", "The"),
    (NAMES, "Rizhao", "spelling", None),
], ids=["point-of-views", "the-the", "typo-after-chinese-and-emoji", "lowercase-sentence-start", "pinyin-name"])
def test_both_engines_flag_the_error_with_a_fix(engine, target, problem, category, suggestion):
    matches = find(engine.check(target), problem)
    assert [f.category for f in matches] == [category]
    if suggestion is not None:
        assert suggestion in matches[0].suggestions


@pytest.mark.parametrize("word", ["Wuzheng", "teh"], ids=["name-after-emoji", "typo-after-emoji"])
def test_offsets_are_code_points_after_chinese_astral_han_and_emoji(engine, word):
    # 𠮷 and 😀 are two UTF-16 units and four UTF-8 bytes each, but one code point.
    start = CHINESE_EMOJI.index(word)
    assert [(f.start, f.end) for f in find(engine.check(CHINESE_EMOJI), word)] == [(start, start + len(word))]


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_add_words_stops_a_name_being_reported_as_a_misspelling(new_engine, name):
    engine = new_engine(name)
    assert [f.category for f in find(engine.check(NAMES), "Weidong")] == ["spelling"]
    engine.add_words(["Weidong", "Xiangmin"])
    findings = engine.check(NAMES)
    assert find(findings, "Weidong") == []
    assert [f.category for f in find(findings, "Rizhao")] == ["spelling"], "only the added name is accepted"


@pytest.mark.parametrize("target", ["", "   ", "\n\n"], ids=["empty", "spaces", "newlines"])
def test_empty_text_gives_no_findings(engine, target):
    assert engine.check(target) == []


# --- Harper ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def harper_engine():
    return HarperEngine()


@pytest.mark.parametrize("target, problem, check, category, severity, fixed", [
    ("This is important , he said.", " ", "harper_comma_fixes", "spacing", "warning", "This is important, he said."),
    ("However the plan is good.", "However", "harper_discourse_markers", "punctuation", "warning",
     "However, the plan is good."),
    ("I want go home.", "want", "harper_missing_to", "style", "info", "I want to go home."),
    ("Hello  world.", "  ", "harper_spaces", "spacing", "warning", "Hello world."),
    ("He said it was was good.", "was was", "harper_repeated_words", "repetition", "info", "He said it was good."),
], ids=["remove", "insert-after", "insert-after-word", "double-space", "repetition"])
def test_harper_suggestions_replace_the_whole_span(harper_engine, target, problem, check, category, severity,
                                                    fixed):
    """The check id names the rule that fired; its severity comes from the table in harper_rules.py."""
    [finding] = find(harper_engine.check(target), problem)
    assert (finding.check, finding.category, finding.severity) == (check, category, severity)
    assert target[:finding.start] + finding.suggestions[0] + target[finding.end:] == fixed


@pytest.mark.parametrize("target, problem, check, severity, first", [
    ("The cat, dog and bird slept.", "dog", "harper_oxford_comma", "info", "dog,"),
    ("The forum was held in the centre of town.", "centre", "harper_british_spelling", "warning", "center"),
    ("The politicisation of trade worries them.", "politicisation", "harper_british_spelling", "warning",
     "politicization"),
    ("The visit was cancelled on Monday.", "cancelled", "harper_spelling_variant", "info", "canceled"),
    ("They met afterwards in Beijing.", "afterwards", "harper_spelling_variant", "info", "afterward"),
    ("The goverment approved the plan.", "goverment", "harper_spell_check", "warning", "government"),
    ("An electron moved.", "electron", "harper_name_case", "info", "Electron"),
    ("Teh plan was approved.", "Teh", "harper_the", "warning", "The"),
    ("Officials said teh plan was approved.", "teh", "harper_the", "warning", "the"),
], ids=["oxford-comma-is-a-hint", "british", "british-ise", "doubled-l-variant", "wards-variant",
        "misspelling", "word-known-only-as-a-name", "typo-at-sentence-start", "typo-mid-sentence"])
def test_harper_rule_severities_and_spelling_kinds(harper_engine, target, problem, check, severity, first):
    [finding] = find(harper_engine.check(target), problem)
    assert (finding.check, finding.severity, finding.suggestions[0], finding.safe) == (check, severity, first, False)


@pytest.mark.parametrize("target, problem, american", [
    ("The programme was launched in May.", "programme", ("program",)),  # Harper's nearest word: programmed
    ("The centres were centred on care.", "centred", ("centered",)),
    ("An enquiry into the labourers' pay.", "enquiry", ("inquiry",)),
    ("An enquiry into the labourers' pay.", "labourers", ("laborers",)),
    ("The defence of the licence.", "licence", ("license",)),
    ("They analysed the manoeuvre.", "manoeuvre", ("maneuver",)),
    ("The paediatric ward opened.", "paediatric", ("pediatric",)),
    ("It was a social judgement.", "judgement", ("judgment",)),
], ids=["mme", "red", "enq", "our", "ence", "oe-and-re", "ae", "dgement"])
def test_a_british_spelling_suggests_only_its_american_spelling(harper_engine, target, problem, american):
    """Harper's edit-distance suggestions for a British word are other words; only the American
    spelling of the same word is a correction."""
    [finding] = find(harper_engine.check(target), problem)
    assert (finding.check, finding.suggestions) == ("harper_british_spelling", american)


@pytest.mark.parametrize("target, problem, suggestions", [
    ("The blocization of the chip industry.", "blocization", ()),  # Harper's nearest word: colonization
    ("The news was broadcasted live.", "broadcasted", ()),  # not "broadcaster": the ending changes
    ("They stayed at hotels: Lisboa, Wynn Palace and more.", "Lisboa", ()),  # a name, not "Lisbon"
    ("The goverment approved the plan.", "goverment", ("government",)),  # a typo's correction stays
], ids=["coinage", "inflection", "name", "typo"])
def test_a_word_harper_does_not_know_gets_only_a_typos_correction(harper_engine, target, problem, suggestions):
    [finding] = find(harper_engine.check(target), problem)
    assert (finding.check, finding.suggestions) == ("harper_spell_check", suggestions)


@pytest.mark.parametrize("target, reported", [
    ("They toured the Historic Centre of Macao.", []),  # a name keeps its official spelling
    ("The city centre was busy.", ["centre"]),
    ("Centre Opens In Macao Today", ["Centre"]),  # a title in capitals is no name
], ids=["inside-a-name", "plain-word", "title"])
def test_a_british_spelling_inside_a_name_is_not_reported(harper_engine, target, reported):
    assert [f.text for f in harper_engine.check(target) if f.check == "harper_british_spelling"] == reported


@pytest.mark.parametrize("target, dash", [
    ("BEIJING, Feb. 11 (Xinhua) -- The plan was approved.", "\u2014"),  # a wire dateline's dash
    ("He came -- and left.", "\u2014"),
    ("The years 1990--2000 were hard.", "\u2013"),  # a range between figures
], ids=["dateline", "aside", "range"])
def test_a_typed_double_hyphen_suggests_the_dash_it_stands_for(harper_engine, target, dash):
    [finding] = find(harper_engine.check(target), "--")
    assert (finding.check, finding.suggestions) == ("harper_dashes", (dash,))


def test_a_british_engine_reports_no_british_spelling():
    assert [f.check for f in HarperEngine("british").check("The centre is open.")] == []


@pytest.mark.parametrize("target, reported", [
    ("Weidong’s plan was approved.", []),
    ("The WEIDONG plan was approved.", []),
    ("The plan was approved by weidong.", ["weidong"]),
], ids=["possessive", "all-caps", "lowercase-still-wrong"])
def test_harper_added_names_cover_possessive_and_capitals(target, reported):
    engine = HarperEngine()
    engine.add_words(["Weidong"])
    assert [f.text for f in engine.check(target) if f.category == "spelling"] == reported


@pytest.mark.parametrize("target, cjk", [
    ("日照 Ｗｕｚｈｅｎｇ 集团", "Ｗｕｚｈｅｎｇ"),
    ("会议 ＡＢＣ　ｔｅｓｔ 结束", "ＡＢＣ"),
], ids=["fullwidth-name", "fullwidth-words"])
def test_harper_ignores_runs_of_cjk_and_fullwidth_characters(harper_engine, target, cjk):
    import harper

    raw = [lint.problem_text for lint in harper.Linter().lint(target, language="plaintext")]
    assert cjk in raw, "Harper itself flags the fullwidth run"
    assert harper_engine.check(target) == []


# --- LanguageTool ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lt_engine(lt_server):
    return LanguageToolEngine(server_url=lt_server.url)


@pytest.mark.parametrize("target, problem, check, category, severity, suggestion", [
    (SPACE_COLON_REPEAT, " :", "lt_comma_parenthesis_whitespace", "spacing", "warning", ":"),
    (SPACE_COLON_REPEAT, "the the", "lt_english_word_repeat_rule", "repetition", "warning", "the"),
    (SENTENCE_START, "the", "lt_uppercase_sentence_start", "grammar", "warning", "The"),
    (SENTENCE_START, "discuss about", "lt_discuss_about", "style", "warning", "discuss"),
    (NAMES, "Weidong", "lt_morfologik_rule_en_us", "spelling", "error", "Wedding"),
    (POINT_OF_VIEWS, "point of views", "lt_point_of_views", "grammar", "error", "points of view"),
], ids=["whitespace", "duplication", "casing", "redundancy", "misspelling", "grammar"])
def test_languagetool_rules_map_to_checks_and_categories(lt_engine, target, problem, check, category,
                                                         severity, suggestion):
    [finding] = find(lt_engine.check(target), problem)
    assert (finding.check, finding.category, finding.severity) == (check, category, severity)
    assert finding.suggestions[0] == suggestion


def test_languagetool_sends_the_exact_text_in_american_english(lt_server, lt_engine):
    lt_engine.check(CHINESE_EMOJI)
    assert lt_server.requests[-1]["text"] == CHINESE_EMOJI
    assert lt_server.requests[-1]["language"] == "en-US"


def test_languagetool_span_that_contains_an_emoji_ends_after_it():
    target = "Sales rose 12% 📈📈 this year, said Mr. Weidong."
    units = len("Sales rose 12% ".encode("utf-16-le")) // 2
    response = load_recordings()[NAMES] | {"matches": [{
        "message": "Emoji repeated.", "shortMessage": "", "replacements": [{"value": "📈"}],
        "offset": units, "length": 4, "context": {"text": target, "offset": units, "length": 4},
        "sentence": target, "rule": {"id": "SYNTHETIC_EMOJI_RULE", "description": "synthetic",
                                     "issueType": "style", "category": {"id": "STYLE", "name": "Style"}}}]}
    with RecordedLanguageTool({target: response}) as server:
        [finding] = LanguageToolEngine(server_url=server.url).check(target)
    assert (finding.text, finding.suggestions) == ("📈📈", ("📈",))


def test_languagetool_reads_the_server_from_the_environment(lt_server, monkeypatch):
    monkeypatch.setenv("WORKBENCH_LT_SERVER", lt_server.url)
    engine = make_engine("languagetool")
    assert engine.server_url == lt_server.url
    assert [f.text for f in engine.check(SPACE_COLON_REPEAT)] == [" :", "the the"]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_one_line(error: pytest.ExceptionInfo, starts: str) -> None:
    message = str(error.value)
    assert message.startswith(starts) and "\n" not in message and "Traceback" not in message


def test_languagetool_unreachable_server_fails_fast_in_one_line():
    url = f"http://127.0.0.1:{closed_port()}"
    started = time.monotonic()
    with pytest.raises(EngineUnavailable) as error:
        LanguageToolEngine(server_url=url)
    assert time.monotonic() - started < 12
    assert_one_line(error, f"LanguageTool server {url}: cannot connect (")


def test_languagetool_silent_server_gives_up_within_the_limit(monkeypatch):
    monkeypatch.setattr(lt_module, "CONNECT_LIMIT", 1.5)
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        with pytest.raises(EngineUnavailable) as error:
            LanguageToolEngine(server_url=url)
        assert time.monotonic() - started < 4
    assert_one_line(error, f"LanguageTool server {url}: cannot connect (no answer within 1.5 s)")


def test_languagetool_url_that_is_not_languagetool_says_so(lt_server):
    url = lt_server.url + "/not-languagetool/"
    with pytest.raises(EngineUnavailable) as error:
        LanguageToolEngine(server_url=url)
    assert_one_line(error, f"LanguageTool server {url}: unexpected answer (")


def test_languagetool_server_that_goes_away_fails_the_check_in_one_line():
    with RecordedLanguageTool() as server:
        engine = LanguageToolEngine(server_url=server.url)
    with pytest.raises(EngineUnavailable) as error:
        engine.check("A sentence the server never saw.")
    assert_one_line(error, f"LanguageTool server {server.url}: the check failed (")


@pytest.fixture
def no_lt_server(monkeypatch, tmp_path):
    """No WORKBENCH_LT_SERVER, an empty LanguageTool folder, and no real LanguageTool start or download."""
    monkeypatch.delenv("WORKBENCH_LT_SERVER", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    started = []

    def refuse(*args, **kwargs):
        from language_tool_python.exceptions import ServerError

        started.append(kwargs)
        raise ServerError("LanguageTool server exited early with code 1")

    monkeypatch.setattr(lt_module, "_tool_class", lambda: refuse)
    return started


@pytest.mark.parametrize("java, installed, message", [
    (None, False, "LanguageTool: no server is set and Java is not installed; set WORKBENCH_LT_SERVER="),
    ("/usr/bin/java", False, "LanguageTool: no server is set and LanguageTool is not installed in "),
], ids=["no-java", "no-languagetool"])
def test_languagetool_without_server_or_install_is_unavailable(no_lt_server, monkeypatch, java, installed,
                                                               message):
    monkeypatch.setattr(lt_module.shutil, "which", lambda name: java)
    started = time.monotonic()
    with pytest.raises(EngineUnavailable) as error:
        make_engine("languagetool")
    assert time.monotonic() - started < 2
    assert_one_line(error, message)
    assert no_lt_server == [], "nothing was started or downloaded"


def test_languagetool_local_install_that_fails_to_start_is_unavailable(no_lt_server, monkeypatch, tmp_path):
    monkeypatch.setattr(lt_module.shutil, "which", lambda name: "/usr/bin/java")
    (tmp_path / "LanguageTool-6.8").mkdir()
    (tmp_path / "LanguageTool-6.8" / "languagetool-server.jar").write_bytes(b"")
    with pytest.raises(EngineUnavailable) as error:
        LanguageToolEngine()
    assert_one_line(error, f"LanguageTool 6.8 in {tmp_path} did not start (LanguageTool server exited early")
    assert no_lt_server == [{"language_tool_download_version": "6.8"}]


# --- the registry ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, kind", [("harper", HarperEngine), ("languagetool", LanguageToolEngine)],
                         ids=["harper", "languagetool"])
def test_make_engine_builds_the_named_engine(lt_server, name, kind):
    engine = make_engine(name, lt_server=lt_server.url)
    assert isinstance(engine, kind) and engine.name == name
    assert engine.check(SPACE_COLON_REPEAT)


def test_make_engine_none_means_no_grammar_checks():
    assert make_engine("none") is None
    assert sorted(ENGINES) == ["harper", "languagetool", "none"]


def test_make_engine_unknown_name_is_a_user_error():
    with pytest.raises(UserError, match="Unknown grammar engine 'grammarly': choose one of harper, languagetool"):
        make_engine("grammarly")


# text, Harper check id, the severity the measured table gives it (workbench/qa/engines/harper_rules.py)
HARPER_DEFAULTS = [
    ("Wait for it... and then it came.", "harper_use_ellipsis_character", "info"),  # AP/Xinhua write "..."
    ("We bought apples, pears and oranges.", "harper_oxford_comma", "info"),  # AP has no serial comma
]


@pytest.mark.parametrize("text,check,severity", HARPER_DEFAULTS, ids=[c[1] for c in HARPER_DEFAULTS])
def test_harper_rules_take_their_measured_severity(text, check, severity):
    found = [f for f in HarperEngine().check(text) if f.check == check]
    assert found and {f.severity for f in found} == {severity}
