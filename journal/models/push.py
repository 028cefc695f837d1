"""Web Push subscriptions: the browsers a person asked to show their reminders or safety alerts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from journal.clock import utcnow
from journal.extensions import Model
from journal.models.types import UTCDateTime

ENDPOINT_MAX_LENGTH = 2048
P256DH_MAX_LENGTH = 100  # 65 bytes, URL-safe base64: 87 characters
AUTH_MAX_LENGTH = 32  # 16 bytes: 22 characters


class PushSubscription(Model):
    """One browser's push subscription (``PushSubscription.toJSON()``), owned by one account.

    Kept in plain text, not sealed like journal text: it holds no word anyone wrote. ``p256dh`` and
    ``auth`` only let a sender *encrypt* to the browser, and the push service takes a message for
    ``endpoint`` only when it is signed with our VAPID private key, which lives in ``instance/``, not
    in the database; so a copy of the database alone sends nothing. The endpoint is unique: one
    browser belongs to one account at a time (subscribing again from another account moves it).
    """

    __tablename__ = "push_subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    endpoint: Mapped[str] = mapped_column(String(ENDPOINT_MAX_LENGTH), unique=True)
    p256dh: Mapped[str] = mapped_column(String(P256DH_MAX_LENGTH))
    auth: Mapped[str] = mapped_column(String(AUTH_MAX_LENGTH))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When a push service last took a message for it; None: not yet.
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def info(self) -> dict:
        """The ``subscription_info`` pywebpush sends to."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
