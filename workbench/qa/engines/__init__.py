"""Grammar engines behind one interface; the registry maps an engine name to its factory."""

from __future__ import annotations

from collections.abc import Callable

from workbench.qa.engines.base import EngineUnavailable, GrammarEngine
from workbench.errors import UserError


def _harper(lt_server: str | None = None) -> GrammarEngine:
    from workbench.qa.engines.harper import HarperEngine

    return HarperEngine()


def _languagetool(lt_server: str | None = None) -> GrammarEngine:
    from workbench.qa.engines.languagetool import LanguageToolEngine

    return LanguageToolEngine(server_url=lt_server)


def _none(lt_server: str | None = None) -> None:
    return None


# Engine modules are imported on demand: building one loads a dictionary or contacts a server.
ENGINES: dict[str, Callable[..., GrammarEngine | None]] = {
    "harper": _harper,
    "languagetool": _languagetool,
    "none": _none,
}


def make_engine(name: str, lt_server: str | None = None) -> GrammarEngine | None:
    """The grammar engine called ``name`` ("none" gives None); ``lt_server`` is LanguageTool's URL."""
    factory = ENGINES.get(name)
    if factory is None:
        raise UserError(f"Unknown grammar engine {name!r}: choose one of {', '.join(ENGINES)}.")
    return factory(lt_server=lt_server)


__all__ = ["ENGINES", "EngineUnavailable", "GrammarEngine", "make_engine"]
