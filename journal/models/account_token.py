"""Single-use links sent by email: verify an address, reset a password."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from journal.extensions import Model
from journal.models.types import UTCDateTime
from journal.models.user import EMAIL_MAX_LENGTH


class TokenPurpose(enum.StrEnum):
    VERIFY_EMAIL = "verify_email"
    RESET_PASSWORD = "reset_password"
    CHANGE_EMAIL = "change_email"  # ``email`` is the new address, confirmed by following the link


class AccountToken(Model):
    """One link. Only the SHA-256 of its random token is stored; the link itself is only in the email."""

    __tablename__ = "account_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[TokenPurpose] = mapped_column(
        Enum(
            TokenPurpose,
            native_enum=False,
            create_constraint=True,
            length=24,
            name="token_purpose",
            values_callable=lambda purposes: [p.value for p in purposes],
        )
    )
    token_hash: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    # The address the link was sent to: a verification counts only while the account still uses it.
    email: Mapped[str] = mapped_column(String(EMAIL_MAX_LENGTH))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
