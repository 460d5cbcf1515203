"""A local stand-in for a LanguageTool server that answers /v2/check from recorded responses."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.conftest import TESTS

RECORDINGS = TESTS / "data" / "languagetool"

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "Chinese", "code": "zh", "longCode": "zh-CN"},
]
SOFTWARE = {"name": "LanguageTool", "version": "6.5", "buildDate": "2024-09-27 11:24:27 +0000",
            "apiVersion": 1, "premium": False, "status": ""}


def load_recordings(folder: Path = RECORDINGS) -> dict[str, dict]:
    """Request text -> the /v2/check response body recorded for it, from every *.json in ``folder``."""
    recordings = {}
    for path in sorted(folder.glob("*.json")):
        recording = json.loads(path.read_text(encoding="utf-8"))
        recordings[recording["request"]["text"]] = recording["response"]
    return recordings


def no_matches(text: str) -> dict:
    """What LanguageTool answers for a text it has nothing to say about."""
    length = len(text.encode("utf-16-le")) // 2
    return {"software": SOFTWARE, "warnings": {"incompleteResults": False},
            "language": {"name": "English (US)", "code": "en-US"}, "matches": [],
            "sentenceRanges": [[0, length]] if length else []}


class RecordedLanguageTool:
    """Serves LanguageTool's HTTP API on a free local port; ``requests`` keeps every form it received."""

    def __init__(self, recordings: dict[str, dict] | None = None) -> None:
        self.recordings = load_recordings() if recordings is None else recordings
        self.requests: list[dict[str, str]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, name="recorded-lt", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> RecordedLanguageTool:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format, *args) -> None:  # keep pytest output clean
                pass

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                if url.path == "/v2/languages":
                    self._send_json(LANGUAGES)
                elif url.path == "/v2/healthcheck":
                    self._send(200, b"OK", "text/plain")
                elif url.path == "/v2/check":
                    self._check({k: v[0] for k, v in parse_qs(url.query).items()})
                else:
                    self._not_found()

            def do_POST(self) -> None:
                if urlsplit(self.path).path != "/v2/check":
                    self._not_found()
                    return
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                self._check({k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()})

            def _check(self, form: dict[str, str]) -> None:
                server.requests.append(form)
                if "text" not in form or "language" not in form:
                    self._send(400, b"Error: Missing 'text' or 'language' parameter", "text/plain")
                    return
                text = form["text"]
                self._send_json(server.recordings.get(text) or no_matches(text))

            def _not_found(self) -> None:
                self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")

            def _send_json(self, value) -> None:
                self._send(200, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json")

            def _send(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", f"{content_type}; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler
