"""LanguageTool through language_tool_python: a remote server, or a local install started with Java."""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from pathlib import Path

from workbench.qa.engines.base import EngineUnavailable
from workbench.model import Finding

SERVER_ENV = "WORKBENCH_LT_SERVER"
CONNECT_TIMEOUT = 5.0  # seconds to open a connection; connecting is bounded by CONNECT_LIMIT overall
CONNECT_LIMIT = 9.0  # covers what requests' timeouts do not, such as a hanging host-name lookup
READ_TIMEOUT = 60.0  # a long document can take LanguageTool a while
LOCAL_PORT_TRIES = 3  # a local server gets 15 s to start on each port
ADVICE = f"start it, or point {SERVER_ENV} at a running server, or use the harper engine"

# LanguageTool issue types -> (category, severity); a missing type is grammar/warning.
ISSUE_TYPES: dict[str, tuple[str, str]] = {
    "misspelling": ("spelling", "error"),
    "grammar": ("grammar", "error"),
    "whitespace": ("spacing", "warning"),
    "typographical": ("punctuation", "warning"),
    "duplication": ("repetition", "warning"),
    "style": ("style", "warning"),
    "register": ("style", "warning"),
}
# Rule categories that say more than their issue type (CASING rules are "typographical").
RULE_CATEGORIES: dict[str, tuple[str, str]] = {
    "CASING": ("grammar", "warning"),
    "REDUNDANCY": ("style", "warning"),
    "STYLE": ("style", "warning"),
}
SPELLING_RULES = ("MORFOLOGIK_RULE_", "HUNSPELL_", "SPELLING_RULE")
POSSESSIVE = re.compile(r"['\u2019]s$")


def classify(rule_category: str, issue_type: str) -> tuple[str, str]:
    """(category, severity) of a LanguageTool match from its rule category id and issue type."""
    if rule_category in RULE_CATEGORIES:
        return RULE_CATEGORIES[rule_category]
    return ISSUE_TYPES.get(issue_type, ("grammar", "warning"))


def utf16_end(text: str, start: int, units: int) -> int:
    """The code-point offset that lies ``units`` UTF-16 code units after code point ``start``.

    LanguageTool counts in Java chars (UTF-16): an emoji or a rare CJK ideograph outside the
    BMP is two of them but one code point of a Python str.
    """
    end = start
    while units > 0 and end < len(text):
        units -= 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end


def is_protected(word: str, protected: set[str]) -> bool:
    """A name from the glossary, also in its possessive (``Weidong's``) or all-caps form."""
    bare = POSSESSIVE.sub("", word)
    return bare in protected or (bare.isupper() and bare.title() in protected)


@functools.cache
def _tool_class():
    """language_tool_python's LanguageTool with HTTP timeouts a user can wait for (it uses 300 s)."""
    import language_tool_python

    class BoundedLanguageTool(language_tool_python.LanguageTool):
        _TIMEOUT = (CONNECT_TIMEOUT, READ_TIMEOUT)

        def _start_server_on_free_port(self) -> None:
            # A server that exits early is retried on the next free port, up to 900 of them.
            self._available_ports = self._available_ports[:LOCAL_PORT_TRIES - 1]
            super()._start_server_on_free_port()

    return BoundedLanguageTool


def _reason(error: BaseException) -> str:
    """A few words on why a request failed, from the innermost cause of ``error``."""
    chain = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or error.__context__
    for cause in reversed(chain):
        name = type(cause).__name__
        if "Timeout" in name:
            return "timed out"
        found = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", str(cause))
        if found:
            return found.group(1).strip()
        if name == "JSONDecodeError":
            return "the answer is not LanguageTool's JSON"
    lines = str(chain[0]).strip().splitlines() or [type(chain[0]).__name__]
    return lines[0][:120]


def _is_connection_error(error: BaseException) -> bool:
    import requests

    return isinstance(error.__cause__, (requests.ConnectionError, requests.Timeout))


def _within(seconds: float, failure: str, start):
    """Run ``start()`` in a helper thread and give up after ``seconds`` with EngineUnavailable."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = start()
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=run, name="languagetool-connect", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise EngineUnavailable(f"{failure} (no answer within {seconds:g} s); {ADVICE}")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def install_folder() -> Path:
    """Where language_tool_python keeps LanguageTool downloads (LTP_PATH, else ~/.cache)."""
    from language_tool_python.utils import LTP_PATH_ENV_VAR

    return Path(os.environ.get(LTP_PATH_ENV_VAR) or Path.home() / ".cache" / "language_tool_python")


def installed_version() -> str | None:
    """The newest LanguageTool already unpacked in ``install_folder()``, without downloading anything."""
    from language_tool_python.download_lt import LocalLanguageTool

    installs = []
    for path in install_folder().glob("LanguageTool-*"):
        if any((path / jar).is_file() for jar in ("languagetool-server.jar", "languagetool.jar")):
            try:
                installs.append(LocalLanguageTool.from_path(path))
            except ValueError:
                continue
    return max(installs).version_name if installs else None


class LanguageToolEngine:
    """Grammar, spelling and punctuation findings from LanguageTool.

    ``server_url`` (or the environment variable WORKBENCH_LT_SERVER) names a running server such
    as ``http://localhost:8081``; without one, a local LanguageTool is started, which needs Java
    and an unpacked LanguageTool (this workbench never downloads it).
    """

    name = "languagetool"

    def __init__(self, server_url: str | None = None, language: str = "en-US") -> None:
        from language_tool_python.exceptions import LanguageToolError

        self.server_url = (server_url or os.environ.get(SERVER_ENV, "")).strip() or None
        self._lock = threading.Lock()  # Match parsing keeps class-level state in language_tool_python
        self._protected: set[str] = set()
        tool_class = _tool_class()
        if self.server_url:
            where = f"LanguageTool server {self.server_url}"
            try:
                self._tool = _within(CONNECT_LIMIT, f"{where}: cannot connect",
                                     lambda: tool_class(language, remote_server=self.server_url))
            except LanguageToolError as error:
                verb = "cannot connect" if _is_connection_error(error) else "unexpected answer"
                raise EngineUnavailable(f"{where}: {verb} ({_reason(error)}); {ADVICE}") from None
            except ValueError as error:
                raise EngineUnavailable(f"{where}: {_reason(error)}") from None
            self.version = f"server {self.server_url}"  # the server's own version is not in the protocol's answer
            return
        if shutil.which("java") is None:
            raise EngineUnavailable(f"LanguageTool: no server is set and Java is not installed; "
                                    f"set {SERVER_ENV}=http://host:8081 or use the harper engine")
        version = installed_version()
        if version is None:
            raise EngineUnavailable(f"LanguageTool: no server is set and LanguageTool is not installed in "
                                    f"{install_folder()}; set {SERVER_ENV}=http://host:8081 or use the harper engine")
        try:
            self._tool = tool_class(language, language_tool_download_version=version)
            self.version = version
        except (LanguageToolError, OSError, ValueError) as error:
            raise EngineUnavailable(f"LanguageTool {version} in {install_folder()} did not start "
                                    f"({_reason(error)}); set {SERVER_ENV}=http://host:8081 or use the harper engine"
                                    ) from None

    def add_words(self, words: list[str]) -> None:
        """Names (Weidong, Rizhao, ...) whose spelling matches are dropped: the API has no user dictionary."""
        self._protected.update(w.strip() for w in words if w.strip())

    def close(self) -> None:
        """Stop the local LanguageTool server, if this engine started one."""
        self._tool.close()

    def check(self, text: str) -> list[Finding]:
        from language_tool_python.exceptions import LanguageToolError

        if not text.strip():
            return []
        try:
            with self._lock:
                matches = self._tool.check(text)
        except (LanguageToolError, KeyError) as error:
            where = f"LanguageTool server {self.server_url}" if self.server_url else "LanguageTool"
            raise EngineUnavailable(f"{where}: the check failed ({_reason(error)}); {ADVICE}") from None
        findings = (self._finding(text, match) for match in matches)
        return [f for f in findings if f is not None]

    def _finding(self, text: str, match) -> Finding | None:
        # language_tool_python (>= 2.8.1) turns the UTF-16 offset into code points, but not the length.
        start = match.offset
        if start > len(text):
            return None
        end = utf16_end(text, start, match.error_length)
        problem = text[start:end]
        category, severity = classify(match.category, match.rule_issue_type)
        spelling = category == "spelling" or match.rule_id.startswith(SPELLING_RULES)
        if spelling and is_protected(problem, self._protected):
            return None
        suggestions = tuple(dict.fromkeys(r for r in match.replacements if r != problem))
        return Finding(check=f"lt_{match.rule_id.lower()}", category=category, severity=severity,
                       message=match.message, start=start, end=end, text=problem,
                       suggestions=suggestions, engine=self.name, safe=False)
