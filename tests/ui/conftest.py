"""What every test of the app starts from: the app on a store that holds the sample project."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from workbench.project.importing import ensure_sample

APP = str(ROOT / "workbench" / "ui" / "app.py")


def new_session() -> AppTest:
    """A fresh browser session of the app (its own session state), not yet run."""
    return AppTest.from_file(APP, default_timeout=60)


@pytest.fixture
def app(db_url, factory, monkeypatch) -> AppTest:
    """The sample imported, WORKBENCH_DB set, the app not yet run."""
    monkeypatch.setenv("WORKBENCH_DB", db_url)
    ensure_sample(factory)
    return new_session()
