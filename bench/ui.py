"""Server time of the Translate page on a 5,000-segment document: an empty rerun, and the round
trip of an edit (type the text, click Save, page redrawn), both with Streamlit's AppTest.
Run: python bench/ui.py"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.align.gold import gold_documents  # noqa: E402
from workbench.formats import read_document  # noqa: E402
from workbench.model import SourceText  # noqa: E402
from workbench.segment import segment  # noqa: E402
from workbench.text.paragraphs import paragraph_spans  # noqa: E402
from workbench.ingest.pipeline import align_texts  # noqa: E402
from workbench.store.engine import session_factory  # noqa: E402
from workbench.store.repository import document_segments, import_document  # noqa: E402

APP = str(Path(__file__).resolve().parent.parent / "workbench" / "ui" / "app.py")


def build_pair(sentences: int) -> tuple[SourceText, SourceText]:
    """The gold documents, paragraphs kept, one after another until the Chinese has ``sentences`` sentences."""
    documents = [(read_document(d.source).text, read_document(d.draft).text) for d in gold_documents()]
    zh_parts, en_parts, count = [], [], 0
    while count < sentences:
        for zh, en in documents:
            zh_parts.append(zh)
            en_parts.append(en)
            count += len(segment(SourceText(zh, paragraph_spans(zh)), "zh").sentences)
            if count >= sentences:
                break
    zh_text, en_text = "\n\n".join(zh_parts), "\n\n".join(en_parts)
    return SourceText(zh_text, paragraph_spans(zh_text)), SourceText(en_text, paragraph_spans(en_text))


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=5_000)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/ui.db"
        os.environ["WORKBENCH_DB"] = url
        factory = session_factory(url)
        source, draft = build_pair(args.sentences)
        import_document(factory, "big", "big", "zh", "en", source.text, draft.text, align_texts(source, draft))
        segments = document_segments(factory, "big")[0][1]
        print(f"{len(segments)} segments")
        app = AppTest.from_file(APP, default_timeout=300)
        app.switch_page("app_pages/translate.py")
        first = timed(app.run)
        empty = [timed(app.run) for _ in range(args.edits)]
        edits = []
        for number in range(args.edits):
            segment = segments[number]
            area = next(t for t in app.text_area if t.key == f"target-{segment.id}-{segment.version}")
            area.input(f"{segment.target_text} (edited {number})")  # typing: no rerun (the editor is a form)
            button = next(b for b in app.button if b.key == f"save-{segment.id}")
            edits.append(timed(button.click().run))  # the text and Save arrive together; page redrawn
            assert not app.exception, app.exception
            assert f"(edited {number})" in next(t for t in app.text_area if t.key == f"target-{segment.id}-2").value
        print(f"first load: {first:.2f} s")
        print(f"empty rerun: median {statistics.median(empty) * 1000:.0f} ms")
        print(f"edit round trip (Save with the new text, page redrawn): median "
              f"{statistics.median(edits) * 1000:.0f} ms, worst {max(edits) * 1000:.0f} ms (target < 300 ms)")

if __name__ == "__main__":
    main()
