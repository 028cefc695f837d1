"""Write and read the security audit trail (append-only; never journal text)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask import has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_login import current_user
from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import AuditEvent


class Event(StrEnum):
    """Every name the trail records. The value is what the ``event`` column stores: never change one."""

    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    LOGOUT_EVERYWHERE = "logout_everywhere"
    PASSWORD_CHANGED = "password_changed"
    REAUTH_FAILED = "reauth_failed"
    ACCOUNT_DISABLED = "account_disabled"
    ACCOUNT_ENABLED = "account_enabled"
    ACCESS_DENIED = "access_denied"
    THERAPIST_ACCESS = "therapist_access"
    MFA_ENABLED = "mfa_enabled"
    MFA_REPLACED = "mfa_replaced"
    MFA_DISABLED = "mfa_disabled"
    MFA_FAILED = "mfa_failed"
    RECOVERY_CODE_USED = "recovery_code_used"
    RECOVERY_CODES_REGENERATED = "recovery_codes_regenerated"
    EMAIL_VERIFIED = "email_verified"
    PASSWORD_RESET_SENT = "password_reset_sent"
    PASSWORD_RESET = "password_reset"
    EMAIL_CHANGED = "email_changed"
    DATA_EXPORTED = "data_exported"
    DATA_IMPORTED = "data_imported"
    ACCOUNT_DELETED = "account_deleted"
    RECORDS_PURGED = "records_purged"


# Shown on the account's activity page and the admin's security page, in the reader's language (lazy).
EVENT_LABELS: dict[Event, LazyString] = {
    Event.LOGIN: _l("Logged in"),
    Event.LOGIN_FAILED: _l("Failed login"),
    Event.LOGOUT: _l("Logged out"),
    Event.LOGOUT_EVERYWHERE: _l("Logged out of all devices"),
    Event.PASSWORD_CHANGED: _l("Password changed"),
    Event.REAUTH_FAILED: _l("Wrong password when confirming"),
    Event.ACCOUNT_DISABLED: _l("Account disabled by an admin"),
    Event.ACCOUNT_ENABLED: _l("Account enabled by an admin"),
    Event.ACCESS_DENIED: _l("Access refused"),
    Event.THERAPIST_ACCESS: _l("Therapist access"),
    Event.MFA_ENABLED: _l("Two-factor authentication turned on"),
    Event.MFA_REPLACED: _l("Two-factor authentication moved to a new app"),
    Event.MFA_DISABLED: _l("Two-factor authentication turned off"),
    Event.MFA_FAILED: _l("Wrong two-factor code"),
    Event.RECOVERY_CODE_USED: _l("Recovery code used"),
    Event.RECOVERY_CODES_REGENERATED: _l("New recovery codes made"),
    Event.EMAIL_VERIFIED: _l("Email address confirmed"),
    Event.PASSWORD_RESET_SENT: _l("Password reset link sent"),
    Event.PASSWORD_RESET: _l("Password reset with an emailed link"),
    Event.EMAIL_CHANGED: _l("Email address changed"),
    Event.DATA_EXPORTED: _l("Whole journal exported (zip)"),
    Event.DATA_IMPORTED: _l("Entries imported from a file"),
    Event.ACCOUNT_DELETED: _l("Account deleted by its owner"),
    Event.RECORDS_PURGED: _l("Former patients' clinical records purged after their retention time"),
}


def record(event: Event, *, subject_id: int | None = None, actor_id: int | None = None, detail: str = "") -> None:
    """Append one event. Commits, in a statement of its own, so a rollback elsewhere cannot erase it.

    A name that is not an ``Event`` raises ValueError: a misspelt event must fail
    loudly, not write a row no label or search will ever find.
    """
    event = Event(event)
    if actor_id is None and has_request_context() and current_user.is_authenticated:
        actor_id = current_user.id
    ip = request.remote_addr if has_request_context() else None
    db.session.add(
        AuditEvent(at=utcnow(), event=event.value, actor_id=actor_id, subject_id=subject_id, ip=ip, detail=detail[:200])
    )
    db.session.commit()


def events(*, subject_id: int | None = None, since: datetime | None = None, limit: int = 200) -> list[AuditEvent]:
    """The latest events, all of them or those about one account (``since`` its creation: the id of a
    deleted account may be given to a new one, which must not see the old one's events)."""
    statement = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
    if subject_id is not None:
        statement = statement.where(AuditEvent.subject_id == subject_id)
    if since is not None:
        statement = statement.where(AuditEvent.at >= since)
    return list(db.session.scalars(statement))
