"""The one place that decides who may reach which journal record.

A journal belongs to its author. Anyone else, whatever their role, is told
the record does not exist (404), so ids reveal nothing. Every such answer
about a record id goes through ``deny()``, so every refusal is audited.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from functools import wraps
from typing import NoReturn, TypeVar

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import QueryableAttribute

from journal import audit
from journal.audit import Event
from journal.auth import mfa
from journal.clock import utcnow
from journal.extensions import db
from journal.models import (
    Connection,
    Draft,
    Entry,
    EntryPicture,
    EntryShare,
    MeasureResponse,
    PushSubscription,
    RetainedRecord,
    Role,
    SafetyAlert,
    SafetyPlan,
    SavedSearch,
    SessionShare,
    TreatmentSession,
    User,
)

TRASH_DAYS = 30

# Every kind of row that belongs to one author (``owner_id``).
Row = TypeVar("Row", TreatmentSession, Entry, Draft, EntryPicture, SavedSearch, MeasureResponse)


def role_required(*roles: Role):
    """Let only logged-in users of these roles in; to everyone else the page does not exist (404)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(*args, **kwargs):
            if current_user.role not in roles:
                deny()
            if mfa.required(current_user) and not mfa.enabled(current_user):
                flash("Please set up two-factor authentication first: your account reaches patients' data.", "info")
                return redirect(url_for("auth.mfa_settings"))
            return view(*args, **kwargs)

        return wrapper

    return decorator


patient_required = role_required(Role.PATIENT)
therapist_required = role_required(Role.THERAPIST)
admin_required = role_required(Role.ADMIN)
# Those who are sent something worth a notification: patients (reminders), therapists (safety alerts).
notified_required = role_required(Role.PATIENT, Role.THERAPIST)


def deny() -> NoReturn:
    """Refuse with 404, and write the refusal to the audit trail."""
    audit.record(Event.ACCESS_DENIED, detail=f"{request.method} {request.endpoint}")
    abort(404)


def owned_or_none(model: type[Row], row_id: uuid.UUID | None) -> Row | None:
    """Fetch a session, entry or draft of the current user, or None."""
    if row_id is None:
        return None
    return db.session.scalar(select(model).where(model.id == row_id, model.owner_id == current_user.id))


def owned_or_404(model: type[Row], row_id: uuid.UUID) -> Row:
    """Fetch a session, entry or draft of the current user, or answer 404."""
    row = owned_or_none(model, row_id)
    if row is None:
        deny()
    return row


def entry_or_404(entry_id: uuid.UUID, *, trashed: bool = False) -> Entry:
    """Fetch the current user's entry; trashed ones only when asked, and only for 30 days."""
    entry = owned_or_404(Entry, entry_id)
    if entry.is_live == trashed:  # asked for the trash and found a live entry, or the reverse
        deny()
    if trashed and entry.deleted_at < utcnow() - timedelta(days=TRASH_DAYS):
        deny()  # past its time in the trash, even if not purged yet
    return entry


def own_push_subscription_or_404(endpoint: str) -> PushSubscription:
    """A browser's push subscription of the current user, by its endpoint, or 404 (another's is not there)."""
    row = db.session.scalar(
        select(PushSubscription).where(
            PushSubscription.endpoint == endpoint, PushSubscription.user_id == current_user.id
        )
    )
    if row is None:
        deny()
    return row


def own_picture_or_404(picture_id: uuid.UUID) -> EntryPicture:
    """A picture of one of the current user's live entries (none of the trash), or 404."""
    picture = owned_or_404(EntryPicture, picture_id)
    entry_or_404(picture.entry_id)
    return picture


# What a therapist may reach: only what a patient shared with them, while
# they are connected, and never anything in the trash or any draft.


def _active_connection(patient_id: int | QueryableAttribute[int], therapist_id: int):
    return (Connection.patient_id == patient_id) & (Connection.therapist_id == therapist_id) & Connection.is_active


def connected_patient_or_404(patient_id: int) -> User:
    """A patient connected to the current therapist, or 404."""
    patient = db.session.scalar(
        select(User)
        .join(Connection, Connection.patient_id == User.id)
        .where(User.id == patient_id, _active_connection(patient_id, current_user.id))
    )
    if patient is None:
        deny()
    return patient


def shared_entry_or_404(entry_id: uuid.UUID) -> tuple[Entry, EntryShare]:
    """A live entry shared with the current therapist by a connected patient, or 404."""
    row = db.session.execute(
        select(Entry, EntryShare)
        .join(EntryShare, (EntryShare.entry_id == Entry.id) & (EntryShare.therapist_id == current_user.id))
        .join(Connection, _active_connection(Entry.owner_id, current_user.id))
        .where(Entry.id == entry_id, Entry.is_live)
    ).first()
    if row is None:
        deny()
    return row[0], row[1]


def shared_picture_or_404(picture_id: uuid.UUID) -> EntryPicture:
    """A picture of a live entry shared with the current therapist by a connected patient, or 404."""
    picture = db.session.get(EntryPicture, picture_id)
    if picture is None:
        deny()
    shared_entry_or_404(picture.entry_id)
    return picture


def shared_entries_query(therapist_id: int, patient_id: int | None = None):
    """Select (Entry, EntryShare) rows a therapist may read now."""
    statement = (
        select(Entry, EntryShare)
        .join(EntryShare, (EntryShare.entry_id == Entry.id) & (EntryShare.therapist_id == therapist_id))
        .join(Connection, _active_connection(Entry.owner_id, therapist_id))
        .where(Entry.is_live)
    )
    return statement.where(Entry.owner_id == patient_id) if patient_id is not None else statement


def shared_sessions_query(therapist_id: int, patient_id: int):
    """Select the sessions a connected patient shared with a therapist."""
    return (
        select(TreatmentSession)
        .join(
            SessionShare, (SessionShare.session_id == TreatmentSession.id) & (SessionShare.therapist_id == therapist_id)
        )
        .join(Connection, _active_connection(TreatmentSession.owner_id, therapist_id))
        .where(TreatmentSession.owner_id == patient_id)
    )


def _alert_connection():
    """An alert's connection, active, and the one it was raised under: alerts from before a
    disconnection stay behind when the patient connects again."""
    return (
        (Connection.patient_id == SafetyAlert.patient_id)
        & (Connection.therapist_id == SafetyAlert.therapist_id)
        & Connection.is_active
        & (SafetyAlert.created_at >= Connection.created_at)
    )


def therapist_alerts_query(therapist_id: int | None):
    """Select the safety alerts a therapist may see now (every therapist's, for ``None``: the email job)."""
    statement = select(SafetyAlert).join(Connection, _alert_connection())
    return statement if therapist_id is None else statement.where(SafetyAlert.therapist_id == therapist_id)


def therapist_alert_or_404(alert_id: uuid.UUID) -> SafetyAlert:
    """A safety alert sent to the current therapist by a patient still connected with them, or 404."""
    alert = db.session.scalar(therapist_alerts_query(current_user.id).where(SafetyAlert.id == alert_id))
    if alert is None:
        deny()
    return alert


def shared_safety_plan_or_none(patient_id: int) -> SafetyPlan | None:
    """A connected patient's safety plan, while they share it with the current therapist."""
    return db.session.scalar(
        select(SafetyPlan)
        .join(Connection, _active_connection(SafetyPlan.owner_id, current_user.id))
        .where(SafetyPlan.owner_id == patient_id, Connection.share_safety_plan)
    )


def shared_safety_plan_or_404(patient_id: int) -> SafetyPlan:
    """The same, or 404."""
    plan = shared_safety_plan_or_none(patient_id)
    if plan is None:
        deny()
    return plan


def retained_record_or_404(record_id: uuid.UUID) -> RetainedRecord:
    """The current therapist's record of a former patient, while it is kept (not past ``purge_after``,
    even if the purge has not run yet), or 404."""
    record = db.session.scalar(
        select(RetainedRecord).where(
            RetainedRecord.id == record_id,
            RetainedRecord.therapist_id == current_user.id,
            RetainedRecord.purge_after > utcnow(),
        )
    )
    if record is None:
        deny()
    return record
