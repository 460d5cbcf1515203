"""Release exports: one contract for every format (same bytes, atomic writes, round trip), then TXT and DOCX cases;
the formats that read back have theirs in test_release_readers.py."""

from __future__ import annotations

import errno
import os
import time
import zipfile
from dataclasses import fields, replace
from pathlib import Path

import docx
import pytest

from tests.formats.format_contract import FormatContract, one_line_naming
from tests.conftest import write_file, writer
from workbench.errors import UserError
from workbench.formats import release_csv, release_docx, release_json, release_txt
from workbench.formats import txt as txt_reader
from workbench.release.export import write_export
from workbench.release.model import ExportProject, ExportUnit

A, B = "新闻稿.docx", "附件.txt"
TRICKY = (
    ExportUnit("1", A, 0, "五征集团与中国移动签署5G战略合作协议。", "Wuzheng Group and China Mobile sign a 5G deal 🎉.",
               "approved", "林", "2024-05-02T08:30:00Z", "import", "2024-05-01T09:00:00Z", "林",
               "2024-05-02T08:29:10Z", ("numbers/number_mismatch: 5G kept",), ("标题可以", "ok 👍"),
               "Wuzheng and China Mobile signs 5G deal."),
    ExportUnit("2", A, 0, "双方代表出席。", "Representatives of both sides attended\u00a0the ceremony.", "edited",
               changed_by="王", changed_at="2024-05-02T07:00:00Z"),
    ExportUnit("3", A, 1, "他说：“好。”", "He said: “Good.” ‘Fine’", "rejected", "王", "2024-05-02T08:31:00Z",
               findings=("punctuation/quotes: curly quotes", "=cmd|' /C calc'!A0")),
    ExportUnit("4", A, 1, "<script>", "<script>alert(1)</script>", "draft"),
    ExportUnit("5", A, 2, "电话：+86 10 1234", "+86 10 1234", "approved", "林", "2024-05-02T08:32:00Z"),
    ExportUnit("6", A, 2, "下降5%", "-5 percent", "edited"),
    ExportUnit("7", A, 3, "链接", '=HYPERLINK("http://x")', "draft"),
    ExportUnit("8", B, 0, "联系@user", "@user", "approved", "林", "2024-05-02T08:33:00Z"),
    ExportUnit("9", B, 0, "制表", "\tindented after a tab", "draft"),
    ExportUnit("10", B, 1, "漏译的一句。", "", "draft"),
    ExportUnit("11", B, 2, "引号", "'=typed with a quote", "edited"),
    ExportUnit("12", B, 2, "𠀀字", "Rare character 𠀀 kept", "approved", "林", "2024-05-02T08:34:00Z"),
)
PROJECT = ExportProject("五征 5G 发布", TRICKY, (A, B))
LABELS = ["emoji-history", "nbsp", "curly-quotes", "script-tag", "plus-phone", "minus", "hyperlink-formula",
          "at-user", "leading-tab", "empty-target", "typed-quote", "outside-bmp"]
UNIT_CASES = [pytest.param(unit, id=f"{unit.id}-{label}") for unit, label in zip(TRICKY, LABELS)]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportContract:
    """Every release export inherits these: writing is deterministic, atomic and fails in one line."""

    suffix = ""
    format_name = ""  # as workbench/formats/registry.py names it

    def write(self, project: ExportProject, path: Path) -> None:
        """As every export writes: the registry's adapter renders, release.export writes atomically."""
        write_export(project, self.format_name, path)

    def test_same_project_gives_same_bytes_whatever_the_clock(self, tmp_path, monkeypatch):
        first, second = tmp_path / f"first{self.suffix}", tmp_path / f"second{self.suffix}"
        self.write(PROJECT, first)
        later = time.time() + 400 * 86400
        monkeypatch.setattr(time, "time", lambda: later)
        self.write(PROJECT, second)
        assert first.read_bytes() == second.read_bytes()

    def test_empty_project_is_written(self, tmp_path):
        path = tmp_path / f"empty{self.suffix}"
        self.write(ExportProject("空", ()), path)
        assert path.exists()

    @pytest.mark.parametrize("failure", ["rename-fails", "disk-full-mid-write", "interrupted-before-rename"])
    def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(self, tmp_path, monkeypatch, failure):
        path = tmp_path / f"release{self.suffix}"
        path.write_bytes(b"the previous release")
        if failure == "rename-fails":
            def replace_fails(*args):
                raise OSError(errno.EACCES, "Permission denied")
            monkeypatch.setattr(os, "replace", replace_fails)
        elif failure == "disk-full-mid-write":
            real_fdopen = os.fdopen

            class HalfWritten:
                def __init__(self, *args, **options):
                    self.stream = real_fdopen(*args, **options)

                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    self.stream.close()

                def write(self, data):
                    self.stream.write(data[: len(data) // 2])
                    raise OSError(errno.ENOSPC, "No space left on device")

            monkeypatch.setattr(os, "fdopen", HalfWritten)
        else:
            def interrupted(*args):
                raise KeyboardInterrupt
            monkeypatch.setattr(os, "replace", interrupted)
        expected = KeyboardInterrupt if failure == "interrupted-before-rename" else UserError
        with pytest.raises(expected):
            self.write(PROJECT, path)
        assert path.read_bytes() == b"the previous release"
        assert [entry.name for entry in tmp_path.iterdir()] == [path.name]

    def test_missing_folder_is_one_line(self, tmp_path):
        path = tmp_path / "no-such-folder" / f"release{self.suffix}"
        with pytest.raises(UserError, match="does not exist") as error:
            self.write(PROJECT, path)
        one_line_naming(error, path)


class RoundTripContract(ExportContract, FormatContract):
    """Formats that read back: write → read → write keeps what the format carries, byte for byte; and
    FormatContract's refusals of files they cannot read."""

    carried: tuple[str, ...] = tuple(field.name for field in fields(ExportUnit))

    def sample(self) -> ExportProject:
        return PROJECT

    def read(self, path: Path, **options) -> list[ExportUnit]:
        raise NotImplementedError

    def kept(self, units) -> list[dict]:
        return [{name: getattr(unit, name) for name in self.carried} for unit in units]

    def test_round_trip_keeps_every_carried_field(self, tmp_path):
        path = tmp_path / f"release{self.suffix}"
        self.write(PROJECT, path)
        assert self.kept(self.read(path)) == self.kept(TRICKY)

    @pytest.mark.parametrize("unit", UNIT_CASES)
    def test_round_trip_of_each_tricky_unit(self, tmp_path, unit):
        path = tmp_path / f"one{self.suffix}"
        self.write(ExportProject("one", (unit,)), path)
        assert self.kept(self.read(path)) == self.kept([unit])

    def test_write_read_write_gives_identical_bytes(self, tmp_path):
        first, second = tmp_path / f"first{self.suffix}", tmp_path / f"second{self.suffix}"
        self.write(PROJECT, first)
        self.write(replace(PROJECT, units=tuple(self.read(first))), second)
        assert first.read_bytes() == second.read_bytes()

    def test_empty_project_round_trips(self, tmp_path):
        path = tmp_path / f"empty{self.suffix}"
        self.write(ExportProject("空", ()), path)
        assert self.read(path) == []


# ---------------------------------------------------------------- the formats


class TestTxt(ExportContract):
    format_name = "txt"
    suffix = ".txt"


class TestDocx(ExportContract):
    format_name = "docx"
    suffix = ".docx"


class TestCsv(RoundTripContract):
    format_name = "csv"
    suffix = ".csv"
    carried = ("id", "document", "paragraph", "source", "target", "status", "approver", "findings")

    def read(self, path, **options):
        return release_csv.read_csv(path, **options)


class TestXlsx(TestCsv):
    format_name = "xlsx"
    suffix = ".xlsx"

    def read(self, path, **options):
        return release_csv.read_xlsx(path, **options)


class TestJson(RoundTripContract):
    format_name = "json"
    suffix = ".json"

    def read(self, path, **options):
        return release_json.read(path, **options)


class TestDocxBilingual(RoundTripContract):
    format_name = "docx-bilingual"
    suffix = ".docx"
    carried = ("id", "document", "source", "target", "status")

    def read(self, path, **options):
        return release_docx.read_bilingual(path, **options)


# ---------------------------------------------------------------- final text: txt and docx

PARAGRAPHS_A = [
    "Wuzheng Group and China Mobile sign a 5G deal 🎉. Representatives of both sides attended\u00a0the ceremony.",
    "He said: “Good.” ‘Fine’ <script>alert(1)</script>",
    "+86 10 1234 -5 percent",
    '=HYPERLINK("http://x")',
]
PARAGRAPHS_B = ["@user indented after a tab", "'=typed with a quote Rare character 𠀀 kept"]


def test_txt_bytes_keep_paragraphs_and_skip_omissions(tmp_path):
    path = tmp_path / "release.txt"
    write_file(release_txt.render, PROJECT, path)
    expected = "\n\n".join(PARAGRAPHS_A) + "\n\n\n" + "\n\n".join(PARAGRAPHS_B) + "\n"
    assert path.read_bytes() == expected.encode("utf-8")


def test_txt_reads_back_as_the_same_paragraphs(tmp_path):
    path = tmp_path / "release.txt"
    write_file(release_txt.render, PROJECT, path)
    assert txt_reader.read(path, 10**6).paragraph_texts() == PARAGRAPHS_A + PARAGRAPHS_B


@pytest.mark.parametrize("units, expected", [
    ((ExportUnit("1", A, 0, "一", "One."),), b"One.\n"),
    ((ExportUnit("1", A, 0, "一", ""), ExportUnit("2", A, 1, "二", "Two.")), b"Two.\n"),
    ((ExportUnit("1", A, 0, "一", "  One.\n\nstill one \r\n"), ExportUnit("2", A, 0, "二", "Two.")),
     b"One. still one Two.\n"),
    ((ExportUnit("2", A, 1, "二", "Two."), ExportUnit("1", A, 0, "一", "One.")), b"One.\n\nTwo.\n"),
    ((ExportUnit("1", A, 0, "一", ""), ExportUnit("2", B, 0, "二", "Other.")), b"Other.\n"),
    ((ExportUnit("1", A, 0, "一", "\u00a0spaced\u00a0"),), "\u00a0spaced\u00a0\n".encode()),
    ((), b""),
], ids=["one-unit", "empty-paragraph-dropped", "line-breaks-inside-a-unit", "paragraph-order",
        "empty-document-dropped", "no-break-spaces-kept", "nothing"])
def test_txt_edge_cases(tmp_path, units, expected):
    path = tmp_path / "release.txt"
    write_file(release_txt.render, ExportProject("p", units), path)
    assert path.read_bytes() == expected


def body(path: Path) -> list[tuple[str, str]]:
    return [(paragraph.style.name, paragraph.text) for paragraph in docx.Document(str(path)).paragraphs]


def test_docx_keeps_paragraphs_with_a_heading_per_document(tmp_path):
    path = tmp_path / "release.docx"
    write_file(release_docx.render, PROJECT, path)
    assert body(path) == ([("Heading 1", A)] + [("Normal", text) for text in PARAGRAPHS_A]
                          + [("Heading 1", B)] + [("Normal", text) for text in PARAGRAPHS_B])
    assert docx.Document(str(path)).core_properties.title == PROJECT.name


def test_docx_of_one_document_has_no_heading(tmp_path):
    path = tmp_path / "release.docx"
    write_file(release_docx.render, replace(PROJECT, units=TRICKY[:7], documents=(A,)), path)
    assert body(path) == [("Normal", text) for text in PARAGRAPHS_A]


@pytest.mark.parametrize("write", [writer(release_docx.render), writer(release_docx.render_bilingual), writer(release_csv.render_xlsx)],
                         ids=["docx", "docx-bilingual", "xlsx"])
def test_control_characters_refused_before_the_old_file_is_touched(tmp_path, write):
    path = tmp_path / "release.out"
    path.write_bytes(b"the previous release")
    bad = ExportProject("p", (ExportUnit("7", A, 0, "坏", "bad\x01text"),))
    with pytest.raises(UserError, match="segment 7.*control characters") as error:
        write(bad, path)
    one_line_naming(error, path)
    assert path.read_bytes() == b"the previous release"
    assert [entry.name for entry in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("write", [writer(release_docx.render), writer(release_docx.render_bilingual), writer(release_csv.render_xlsx)],
                         ids=["docx", "docx-bilingual", "xlsx"])
def test_zipped_exports_carry_no_clock_time(tmp_path, write):
    path = tmp_path / "release.zip"
    write(PROJECT, path)
    with zipfile.ZipFile(path) as archive:
        assert {member.date_time for member in archive.infolist()} == {release_docx.ZIP_TIME}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("1980-01-01T00:00:00Z") == 2 and str(time.gmtime().tm_year) not in core
