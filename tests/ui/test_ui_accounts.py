"""The app with accounts: a login page first, the logged-in name on every page, refusals shown as errors."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from tests.conftest import shown
from workbench.project.importing import SAMPLE_PROJECT
from workbench.store.accounts import add_user
from workbench.project.editing import save_edit
from workbench.store.models import Event, SegmentRow
from workbench.ui.markup import escape


@pytest.fixture
def team(app, factory):
    add_user(factory, "ada", "admin", "ada-secret")
    add_user(factory, "tom", "translator", "tom-secret", "ada")
    return factory


def _log_in(app: AppTest, name: str, password: str) -> AppTest:
    app.run()
    assert not app.exception
    app.text_input(key="login-name").input(name)
    app.text_input(key="login-password").input(password)
    app.button[0].click().run()  # the form's submit button
    assert not app.exception
    return app


def test_accounts_mean_a_login_page_first(app, team):
    app.run()
    assert not app.exception
    assert [t.value for t in app.title] == ["Log in"]
    assert not app.subheader  # no project is shown before logging in


@pytest.mark.parametrize("name,password", [("tom", "wrong"), ("nobody", "tom-secret"), ("tom", "")],
                         ids=["wrong-password", "unknown-name", "empty-password"])
def test_a_wrong_login_is_refused(app, team, name, password):
    app = _log_in(app, name, password)
    assert [e.value for e in app.error] == ["Wrong name or password."]
    assert [t.value for t in app.title] == ["Log in"]


def test_logging_in_shows_who_and_logging_out_returns_to_the_login(app, team):
    app = _log_in(app, "tom", "tom-secret")
    assert [t.value for t in app.title] == ["Projects"]
    assert [shown(s) for s in app.subheader] == [SAMPLE_PROJECT]
    assert any("tom" in c.value and "translator" in c.value for c in app.sidebar.caption)
    assert not app.sidebar.text_input  # no free "Your name" field once accounts exist
    app.button(key="logout").click().run()
    assert [t.value for t in app.title] == ["Log in"]


def test_a_translator_who_clicks_approve_gets_an_error_and_nothing_is_approved(app, team):
    with team() as session:
        segment = session.scalars(select(SegmentRow).order_by(SegmentRow.id)).all()[1]
    save_edit(team, segment.id, "Wuzheng Group signed.", "tom")  # a changed segment is listed on Review
    app = _log_in(app, "tom", "tom-secret")
    app.switch_page("app_pages/review.py").run()
    assert not app.exception
    app.button(key=f"review-approve-{segment.id}").click().run()
    assert not app.exception
    # shown escaped (as Markdown it reads exactly as the CLI prints it)
    assert [e.value for e in app.error] == [escape("'tom' is a translator; approving needs the reviewer or admin role")]
    assert [t.value for t in app.title] == ["Review"]  # the page survives
    with team() as session:
        assert session.get(SegmentRow, segment.id).status == "edited"
        assert session.scalars(select(Event.action).where(Event.segment_id == segment.id)).all() == ["edit"]


def test_an_admin_approves_under_the_logged_in_name(app, team):
    with team() as session:
        segment = session.scalars(select(SegmentRow).order_by(SegmentRow.id)).all()[1]
    save_edit(team, segment.id, "Wuzheng Group signed.", "tom")
    app = _log_in(app, "ada", "ada-secret")
    app.switch_page("app_pages/review.py").run()
    app.button(key=f"review-approve-{segment.id}").click().run()
    assert not app.exception and not app.error
    with team() as session:
        assert session.get(SegmentRow, segment.id).status == "approved"
        assert session.scalars(select(Event.actor).where(Event.segment_id == segment.id)
                               .order_by(Event.id)).all() == ["tom", "ada"]


def test_without_accounts_the_app_needs_no_login(app):
    app.switch_page("app_pages/review.py").run()
    assert not app.exception
    assert [t.value for t in app.title] == ["Review"]
    assert app.sidebar.text_input[0].label == "Your name"


def test_a_translator_cannot_export_from_the_release_page(app, team):
    app = _log_in(app, "tom", "tom-secret")
    app.switch_page("app_pages/release.py").run()
    app.toggle(key="release_include").set_value(True)
    app.button(key="release_export").click().run()
    assert not app.exception
    assert [shown(e) for e in app.error] == ["'tom' is a translator; exporting needs the admin role"]
    assert not app.get("download_button")  # nothing was written to download
    with team() as session:
        assert "export" not in session.scalars(select(Event.action)).all()


def test_translate_page_acts_as_the_logged_in_translator_and_offers_no_approve(app, team):
    app = _log_in(app, "tom", "tom-secret")
    app.switch_page("app_pages/translate.py").run()
    assert not app.exception
    with team() as session:
        first = session.scalars(select(SegmentRow).order_by(SegmentRow.id)).first()
    assert app.button(key=f"approve-{first.id}").disabled
    next(t for t in app.text_area if t.key == f"target-{first.id}-1").input("Wuzheng Group signed with China Mobile.")
    app.button(key=f"save-{first.id}").click().run()
    with team() as session:
        assert session.scalars(select(Event.actor).where(Event.segment_id == first.id)).all() == ["tom"]
