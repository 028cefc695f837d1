"""Reminder and digest emails already sent."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from journal.extensions import Model
from journal.models.types import UTCDateTime


class ReminderSent(Model):
    """One reminder email, claimed before it is sent: the unique key makes two runs at once send it once."""

    __tablename__ = "reminders_sent"
    __table_args__ = (UniqueConstraint("user_id", "session_id", "prompt_set"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("treatment_sessions.id", ondelete="CASCADE"))
    prompt_set: Mapped[str] = mapped_column(String(32))
    local_day: Mapped[date] = mapped_column(Date)  # the person's calendar day it was sent on: one a day
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DigestSent(Model):
    """A therapist's daily digest for one local day, claimed before it is sent: the unique key makes two
    runs at once send it once. ``sent_at`` is None when there was nothing new that day."""

    __tablename__ = "digests_sent"
    __table_args__ = (UniqueConstraint("therapist_id", "local_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))  # the unique key indexes it
    local_day: Mapped[date] = mapped_column(Date)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
