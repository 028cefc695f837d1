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
from journal.database import changed_rows
from journal.extensions import db
from journal.models import AccountToken, TokenPurpose, User

LIFETIMES = {
    TokenPurpose.VERIFY_EMAIL: timedelta(hours=48),
    TokenPurpose.RESET_PASSWORD: timedelta(minutes=30),
    TokenPurpose.CHANGE_EMAIL: timedelta(hours=48),
}


def _digest(raw: str) -> bytes:
    return hashlib.sha256(raw.encode()).digest()


def issue(user: User, purpose: TokenPurpose, email: str | None = None) -> str:
    """Make a new link for ``user`` and retire older ones of its purpose. Commits; returns the token.

    ``email`` is where the link goes: the account's address, or the new one it is changing to.
    """
    now = utcnow()
    retire(user, purpose)
    raw = secrets.token_urlsafe(32)
    db.session.add(
        AccountToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=_digest(raw),
            email=email or user.email,
            created_at=now,
            expires_at=now + LIFETIMES[purpose],
        )
    )
    db.session.commit()
    return raw


def find(raw: str, purpose: TokenPurpose) -> AccountToken | None:
    """The live token for this link: unspent, unexpired, of an active account, and (but for an
    address change) still for the account's current email."""
    if not raw or len(raw) > 100:
        return None
    row = db.session.scalar(
        select(AccountToken).where(AccountToken.token_hash == _digest(raw), AccountToken.purpose == purpose)
    )
    if row is None or row.used_at is not None or utcnow() >= row.expires_at:
        return None
    user = db.session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    if purpose is not TokenPurpose.CHANGE_EMAIL and user.email != row.email:
        return None
    return row


def spend(row: AccountToken) -> bool:
    """Use the token once: True for the one caller that got it. Part of the caller's transaction."""
    changed = changed_rows(
        update(AccountToken)
        .where(AccountToken.id == row.id, AccountToken.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return changed == 1


def retire(user: User, purpose: TokenPurpose | None = None) -> None:
    """Make every unspent link of this purpose (None: of any) stop working. Part of the caller's transaction."""
    statement = update(AccountToken).where(AccountToken.user_id == user.id, AccountToken.used_at.is_(None))
    if purpose is not None:
        statement = statement.where(AccountToken.purpose == purpose)
    db.session.execute(statement.values(used_at=utcnow()).execution_options(synchronize_session=False))
