"""Derived data (parsed dictionaries, pinyin tables) kept as pickles in the user cache directory.

Building them from their packages takes seconds; loading the pickle takes milliseconds. The key
names the source version, so an upgrade of the source package builds a fresh copy.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_folder() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("WORKBENCH_CACHE") or user_cache_dir("workbench", appauthor=False))


def load_or_build(name: str, key: str, build: Callable[[], T]) -> T:
    """The pickled value for (name, key), built and stored on first use; a read-only cache only costs time."""
    path = cache_folder() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass
    return value
