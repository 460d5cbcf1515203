"""End to end in a real browser: Debian's Chromium driven by Playwright against `workbench serve`.

Import the sample, apply a glossary fix, edit a segment, approve it, export, check the exported text.
Screenshots go to docs/screenshots/ (the README shows them).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT, write_file

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "docs" / "screenshots"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _patient_expectations():
    """The first Translate page of a fresh server loads the CC-CEDICT lexicon and checks every pair: on
    a busy 2-core machine that takes longer than Playwright's 5 s default for expect()."""
    from playwright.sync_api import expect

    expect.set_options(timeout=60_000)


@contextmanager
def chromium_page(**options):
    """A page of Debian's Chromium at 1400x1100 with a patient default timeout, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1100}, **options)
            page.set_default_timeout(60_000)
            yield page
        finally:
            browser.close()


@pytest.fixture
def server(tmp_path, cli_env):
    port = _free_port()
    env = dict(cli_env, WORKBENCH_DB=f"sqlite:///{tmp_path / 'e2e.db'}")
    process = subprocess.Popen([sys.executable, "-m", "workbench.cli.main", "serve", "--sample", "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                raise AssertionError(f"workbench serve exited: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.5)
    else:
        process.kill()
        raise AssertionError("workbench serve did not answer within 120 s")
    yield url, env
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def test_import_fix_edit_approve_export(server, tmp_path):
    assert os.path.exists(CHROMIUM), "Debian's chromium is missing: run scripts/test.sh, which installs it"
    from playwright.sync_api import expect

    url, _ = server
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium_page(accept_downloads=True) as page:

        page.goto(url + "/translate")
        expect(page.get_by_text("15 pairs")).to_be_visible()
        first = page.locator(".st-key-target-1-1 textarea")
        expect(first).to_have_value("Wuzheng Group and China Mobile(Rizhao) signed a 5G strategic cooperation")
        page.locator(".st-key-fix-1-0 button").click()  # the glossary fix: China Mobile(Rizhao) is forbidden
        expect(page.locator(".st-key-target-1-2 textarea")).to_have_value(
            "Wuzheng Group and China Mobile Rizhao Branch signed a 5G strategic cooperation")

        edited = "Jiang Weidong shared his views at the signing ceremony."
        area = page.locator(".st-key-target-8-1 textarea")
        area.fill(edited)
        area.press("Tab")
        save = page.locator(".st-key-save-8 button")
        expect(save).to_be_enabled()
        save.click()
        expect(page.locator(".st-key-target-8-2 textarea")).to_have_value(edited)
        page.locator(".st-key-approve-8 button").click()
        expect(page.get_by_text("#8 · ¶5 · approved")).to_be_visible()
        page.screenshot(path=str(SCREENSHOTS / "e2e-translate.png"))

        page.goto(url + "/release")
        expect(page.get_by_text("1 of 15 segments approved")).to_be_visible()
        page.locator(".st-key-release_include label").click()
        page.locator(".st-key-release_export button").click()
        download_button = page.locator(".st-key-release_download button")
        expect(download_button).to_be_visible()
        page.screenshot(path=str(SCREENSHOTS / "e2e-release.png"))
        with page.expect_download() as info:
            download_button.click()
        exported = Path(info.value.path()).read_text("utf-8")

        # the Review page's word diff of the fix, as Chromium draws it: the inserted words bold, the
        # removed ones struck through, and no Markdown marker printed ("China Mobile( Rizhao)** Branch**")
        page.goto(url + "/review")
        diff = page.locator("[data-testid=stMarkdownContainer]").filter(has_text="China Mobile").first
        expect(diff).to_be_visible()
        assert "**" not in diff.inner_text() and "~~" not in diff.inner_text()
        assert "Branch" in diff.locator("strong").all_inner_texts()
        assert diff.locator("del").all_inner_texts()  # "(Rizhao)" taken out

    assert edited in exported
    assert "China Mobile Rizhao Branch signed" in exported
    assert "China Mobile(Rizhao) signed" not in exported
    assert exported.count("\n\n") >= 4  # the original paragraphs


def test_translation_memory_upload_offers_a_match_that_can_be_used(server, tmp_path):
    from playwright.sync_api import expect

    from workbench.formats import tmx
    from workbench.release.model import ExportProject, ExportUnit

    memory = tmp_path / "memory.tmx"
    write_file(tmx.render, ExportProject("memory", (ExportUnit("1", "old", 0, "蒋卫东在签约仪式上分享了他的观点。",
                                                  "Jiang Weidong shared his views at the ceremony."),)), memory)
    url, _ = server
    with chromium_page() as page:
        page.goto(url + "/translate")
        expect(page.get_by_text("15 pairs")).to_be_visible()
        page.locator(".st-key-memory_upload input[type=file]").set_input_files(str(memory))
        expect(page.get_by_text("1 translation units")).to_be_visible()
        expect(page.get_by_text("memory 9", exact=False).first).to_be_visible()
        page.locator(".st-key-memory-8 button").click()
        expect(page.locator(".st-key-target-8-2 textarea")).to_have_value(
            "Jiang Weidong shared his views at the ceremony.")


def test_bad_upload_on_the_projects_page_is_a_message_and_the_session_goes_on(server, tmp_path):
    """A file of the wrong type gets past the browser's file picker; the page says so and the next import works."""
    from playwright.sync_api import expect

    from tests.conftest import SAMPLE

    minutes = tmp_path / "minutes.pdf"
    minutes.write_bytes(b"%PDF-1.4\n1 0 obj\n")
    url, _ = server
    with chromium_page() as page:
        page.goto(url)
        expect(page.get_by_text("0 of 15 segments approved")).to_be_visible(timeout=60_000)  # a cold first run
        page.get_by_text("New project or document").click()
        page.locator(".st-key-import_project input").fill("press")
        page.locator(".st-key-import_source input[type=file]").set_input_files(str(minutes))
        page.locator(".st-key-import_draft input[type=file]").set_input_files(str(SAMPLE / "draft.en.txt"))
        expect(page.locator(".st-key-import_draft").get_by_text("draft.en.txt")).to_be_visible()
        page.get_by_role("button", name="Import").click()
        expect(page.get_by_text("minutes.pdf: unsupported file type '.pdf'; use one of .docx, .txt")).to_be_visible()

        page.locator(".st-key-import_source input[type=file]").set_input_files(str(SAMPLE / "source.zh.txt"))
        # the upload reruns the page: a click on Import before the uploader lists the new file is lost
        expect(page.locator(".st-key-import_source").get_by_text("source.zh.txt")).to_be_visible()
        page.get_by_role("button", name="Import").click()
        expect(page.get_by_role("heading", name="press")).to_be_visible(timeout=60_000)  # aligning takes a while
        expect(page.get_by_text("0 of 15 segments approved")).to_have_count(2)  # the sample is still there
        expect(page.get_by_text("minutes.pdf")).to_have_count(0)  # the old message is gone


def _listening_addresses(port: int) -> set[str]:
    """The local addresses a process listens on at ``port`` (Linux's /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_the_app_listens_on_this_machine_only_and_shows_no_developer_chrome(server):
    """`workbench serve` binds 127.0.0.1 unless told --host, and users meet no "Deploy" button or
    developer menu (Rerun, Clear cache, Record a screencast)."""
    from playwright.sync_api import expect

    url, _ = server
    assert _listening_addresses(int(url.rsplit(":", 1)[1])) == {"0100007F"}  # 127.0.0.1, little-endian hex
    with chromium_page() as page:
        page.goto(url + "/translate")
        expect(page.get_by_text("15 pairs")).to_be_visible()
        expect(page.get_by_role("button", name="Deploy")).to_have_count(0)
        expect(page.locator("[data-testid=stMainMenu]")).to_have_count(0)
