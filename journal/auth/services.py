"""Account rules: registration, authentication, password changes."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from journal import audit
from journal.auth.passwords import (
    burn_verification_time,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from journal.clock import utcnow
from journal.extensions import db
from journal.models import Role, User
from journal.timezones import is_valid_time_zone

log = logging.getLogger(__name__)


class AccountError(ValueError):
    """A request about an account that cannot be granted; the message is for the user."""


def normalize_email(email: str) -> str:
    """Return the one stored form of an email: trimmed and lower-cased."""
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    """Look a user up by email, whatever its case."""
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def create_user(
    *, email: str, display_name: str, password: str, role: Role = Role.PATIENT, time_zone: str = "UTC"
) -> User:
    """Create an account, or raise AccountError saying why not. Commits."""
    email = normalize_email(email)
    if not is_valid_time_zone(time_zone):
        raise AccountError(f"Unknown time zone {time_zone!r}; use an IANA name such as Europe/Berlin.")
    problem = password_problem(password, context=(email.split("@")[0], display_name))
    if problem:
        raise AccountError(problem)
    user = User(
        email=email,
        display_name=display_name,
        password_hash=hash_password(password),
        role=role,
        time_zone=time_zone,
        paper_size="letter" if time_zone.startswith(("America/", "Canada/", "US/")) else "a4",
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise AccountError(
            "An account with this email already exists. Try logging in instead."
        ) from None
    log.info("account created: user=%s role=%s", user.id, user.role.value)
    return user


def authenticate(email: str, password: str) -> User | None:
    """Return the active user with these credentials, or None.

    Unknown emails take as long as wrong passwords, and a hash made with older
    parameters is replaced by one made with today's. Commits.
    """
    user = find_user_by_email(email)
    if user is None:
        burn_verification_time(password)
        log.info("login failed: unknown account")
        audit.record("login_failed", detail="unknown account")
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        log.info("login failed: user=%s", user.id)
        audit.record("login_failed", subject_id=user.id, detail="" if user.active else "account disabled")
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.commit()
    log.info("login: user=%s", user.id)
    audit.record("login", subject_id=user.id, actor_id=user.id)
    return user


def change_password(user: User, current: str, new: str) -> None:
    """Replace a password after checking the current one; end other sessions. Commits.

    Raises AccountError with a message for the user when refused.
    """
    if not verify_password(user.password_hash, current):
        raise AccountError("Your current password is not right.")
    problem = password_problem(new, context=(user.email.split("@")[0], user.display_name))
    if problem:
        raise AccountError(problem)
    user.password_hash = hash_password(new)
    user.password_changed_at = utcnow()
    db.session.commit()
    audit.record("password_changed", subject_id=user.id)
    log.info("password changed: user=%s", user.id)
