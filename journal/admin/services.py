"""Account administration rules, shared by the admin pages and the command line."""

from __future__ import annotations

from journal import audit
from journal.audit import Event
from journal.auth.logins import end_all_sessions
from journal.extensions import db
from journal.models import User


def set_account_active(user: User, active: bool, *, detail: str = "") -> None:
    """Enable or disable an account; disabling logs it out everywhere at once. Commits."""
    user.active = active
    db.session.commit()
    if not active:
        end_all_sessions(user)  # here, not in a view: every way of disabling inherits it
    audit.record(Event.ACCOUNT_ENABLED if active else Event.ACCOUNT_DISABLED, subject_id=user.id, detail=detail)
