"""Single-use links: made, checked and spent in one place.

A link carries 256 random bits; the database keeps only their SHA-256, so a
copy of the database (or a backup) cannot be turned into working links. A
new link of one purpose retires the older ones; spending a link is one
conditional UPDATE, so two clicks at once cannot both succeed.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update

from journal.clock import utcnow
from journal.extensions import db
from journal.models import AccountToken, TokenPurpose, User

LIFETIMES = {
    TokenPurpose.VERIFY_EMAIL: timedelta(hours=48),
    TokenPurpose.RESET_PASSWORD: timedelta(minutes=30),
}


def _digest(raw: str) -> bytes:
    return hashlib.sha256(raw.encode()).digest()


def issue(user: User, purpose: TokenPurpose) -> str:
    """Make a new link for ``user`` (to their current email) and retire older ones. Commits; returns the token."""
    now = utcnow()
    retire(user, purpose)
    raw = secrets.token_urlsafe(32)
    db.session.add(AccountToken(user_id=user.id, purpose=purpose, token_hash=_digest(raw), email=user.email,
                                created_at=now, expires_at=now + LIFETIMES[purpose]))
    db.session.commit()
    return raw


def find(raw: str, purpose: TokenPurpose) -> AccountToken | None:
    """The live token for this link: unspent, unexpired, and still for the account's current email."""
    if not raw or len(raw) > 100:
        return None
    row = db.session.scalar(select(AccountToken).where(AccountToken.token_hash == _digest(raw),
                                                       AccountToken.purpose == purpose))
    if row is None or row.used_at is not None or utcnow() >= row.expires_at:
        return None
    user = db.session.get(User, row.user_id)
    if user is None or not user.active or user.email != row.email:
        return None
    return row


def spend(row: AccountToken) -> bool:
    """Use the token once: True for the one caller that got it. Part of the caller's transaction."""
    result = db.session.execute(
        update(AccountToken).where(AccountToken.id == row.id, AccountToken.used_at.is_(None))
        .values(used_at=utcnow()).execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def retire(user: User, purpose: TokenPurpose) -> None:
    """Make every unspent link of this purpose stop working. Part of the caller's transaction."""
    db.session.execute(
        update(AccountToken).where(AccountToken.user_id == user.id, AccountToken.purpose == purpose,
                                   AccountToken.used_at.is_(None))
        .values(used_at=utcnow()).execution_options(synchronize_session=False)
    )
