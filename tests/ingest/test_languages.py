"""A source must be Chinese and a draft English: swapped or wrong files are refused before aligning,
and no real document of either corpus is refused."""

from __future__ import annotations

import pytest

from tests.qa import real_drafts as real
from workbench.errors import UserError
from workbench.ingest.pipeline import check_languages
from workbench.model import SourceText
from workbench.text.paragraphs import paragraph_spans


def text(value: str) -> SourceText:
    return SourceText(value, paragraph_spans(value))


ZH = text("日照五征集团与中国移动日照分公司签署5G战略合作协议，WZ-5200型拖拉机下线。")
EN = text("Wuzheng Group and China Mobile Rizhao Branch signed a 5G strategic cooperation agreement.")


@pytest.mark.parametrize("source, draft, refused", [
    (ZH, EN, None),
    (EN, ZH, "s.txt: not a Chinese source"),
    (ZH, ZH, "d.txt: not an English draft"),
    (EN, EN, "s.txt: not a Chinese source"),
    (text("2019-12-18 5G 128"), EN, "s.txt: not a Chinese source"),  # no Chinese at all
    (ZH, text(EN.text + " 五征集团"), None),  # a Chinese word left untranslated is the checks' to report
])
def test_a_source_must_be_chinese_and_a_draft_english(source, draft, refused):
    if refused is None:
        check_languages(source, draft, "s.txt", "d.txt")
    else:
        with pytest.raises(UserError, match=f"^{refused}"):
            check_languages(source, draft, "s.txt", "d.txt")


@pytest.mark.parametrize("corpus", ["news", "ted"])
def test_no_real_document_is_refused(corpus):
    for draft in real.load(corpus):
        check_languages(text("\n\n".join(s.source for s in draft.segments)),
                        text("\n\n".join(s.target for s in draft.segments)), draft.system, draft.system)
