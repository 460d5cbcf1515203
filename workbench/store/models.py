"""SQLAlchemy models of the project store. The schema itself is owned by the Alembic migrations."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from workbench.model import ROLES  # the store checks roles against it (accounts import it from here)

STATUSES = ("draft", "edited", "approved", "rejected")


def now() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class Project(Base):
    __tablename__ = "project"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    check_config: Mapped[dict] = mapped_column(JSON, default=dict)
    # a deleted project stays, renamed "NAME (deleted <time>)"; lists and lookups by name leave it out
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, default=None)
    deleted_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # how the review's quality score weighs errors (release/quality.py QualityModel.to_dict; {} = defaults)
    quality_model: Mapped[dict] = mapped_column(JSON, default=dict)
    documents: Mapped[list[Document]] = relationship(back_populates="project", order_by="Document.id")
    glossaries: Mapped[list[Glossary]] = relationship(back_populates="project", order_by="Glossary.id")


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    source_file: Mapped[str] = mapped_column(String(500))
    draft_file: Mapped[str] = mapped_column(String(500))
    source_text: Mapped[str] = mapped_column(Text)
    draft_text: Mapped[str] = mapped_column(Text)
    length_ratio: Mapped[float] = mapped_column(Float, default=0.0)
    # how the pairs were made (the aligner's parameters version, or "as-imported"), for check signatures
    aligner: Mapped[str] = mapped_column(String(64), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    project: Mapped[Project] = relationship(back_populates="documents")
    segments: Mapped[list[SegmentRow]] = relationship(back_populates="document", order_by="SegmentRow.position")


class SegmentRow(Base):
    """One aligned pair as the translator works on it."""

    __tablename__ = "segment"
    __table_args__ = (UniqueConstraint("document_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer)
    source_text: Mapped[str] = mapped_column(Text)
    draft_text: Mapped[str] = mapped_column(Text)  # the target as imported, for diffs and effort
    target_text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(8), default="1-1")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # every ORM update of a segment says "WHERE version = <the version it read>": a change made by
    # someone else meanwhile makes the update fail (StaleDataError) instead of being overwritten.
    # The version itself is set by the code (a new text is a new version), never by the mapper.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    # set when the pair was merged into its neighbour: kept with its revisions, no longer numbered
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, default=None)
    document: Mapped[Document] = relationship(back_populates="segments")
    revisions: Mapped[list[Revision]] = relationship(back_populates="segment", order_by="Revision.id")


class Revision(Base):
    """Every text a segment's target has had: nothing is overwritten without a trace."""

    __tablename__ = "revision"
    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    reason: Mapped[str] = mapped_column(String(500), default="")
    segment: Mapped[SegmentRow] = relationship(back_populates="revisions")


class ReviewDecision(Base):
    __tablename__ = "review_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(16))  # approved | rejected
    reviewer: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str] = mapped_column(Text, default="")
    segment_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class ErrorMark(Base):
    """An error a reviewer marked on a span of a pair's English (MQM): category, severity, note, the
    version they read. Withdrawing one keeps it, with who withdrew it and when; the score leaves it out."""

    __tablename__ = "error_mark"
    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), index=True)
    segment_version: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    span: Mapped[str] = mapped_column(Text)
    english: Mapped[str] = mapped_column(Text)  # the English at that version, as the reviewer read it
    category: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, default=None)
    withdrawn_by: Mapped[str] = mapped_column(String(200), default="")


class Comment(Base):
    """One message in a pair's thread between reviewer and translator: who wrote it, when, on which version."""

    __tablename__ = "comment"
    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), index=True)
    segment_version: Mapped[int] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Glossary(Base):
    __tablename__ = "glossary"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(Integer, default=1)
    project: Mapped[Project] = relationship(back_populates="glossaries")
    terms: Mapped[list[TermRow]] = relationship(back_populates="glossary", order_by="TermRow.id")


class TermRow(Base):
    __tablename__ = "term"
    id: Mapped[int] = mapped_column(primary_key=True)
    glossary_id: Mapped[int] = mapped_column(ForeignKey("glossary.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(1000))
    target: Mapped[str] = mapped_column(String(1000))
    type: Mapped[str] = mapped_column(String(32), default="term")
    forbidden: Mapped[str] = mapped_column(Text, default="")  # ';'-separated
    note: Mapped[str] = mapped_column(Text, default="")
    glossary: Mapped[Glossary] = relationship(back_populates="terms")


class Event(Base):
    """Append-only audit trail of every change."""

    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    # None for events that belong to no project (adding a user); see migration 0003
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True,
                                                   nullable=True)
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)




class Account(Base):
    """A local user: name, role and an argon2 hash of the password (never the password)."""

    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class FindingIgnore(Base):
    """A finding a person decided to ignore on one segment, with the reason; it stays ignored for
    as long as the same check reports the same text at that segment (the fingerprint)."""

    __tablename__ = "finding_ignore"
    __table_args__ = (UniqueConstraint("segment_id", "check_id", "fingerprint"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segment.id", ondelete="CASCADE"), index=True)
    check_id: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(500))
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
