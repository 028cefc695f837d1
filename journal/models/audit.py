"""The append-only security audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from journal.extensions import Model
from journal.models.types import UTCDateTime


class AuditEvent(Model):
    """Who did what to which account, when and from where. Never any journal text.

    User ids are plain integers, not foreign keys: the trail outlives accounts, and
    nothing may update a row (on PostgreSQL a trigger refuses UPDATE and DELETE).
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    event: Mapped[str] = mapped_column(String(40), index=True)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    subject_id: Mapped[int | None] = mapped_column(Integer, index=True)
    ip: Mapped[str | None] = mapped_column(String(45))
    detail: Mapped[str] = mapped_column(String(200), default="")
