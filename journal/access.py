"""The one place that decides who may reach which journal record.

A journal belongs to its author. Anyone else, whatever their role, is told
the record does not exist (404), so ids reveal nothing.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from functools import wraps
from typing import TypeVar

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import Draft, Entry, Role, TreatmentSession

TRASH_DAYS = 30

Row = TypeVar("Row", TreatmentSession, Entry, Draft)


def patient_required(view):
    """Let only logged-in patients in; other roles have no journal here (404)."""

    @login_required
    @wraps(view)
    def wrapper(*args, **kwargs):
        if current_user.role != Role.PATIENT:
            abort(404)
        return view(*args, **kwargs)

    return wrapper


def owned_or_none(model: type[Row], row_id: uuid.UUID | None) -> Row | None:
    """Fetch a session, entry or draft of the current user, or None."""
    if row_id is None:
        return None
    return db.session.scalar(select(model).where(model.id == row_id, model.owner_id == current_user.id))


def owned_or_404(model: type[Row], row_id: uuid.UUID) -> Row:
    """Fetch a session, entry or draft of the current user, or answer 404."""
    row = owned_or_none(model, row_id)
    if row is None:
        abort(404)
    return row


def entry_or_404(entry_id: uuid.UUID, *, trashed: bool = False) -> Entry:
    """Fetch the current user's entry; trashed ones only when asked, and only for 30 days."""
    entry = owned_or_404(Entry, entry_id)
    if (entry.deleted_at is not None) != trashed:
        abort(404)
    if trashed and entry.deleted_at < utcnow() - timedelta(days=TRASH_DAYS):
        abort(404)  # past its time in the trash, even if not purged yet
    return entry
