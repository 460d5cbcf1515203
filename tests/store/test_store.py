"""The store: migrations, SQLite WAL, imports as one transaction, status counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from tests.conftest import DATABASES, store_url
from workbench.errors import UserError
from workbench.store import repository
from workbench.store.models import Document, Event, Project, Revision, SegmentRow, TermRow


@pytest.fixture(params=DATABASES)
def db_url(request, tmp_path):
    """Every store test runs twice: on SQLite, and on the PostgreSQL server these machines run, in a
    schema of its own that is dropped afterwards."""
    yield from store_url(request.param, tmp_path)


def _import(factory, sample, project="p", name="doc"):
    return repository.import_document(factory, project, name, "source.zh.txt", "draft.en.txt", sample.source.text,
                                      sample.draft.text, sample.alignment, sample.glossary)


def _head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(repository.__file__).parent / "migrations"))
    return ScriptDirectory.from_config(config).get_current_head()


def test_schema_is_migrated_and_sqlite_uses_wal(factory):
    engine = factory.kw["bind"]
    tables = set(inspect(engine).get_table_names())
    assert {"project", "document", "segment", "revision", "glossary", "term", "review_decision", "event",
            "account", "finding_ignore", "alembic_version"} <= tables
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == _head_revision()


def test_import_stores_pairs_revisions_and_glossary(factory, sample):
    _import(factory, sample)
    with factory() as session:
        segments = session.scalars(select(SegmentRow).order_by(SegmentRow.position)).all()
        assert [s.source_text for s in segments] == [p.source for p in sample.alignment.pairs]
        assert all(s.status == "draft" and s.version == 1 for s in segments)
        assert all(s.draft_text == s.target_text for s in segments)
        revisions = session.scalars(select(Revision)).all()
        assert len(revisions) == len(segments)
        assert {r.author for r in revisions} == {"import"}
        assert session.scalar(select(func.count()).select_from(TermRow)) == len(sample.glossary.terms)
        assert session.scalars(select(Event.action).order_by(Event.id)).all() == ["glossary", "import"]
    summary = repository.project_status(factory, "p")
    assert summary.segments == len(sample.alignment.pairs)
    assert summary.by_status == {"draft": summary.segments, "edited": 0, "approved": 0, "rejected": 0}


def test_a_failed_import_leaves_nothing_behind(factory, sample, monkeypatch):
    _import(factory, sample, project="kept", name="first")

    def explode(*args, **kwargs):
        raise RuntimeError("disk full in the middle of the import")

    monkeypatch.setattr(repository, "replace_glossary", explode)
    with pytest.raises(RuntimeError):
        _import(factory, sample, project="new-project", name="second")
    with pytest.raises(RuntimeError):
        _import(factory, sample, project="kept", name="third")
    with factory() as session:
        assert session.scalars(select(Project.name)).all() == ["kept"]
        assert session.scalars(select(Document.name)).all() == ["first"]
        assert session.scalar(select(func.count()).select_from(SegmentRow)) == len(sample.alignment.pairs)


def test_duplicate_document_is_refused(factory, sample):
    _import(factory, sample)
    with pytest.raises(UserError, match="already has a document"):
        _import(factory, sample)


def test_unknown_project_names_the_known_ones(factory, sample):
    _import(factory, sample, project="wuzheng")
    with pytest.raises(UserError, match="projects: wuzheng"):
        repository.project_status(factory, "wuzhen")


def test_unreachable_database_is_one_clear_error():
    from workbench.store.engine import open_engine

    with pytest.raises(UserError, match="cannot open database"):
        open_engine("sqlite:////nonexistent-folder/x/store.db")
    with pytest.raises(UserError, match="cannot use database"):
        open_engine("nosuchdialect://x")


def test_concurrent_writers_lose_no_update(factory, sample, db_url):
    """8 writers × 500 edits on 3 segments: every accepted save is a revision, versions have no gaps,
    and each segment's final text is its last accepted edit (run on SQLite and PostgreSQL)."""
    import threading

    from workbench.project.editing import StaleEdit, save_edit

    writers, edits = (8, 500) if db_url.startswith("postgresql") else (8, 60)
    _import(factory, sample)
    with factory() as session:
        ids = session.scalars(select(SegmentRow.id).order_by(SegmentRow.id).limit(3)).all()
    accepted: list[tuple[int, int, str]] = []
    lock = threading.Lock()

    def writer(number: int) -> None:
        for edit in range(edits):
            segment_id = ids[(number + edit) % len(ids)]
            with factory() as session:
                version = session.get(SegmentRow, segment_id).version
            text = f"writer {number} edit {edit}"
            try:
                saved = save_edit(factory, segment_id, text, f"writer-{number}", version)
            except StaleEdit:
                continue
            with lock:
                accepted.append((segment_id, saved.version, text))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert accepted
    with factory() as session:
        for segment_id in ids:
            mine = sorted((v, t) for s, v, t in accepted if s == segment_id)
            revisions = session.scalars(select(Revision).where(Revision.segment_id == segment_id)
                                        .order_by(Revision.version)).all()
            assert [r.version for r in revisions] == list(range(1, len(mine) + 2))  # no gaps, none lost
            assert [(r.version, r.text) for r in revisions[1:]] == mine
            segment = session.get(SegmentRow, segment_id)
            assert (segment.version, segment.target_text) == mine[-1]


def test_a_replaced_glossary_can_be_read_back_from_the_audit_trail(factory, sample):
    from workbench.project.glossary_edit import save_terms

    _import(factory, sample)
    saved, problems = save_terms(factory, "p", [{"source": "五莲县", "target": "Wulian County", "type": "place"}],
                                 "ada")
    assert (saved, problems) == (1, ())
    with factory() as session:
        event = session.scalars(select(Event).where(Event.action == "glossary").order_by(Event.id.desc())).first()
    assert event.actor == "ada" and event.detail["terms"] == 1
    assert sorted(r[0] for r in event.detail["replaced"]) == sorted(t.source for t in sample.glossary.terms)
