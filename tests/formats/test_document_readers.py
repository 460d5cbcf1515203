"""The source and draft readers (.txt, .docx) under the contract every reader keeps: a file they cannot or
must not read is refused in one line naming it; a file they can read gives its text by paragraph."""

from __future__ import annotations

import pytest

from tests.formats.format_contract import FormatContract
from workbench.formats import read_document
from workbench.formats.registry import DOCUMENT_SUFFIXES
from workbench.release.export import write_export
from workbench.release.model import ExportProject, ExportUnit

PARAGRAPHS = ["五征集团与中国移动签署5G战略合作协议。", "Wuzheng Group signed a 5G deal with China Mobile. " * 3]


class DocumentContract(FormatContract):
    def sample(self):
        return PARAGRAPHS

    def read(self, path, **options):
        return read_document(path, **options)

    def test_paragraphs_read_back(self, tmp_path):
        path = tmp_path / f"document{self.suffix}"
        self.write(PARAGRAPHS, path)
        text = self.read(path)
        assert [text.text[span.start:span.end] for span in text.paragraphs] == [p.strip() for p in PARAGRAPHS]


class TestTxtDocument(DocumentContract):
    suffix = ".txt"

    def write(self, value, path):
        path.write_text("\n\n".join(value) + "\n", "utf-8")


class TestDocxDocument(DocumentContract):
    suffix = ".docx"

    def write(self, value, path):
        """A real Word file: the workbench's own DOCX export of these paragraphs."""
        units = tuple(ExportUnit(str(i), "d", i, "", text) for i, text in enumerate(value, start=1))
        write_export(ExportProject("p", units), "docx", path)


def test_every_document_format_of_the_registry_is_under_the_contract():
    assert set(DOCUMENT_SUFFIXES) == {TestTxtDocument.suffix, TestDocxDocument.suffix}


@pytest.mark.parametrize("suffix", [".pdf", ".doc", ""])
def test_an_unsupported_suffix_is_named_with_the_ones_that_are(tmp_path, suffix):
    from workbench.errors import UserError

    path = tmp_path / f"draft{suffix}"
    path.write_bytes(b"x")
    with pytest.raises(UserError, match=r"unsupported file type .*; use one of \.docx, \.txt"):
        read_document(path)
