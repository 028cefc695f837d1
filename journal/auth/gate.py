"""The one way in: every login session is started here, after every check.

The checks run in one order, on every path: the login rate limits (per client
address and per account; a wrong password or code counts wherever it is
typed), the password, and the second factor when the account has one. Only
then is a brand-new session made (new cookie, new CSRF token), the login
written to the audit trail and the user logged in.

``log_in`` and ``log_in_with_code`` serve the login page and its code step, the
editor's re-login dialog and the rescue page; ``start_login_for`` serves the
two cases where the person has just proven who they are without the login
form (a new account, a password change on a live login).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import session
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from journal import audit
from journal.audit import Event
from journal.auth import mfa, tokens
from journal.auth.logins import clear_cookie_session, start_session
from journal.auth.services import check_password, normalize_email
from journal.clock import utcnow
from journal.errors import MESSAGES
from journal.extensions import db
from journal.models import TokenPurpose, User
from journal.ratelimits import LoginLimited

# Lazy: translated when an Attempt is made (``_said``), in the request's language.
LOGIN_FAILED = _l("That email and password don't match an account. Please try again.")
CODE_NEEDED = _l("Enter the 6-digit code from your authenticator app, or a recovery code.")
CODE_FAILED = _l("That code didn't work. Codes change every 30 seconds and each works once.")
PENDING_EXPIRED = _l("That took a while, so for your safety please enter your email and password again.")
LIMITED = MESSAGES[429][1]

PENDING_KEY = "login_pending"
PENDING_FOR = timedelta(minutes=10)  # between a right password and its code


class LoginRefused(RuntimeError):
    """A programming error: a path tried to start a login the gate does not allow."""


class Outcome(enum.StrEnum):
    LOGGED_IN = "logged_in"
    NEEDS_CODE = "needs_code"  # the password was right; the second factor is next
    FAILED = "failed"  # start again from the password
    LIMITED = "limited"


@dataclass(frozen=True)
class Attempt:
    """What came of a login attempt; ``message`` is for the person."""

    outcome: Outcome
    user: User | None = None
    message: str = ""
    retry_after: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", str(self.message))  # a lazy message, said now: JSON needs a str

    @property
    def logged_in(self) -> bool:
        return self.outcome is Outcome.LOGGED_IN


def log_in(email: str, password: str, code: str | None = None, *, via: str) -> Attempt:
    """Log in with a password and, when the account has a second factor, a code. Commits.

    Without a code, a right password for an account with a second factor
    answers NEEDS_CODE and remembers (in the cookie session, for a few minutes,
    logged in as nobody) whose code is awaited.
    """
    account = normalize_email(email)
    session.pop(PENDING_KEY, None)
    try:
        user = check_password(account, password)
        if user is None:
            return Attempt(Outcome.FAILED, message=LOGIN_FAILED)
        if mfa.enabled(user):
            if not code:
                return _await_code(user, CODE_NEEDED)
            if not mfa.check_code(user, code):
                return _await_code(user, CODE_FAILED)
    except LoginLimited as limited:
        return Attempt(Outcome.LIMITED, message=LIMITED, retry_after=limited.retry_after)
    return _complete(user, via)


def log_in_with_code(code: str, *, via: str) -> Attempt:
    """Second step: the code for the account whose password was just right. Commits."""
    user = pending_user()
    if user is None:
        return Attempt(Outcome.FAILED, message=PENDING_EXPIRED)
    try:
        if not mfa.check_code(user, code):
            return Attempt(Outcome.NEEDS_CODE, user, CODE_FAILED)
    except LoginLimited as limited:
        return Attempt(Outcome.LIMITED, user, LIMITED, limited.retry_after)
    return _complete(user, via)


def pending_user() -> User | None:
    """The account whose second factor is awaited on this browser, if any and not too old."""
    pending = session.get(PENDING_KEY) or {}
    try:
        until = datetime.fromisoformat(pending["until"])
        user = db.session.get(User, int(pending["user_id"]))
    except (KeyError, TypeError, ValueError):
        return None
    if utcnow() > until or user is None or not user.active:
        return None
    return user


def confirm_password(user: User, password: str) -> bool:
    """Check the password of a logged-in user again, under the login limits. Commits.

    The caller marks the login fresh (``logins.confirm_password_now``). Raises
    LoginLimited when the account or address has failed too often.
    """
    return check_password(user.email, password, failure=Event.REAUTH_FAILED) is not None


def start_login_for(user: User, *, via: str) -> None:
    """Start a new session for someone who has just proven who they are without the login form. Commits.

    Only two callers: registration (a new account has no second factor) and a
    password change on a live login of the same user. An account with a second
    factor cannot come through here from outside a login of its own.
    """
    already_in = current_user.is_authenticated and current_user.id == user.id
    if mfa.enabled(user) and not already_in:
        raise LoginRefused("an account with a second factor logs in through log_in")
    _complete(user, via)


def _await_code(user: User, message: str) -> Attempt:
    clear_cookie_session()  # nothing from before the login survives, and nobody is logged in yet
    session[PENDING_KEY] = {"user_id": user.id, "until": (utcnow() + PENDING_FOR).isoformat()}
    return Attempt(Outcome.NEEDS_CODE, user, message)


def _complete(user: User, via: str) -> Attempt:
    user.last_login_at = utcnow()
    tokens.retire(user, TokenPurpose.RESET_PASSWORD)  # whoever asked for a reset got back in another way
    db.session.commit()
    audit.record(Event.LOGIN, subject_id=user.id, actor_id=user.id, detail=via)
    start_session(user)  # clears the cookie session and the CSRF token, then logs in
    return Attempt(Outcome.LOGGED_IN, user)
