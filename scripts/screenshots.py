"""Take the README's screenshots: `workbench serve --sample` on a temporary database, Debian's chromium.
Run: .venv/bin/python scripts/screenshots.py"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
PAGES = {"pairs": "Aligned pairs", "translate": "Translate", "review": "Review", "glossary": "Glossary",
         "release": "Release"}


def _a_day_of_work(url: str) -> None:
    """What the desks show after some work, done through the same use cases as the app: a translator's
    edits (one of them leaving a wrong figure), a reviewer's rejection with a comment, two errors marked (MQM),
    a question in a pair's thread and some approvals, so that the Release page has a quality score."""
    sys.path.insert(0, str(ROOT))
    from workbench.project.comments import add_comment
    from workbench.project.editing import save_edit
    from workbench.project.quality import mark_error
    from workbench.project.review import decide
    from workbench.store.editing import segment_id_for
    from workbench.store.engine import session_factory

    factory = session_factory(url)
    first = segment_id_for(factory, "wuzheng-5g", 1)
    save_edit(factory, first, "Wuzheng Group and China Mobile Rizhao Branch signed a 5G strategic cooperation "
                              "agreement", "Lin Mei", 1)
    decide(factory, "wuzheng-5g", "reject", "Chen", [1], "Add the date of the signing, as the Chinese has it.")
    eighth = segment_id_for(factory, "wuzheng-5g", 8)
    save_edit(factory, eighth, "Jiang Weidong shared his views at the signing ceremony.", "Lin Mei", 1)
    mark_error(factory, first, 2, "accuracy/omission", "major", "Chen", note="the date of the signing is missing")
    mark_error(factory, eighth, 2, "accuracy/mistranslation", "minor", "Chen", span="shared his views",
               note="讲话: delivered a speech")
    add_comment(factory, eighth, "Is 讲话 a speech here, or remarks?", "Chen")
    decide(factory, "wuzheng-5g", "approve", "Chen", [2, 3, 4, 5])


def main() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, WORKBENCH_DB=f"sqlite:///{folder}/shots.db")
        server = subprocess.Popen([sys.executable, "-m", "workbench.cli.main", "serve", "--sample", "--port", str(port)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                try:
                    urllib.request.urlopen(url + "/_stcore/health", timeout=2)
                    break
                except OSError:
                    time.sleep(0.5)
            _a_day_of_work(env["WORKBENCH_DB"])
            expect.set_options(timeout=60_000)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                for path, title in PAGES.items():
                    page.goto(f"{url}/{path}")
                    expect(page.get_by_role("heading", name=title).first).to_be_visible()
                    page.wait_for_timeout(2500)
                    page.screenshot(path=str(SHOTS / f"{path}.png"))
                    print(SHOTS / f"{path}.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
