"""A way back in: verified email addresses and password reset by emailed link.

Mail goes only to verified addresses, but for a confirmation link, which
carries nothing the account chose. A reset never bypasses the second
factor: setting the new password asks for a code (or a recovery code) when
the account has one, and logging in afterwards asks again, through the gate.
Keys are managed by the server, so the journal stays readable after a reset.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from email.message import EmailMessage

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from journal import audit, crypto, mail
from journal.audit import Event
from journal.auth import gate, mfa, tokens
from journal.auth.services import (
    AccountError,
    check_new_password,
    find_user_by_email,
    normalize_email,
    set_password,
)
from journal.clock import utcnow
from journal.extensions import db
from journal.models import AccountToken, TokenPurpose, User

log = logging.getLogger(__name__)

RESET_MINUTES = int(tokens.LIFETIMES[TokenPurpose.RESET_PASSWORD].total_seconds() // 60)
VERIFY_HOURS = int(tokens.LIFETIMES[TokenPurpose.VERIFY_EMAIL].total_seconds() // 3600)
# Lazy, and compared by the views to place an error on its field: ``str()`` them there.
LINK_USED = _l("This link has already been used or has expired. You can ask for a new one.")
CODE_FAILED = _l("That code didn't work. Enter a current code from your app, or one of your recovery codes.")
PASSWORD_WRONG = _l("That password is not right.")
RESET_COOKIE_PURPOSE = "journal reset link in the cookie session"


def _compose(template: str, user: User, subject: str, *, to: str | None = None, **context) -> EmailMessage | None:
    """One message to the user's address (or ``to``), or None when it may not go there.

    Only a confirmation link goes to an address that is not verified yet, and
    such a message carries nothing the account chose (no display name): an
    address typed by someone else must not receive their words.
    """
    if to is None and not user.email_verified and template != "verify_email":
        return None
    confirmed = to is None and user.email_verified
    return mail.compose(
        template, to or user.email, subject, reader=user, name=user.display_name if confirmed else None, **context
    )


def _deliver(template: str, user: User, subject: str, *, to: str | None = None, **context) -> bool:
    """Send one message now (see ``_compose``); False (logged, never raised) when it could not go."""
    message = _compose(template, user, subject, to=to, **context)
    if message is None:
        return False
    try:
        mail.send(message)
    except mail.MailNotSent:
        return False
    return True


def _send_later(messages: list[EmailMessage]) -> Callable[[], None]:
    """What sends these messages, for a view to run once its answer has gone (so mail time tells nothing)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def send() -> None:
        with app.app_context():
            for message in messages:
                try:
                    mail.send(message)
                except mail.MailNotSent:
                    pass  # logged by mail.send; the person may ask again

    return send


# Verification ---------------------------------------------------------------


def send_verification(user: User) -> bool:
    """Email a link that confirms the account's address (valid 48 hours, single use). Commits."""
    raw = tokens.issue(user, TokenPurpose.VERIFY_EMAIL)
    return _deliver(
        "verify_email",
        user,
        _l("Please confirm your email address"),
        hours=VERIFY_HOURS,
        link=mail.absolute_url("recovery.verify_email", token=raw),
    )


def verification_is_live(raw: str) -> bool:
    """Whether a confirmation link still works (opening it changes nothing: mail scanners open links too)."""
    return tokens.find(raw, TokenPurpose.VERIFY_EMAIL) is not None


def verify_email(raw: str) -> User | None:
    """Mark the address of the link's account verified; the user, or None for a dead link. Commits."""
    row = tokens.find(raw, TokenPurpose.VERIFY_EMAIL)
    if row is None or not tokens.spend(row):
        db.session.rollback()
        return None
    user = db.session.get(User, row.user_id)
    user.email_verified_at = utcnow()
    db.session.commit()
    audit.record(Event.EMAIL_VERIFIED, subject_id=user.id, actor_id=user.id)
    return user


# Reset ------------------------------------------------------------------------


def request_reset(email: str) -> Callable[[], None] | None:
    """Make a reset link when an active account with this verified address exists; otherwise nothing.

    Returns what sends the email, for the caller to run after the answer has
    gone: the answer is the same either way, in the same time, whatever the
    mail server's speed (``recovery_views.forgot``).
    """
    user = find_user_by_email(email)
    if user is None or not user.active or not user.email_verified:
        log.info("password reset asked for an address with no verified account")
        return None
    return _send_later([_reset_message(user, admin=None)])


def send_reset_link(user: User, *, admin: User | None = None) -> bool:
    """Email a reset link now (an admin's button). Audited; commits."""
    try:
        mail.send(_reset_message(user, admin=admin))
    except mail.MailNotSent:
        return False
    return True


def _reset_message(user: User, *, admin: User | None):
    """A new reset link (30 minutes, single use, retiring older ones) in its email. Audited; commits."""
    raw = tokens.issue(user, TokenPurpose.RESET_PASSWORD)
    audit.record(
        Event.PASSWORD_RESET_SENT,
        subject_id=user.id,
        actor_id=admin.id if admin else None,
        detail="sent by an admin" if admin else "",
    )
    return mail.compose(
        "reset_password",
        user.email,
        _l("Choose a new password"),
        reader=user,
        name=user.display_name,
        minutes=RESET_MINUTES,
        link=mail.absolute_url("recovery.reset_link", token=raw),
    )


def seal_reset_token(raw: str) -> str:
    """The reset link's token, encrypted for the cookie session (which is signed, not secret)."""
    return crypto.encrypt_with_secret(current_app.config["SECRET_KEY"], RESET_COOKIE_PURPOSE, raw)


def reset_token(sealed: str) -> AccountToken | None:
    """The live reset token behind a value sealed by ``seal_reset_token``, or None."""
    raw = crypto.decrypt_with_secret(current_app.config["SECRET_KEY"], RESET_COOKIE_PURPOSE, sealed)
    return tokens.find(raw, TokenPurpose.RESET_PASSWORD) if raw else None


def account_of(row: AccountToken) -> User:
    return db.session.get(User, row.user_id)


def reset_password(row: AccountToken, new: str, code: str | None) -> User:
    """Set a new password with a live reset link: rules, second factor, then the link is spent. Commits.

    Raises AccountError (message for the person) or LoginLimited (too many
    wrong codes: they count as failed logins). Every login of the account ends.
    """
    user = account_of(row)
    check_new_password(user, new)
    if mfa.enabled(user) and not mfa.check_code(user, code or ""):
        raise AccountError(str(CODE_FAILED))
    if not tokens.spend(row):
        db.session.rollback()
        raise AccountError(str(LINK_USED))
    set_password(user, new, event=Event.PASSWORD_RESET)  # commits the spent link with the password
    notify_password_changed(user)
    return user


def notify_password_changed(user: User) -> None:
    """Tell the account's verified address that its password changed (by reset or on the account page)."""
    _deliver("password_changed", user, _l("Your password was changed"), link=mail.absolute_url("recovery.forgot"))


# Changing the address ---------------------------------------------------------


def request_email_change(user: User, new_email: str, password: str, code: str | None) -> Callable[[], None]:
    """Check the password (and the second factor when on), then prepare the mail; what sends it. Commits.

    The answer must not tell whether another account uses the address: when
    none does, a link goes to the new address and a notice to the old one;
    when one does, its owner is told someone tried to use it. The caller sends
    either after its (identical) answer has gone. Raises AccountError (wrong
    password or code, or the account's own address) or LoginLimited.
    """
    new_email = normalize_email(new_email)
    if new_email == user.email:  # before the code is checked: a recovery code is never spent on a refusal
        raise AccountError(_("That is already your email address."))
    if not gate.confirm_password(user, password):
        raise AccountError(str(PASSWORD_WRONG))
    if mfa.enabled(user) and not mfa.check_code(user, code or ""):
        raise AccountError(str(CODE_FAILED))
    owner = find_user_by_email(new_email)
    if owner is not None:
        log.info("email change asked for an address another account uses: user=%s", user.id)
        tried = _compose("email_address_in_use", owner, _l("Someone tried to use your email address"))
        return _send_later([tried] if tried is not None else [])
    raw = tokens.issue(user, TokenPurpose.CHANGE_EMAIL, email=new_email)
    notice = _compose("email_change_notice", user, _l("Your email address is being changed"))
    confirm = _compose(
        "confirm_new_email",
        user,
        _l("Please confirm your new email address"),
        to=new_email,
        hours=VERIFY_HOURS,
        link=mail.absolute_url("recovery.confirm_email_change", token=raw),
    )
    return _send_later([message for message in (notice, confirm) if message is not None])


def confirm_email_change(raw: str) -> User | None:
    """Move the account to the link's new address, now confirmed; None for a dead link or a taken address. Commits."""
    row = tokens.find(raw, TokenPurpose.CHANGE_EMAIL)
    if row is None or find_user_by_email(row.email) is not None or not tokens.spend(row):
        db.session.rollback()
        return None
    user = db.session.get(User, row.user_id)
    old_verified = user.email_verified
    user.email, user.email_verified_at = row.email, utcnow()
    tokens.retire(user)  # links sent to the old address stop working
    try:
        db.session.commit()
    except IntegrityError:  # someone registered the address in the same instant
        db.session.rollback()
        return None
    audit.record(Event.EMAIL_CHANGED, subject_id=user.id, actor_id=user.id)
    log.info("email changed: user=%s (old address %s)", user.id, "verified" if old_verified else "unverified")
    return user
