"""Account rules: registration and password changes (logging in is ``journal.auth.gate``)."""

from __future__ import annotations

import logging

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from journal import audit
from journal.audit import Event
from journal.auth import tokens
from journal.auth.logins import end_all_sessions
from journal.auth.passwords import (
    burn_verification_time,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from journal.clock import utcnow
from journal.extensions import db
from journal.i18n import LANGUAGES
from journal.models import Role, User
from journal.ratelimits import check_login_allowed, count_failed_login
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
    *,
    email: str,
    display_name: str,
    password: str,
    role: Role = Role.PATIENT,
    time_zone: str = "UTC",
    confirmed: bool = False,
    locale: str | None = None,
) -> User:
    """Create an account, or raise AccountError saying why not. Commits.

    ``confirmed``: whoever creates it vouches for the address (``create-user --confirmed``, the demo), so reset
    links and reminders go to it without a confirmation link first.
    """
    email = normalize_email(email)
    if not is_valid_time_zone(time_zone):
        raise AccountError(
            _("Unknown time zone %(zone)s; use an IANA name such as Europe/Berlin.", zone=repr(time_zone))
        )
    if locale is not None and locale not in LANGUAGES:
        raise AccountError(
            _("Unknown language %(code)s; choose one of %(codes)s.", code=repr(locale), codes=", ".join(LANGUAGES))
        )
    problem = password_problem(password, context=(email.split("@")[0], display_name))
    if problem:
        raise AccountError(problem)
    user = User(
        email=email,
        display_name=display_name,
        password_hash=hash_password(password),
        role=role,
        time_zone=time_zone,
        locale=locale,
        paper_size="letter" if time_zone.startswith(("America/", "Canada/", "US/")) else "a4",
        email_verified_at=utcnow() if confirmed else None,
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise AccountError(_("An account with this email already exists. Try logging in instead.")) from None
    log.info("account created: user=%s role=%s", user.id, user.role.value)
    return user


def check_password(account: str, password: str, *, failure: Event = Event.LOGIN_FAILED) -> User | None:
    """The active user with this email and password, or None. Commits.

    Every password check goes through here: it raises LoginLimited when this
    address or account has failed too often, and a failure is written to the
    audit trail (as ``failure``) and counted against those limits.
    """
    account = normalize_email(account)
    check_login_allowed(account)
    user = find_user_by_email(account)
    if user is None:
        burn_verification_time(password)  # as slow as a wrong password
        audit.record(failure, detail="unknown account")
    elif not verify_password(user.password_hash, password) or not user.active:
        audit.record(failure, subject_id=user.id, detail="" if user.active else "account disabled")
        user = None
    if user is None:
        log.info("login failed: wrong password, unknown account or disabled account")
        count_failed_login(account)
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.commit()
    return user


def change_password(user: User, current: str, new: str) -> None:
    """Replace a password after checking the current one, and end every login session. Commits.

    Raises AccountError with a message for the user when refused, LoginLimited
    after too many wrong passwords. The device that changed it logs in again
    through ``gate.start_login_for``.
    """
    if check_password(user.email, current, failure=Event.REAUTH_FAILED) is None:
        raise AccountError(_("Your current password is not right."))
    set_password(user, new, event=Event.PASSWORD_CHANGED)


def check_new_password(user: User, new: str) -> None:
    """Raise AccountError when ``new`` breaks the password rules for this account."""
    problem = password_problem(new, context=(user.email.split("@")[0], user.display_name))
    if problem:
        raise AccountError(problem)


def set_password(user: User, new: str, *, event: Event) -> None:
    """The one place a password is replaced: rules, hash, every emailed link retired, every login ended,
    audited. Commits.

    Callers prove the person first: the current password (``change_password``)
    or a reset link and, when on, the second factor (``auth.reset``).
    """
    check_new_password(user, new)
    user.password_hash = hash_password(new)
    user.password_changed_at = utcnow()
    tokens.retire(user)  # a pending reset or email change must not outlive the password that asked for it
    db.session.commit()
    end_all_sessions(user)
    audit.record(event, subject_id=user.id)
    log.info("password %s: user=%s", "reset" if event is Event.PASSWORD_RESET else "changed", user.id)
