"""Write and read the security audit trail (append-only; never journal text)."""

from __future__ import annotations

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import AuditEvent

EVENT_LABELS = {
    "login": "Logged in",
    "login_failed": "Failed login",
    "logout": "Logged out",
    "logout_everywhere": "Logged out of all devices",
    "password_changed": "Password changed",
    "reauth_failed": "Wrong password when confirming",
    "account_disabled": "Account disabled by an admin",
    "account_enabled": "Account enabled by an admin",
    "access_denied": "Access refused",
    "therapist_access": "Therapist access",
    "mfa_enabled": "Two-factor authentication turned on",
    "mfa_disabled": "Two-factor authentication turned off",
    "mfa_failed": "Wrong two-factor code",
    "recovery_code_used": "Recovery code used",
}


def record(event: str, *, subject_id: int | None = None, actor_id: int | None = None, detail: str = "") -> None:
    """Append one event. Commits, in a statement of its own, so a rollback elsewhere cannot erase it."""
    if actor_id is None and has_request_context() and current_user.is_authenticated:
        actor_id = current_user.id
    ip = request.remote_addr if has_request_context() else None
    db.session.add(AuditEvent(at=utcnow(), event=event, actor_id=actor_id, subject_id=subject_id, ip=ip,
                              detail=detail[:200]))
    db.session.commit()


def events(*, subject_id: int | None = None, limit: int = 200) -> list[AuditEvent]:
    """The latest events, all of them or those about one account."""
    statement = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
    if subject_id is not None:
        statement = statement.where(AuditEvent.subject_id == subject_id)
    return list(db.session.scalars(statement))
