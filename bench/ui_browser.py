"""The desks as a user meets them: Debian's Chromium driven by Playwright against `workbench serve` on a
5,000-pair project, every action timed from the click to the page showing its result, beside an empty
Streamlit page's rerun measured in the same run (the floor any click costs: browser, websocket, rerun).

Run: python bench/ui_browser.py [--sentences 5000] [--repeat 10]
Issue 13's targets: open the Translate or Review desk <= 1.5 s; save, apply a fix, approve and a review
decision: median <= 300 ms, 95th percentile <= 800 ms. (Keyboard actions, next pair and save-and-next,
are not built yet; they will be timed here when they are.)
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.ingest.pipeline import align_texts  # noqa: E402
from workbench.store.engine import session_factory  # noqa: E402
from workbench.store.repository import document_segments, import_document  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
EMPTY_PAGE = 'import streamlit as st\nst.button("Rerun", key="rerun")\nst.write(f"run {st.session_state.setdefault(\'n\', 0)}")\nst.session_state.n += 1\n'


def _build_pair(sentences: int):
    """bench/ui.py's document: the gold documents one after another up to ``sentences`` sentences."""
    spec = importlib.util.spec_from_file_location("bench_ui", Path(__file__).with_name("ui.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_pair(sentences)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(command: list[str], env: dict) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    process = subprocess.Popen([*command, "--port", str(port)] if "workbench" in " ".join(command) else
                               [*command, "--server.port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            return process, url
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit(f"{' '.join(command)} did not answer within 120 s")


def _timed(action, settled) -> float:
    started = time.perf_counter()
    action()
    settled()
    return time.perf_counter() - started


def _summary(name: str, times: list[float], target: str) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"{name:<38} median {statistics.median(times) * 1000:6.0f} ms   p95 {p95 * 1000:6.0f} ms   "
            f"({len(times)} runs; {target})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    from playwright.sync_api import expect, sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        url_db = f"sqlite:///{folder}/desks.db"
        factory = session_factory(url_db)
        source, draft = _build_pair(args.sentences)
        import_document(factory, "big", "big", "zh", "en", source.text, draft.text, align_texts(source, draft))
        segments = document_segments(factory, "big")[0][1]
        empty_app = Path(folder) / "empty.py"
        empty_app.write_text(EMPTY_PAGE, encoding="utf-8")
        env = dict(os.environ, WORKBENCH_DB=url_db)
        desks, desks_url = _serve([sys.executable, "-m", "workbench.cli.main", "serve"], env)
        empty, empty_url = _serve([sys.executable, "-m", "streamlit", "run", str(empty_app), "--server.headless",
                                   "true", "--browser.gatherUsageStats", "false"], env)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                page.set_default_timeout(120_000)

                page.goto(empty_url)
                expect(page.get_by_text("run 0")).to_be_visible()
                floor = []
                for n in range(1, args.repeat + 1):
                    floor.append(_timed(lambda: page.locator(".st-key-rerun button").click(),
                                        lambda n=n: expect(page.get_by_text(f"run {n}")).to_be_visible()))

                page.goto(desks_url + "/translate")  # the first visit loads the lexicon and checks every pair
                expect(page.get_by_text(f"{len(segments)} pairs")).to_be_visible(timeout=600_000)
                opened = [_timed(lambda: page.goto(desks_url + "/translate"),
                                 lambda: expect(page.get_by_text(f"{len(segments)} pairs")).to_be_visible())
                          for _ in range(3)]
                saves, approvals = [], []
                for n, segment in enumerate(segments[:args.repeat]):
                    area = page.locator(f".st-key-target-{segment.id}-1 textarea")
                    area.fill(f"{segment.target_text} (edited {n})")
                    area.press("Tab")
                    saves.append(_timed(lambda s=segment: page.locator(f".st-key-save-{s.id} button").click(),
                                        lambda s=segment: expect(page.locator(f".st-key-target-{s.id}-2 textarea"))
                                        .to_be_visible()))
                for segment in segments[:args.repeat]:
                    button = page.locator(f".st-key-approve-{segment.id} button")
                    if button.is_disabled():
                        continue
                    # settled: approved (the button disabled), or asked first (the "Approve anyway" button)
                    approvals.append(_timed(button.click, lambda s=segment: expect(
                        page.locator(f".st-key-approve-{s.id} button[disabled], .st-key-approve-{s.id}-anyway button")
                        .first).to_be_visible()))
                    anyway = page.locator(f".st-key-approve-{segment.id}-anyway button")
                    if anyway.count():  # open errors: the desk asked first; the decision is the second click
                        approvals[-1] += _timed(anyway.click, lambda s=segment: expect(
                            page.locator(f".st-key-approve-{s.id} button")).to_be_disabled())

                review = [_timed(lambda: page.goto(desks_url + "/review"),
                                 lambda: expect(page.get_by_text("Segments changed")).to_be_visible())
                          for _ in range(3)]
                browser.close()
        finally:
            for process in (desks, empty):
                process.terminate()
                process.wait(timeout=30)

    print(f"{len(segments)} pairs in one document; Chromium {CHROMIUM}, 1440x900")
    print(_summary("empty page rerun (baseline)", floor, "the floor of any click"))
    print(_summary("open the Translate desk", opened, "target <= 1.5 s"))
    print(_summary("save an edit", saves, "target median <= 300 ms, p95 <= 800 ms"))
    print(_summary("approve (asked first on open errors)", approvals, "target median <= 300 ms, p95 <= 800 ms"))
    print(_summary("open the Review desk", review, "target <= 1.5 s"))


if __name__ == "__main__":
    main()
