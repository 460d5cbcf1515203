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
