"""Server-side records of logins, so that a session can really end."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from journal.extensions import Model
from journal.models.types import UTCDateTime


class LoginSession(Model):
    """One login on one device. The cookie holds only its random id; ending the row ends the login."""

    __tablename__ = "login_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    authenticated_at: Mapped[datetime] = mapped_column(UTCDateTime)  # last time the password was typed
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
