"""What a therapist sees at a glance: who has something new, and what needs attention."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean

from sqlalchemy import func, select

from journal.access import shared_entries_query
from journal.clock import utcnow
from journal.entries.content import AFTER_EFFECTS, SERIOUS_AFTER_EFFECTS
from journal.extensions import db
from journal.measures.progress import Progress, progress
from journal.models import ClosedConnection, Connection, Entry, Reply, TreatmentSession, User
from journal.safety.risk import LOW_MOOD
from journal.sharing.summaries import MOODS_KEPT, pair_summaries

# A mood this many points below the patient's recent average is flagged.
MOOD_DROP = 3
MOOD_HISTORY = MOODS_KEPT - 1  # the latest mood is compared with the average of those before it
MOOD_MIN_HISTORY = 3


@dataclass
class PatientSummary:
    patient: User
    connected_at: datetime
    unreviewed: int = 0
    last_entry_at: datetime | None = None
    serious_effects: list[str] = field(default_factory=list)
    other_effects: list[str] = field(default_factory=list)
    low_mood: int | None = None
    recent_average: float | None = None
    unread_messages: int = 0
    first_unread: uuid.UUID | None = None  # the entry of the oldest unread message: one click from the dashboard

    @property
    def needs_attention(self) -> bool:
        return bool(self.serious_effects or self.other_effects or self.low_mood is not None or self.unread_messages)

    def sort_key(self):
        # Unreviewed first; among them the most serious; then the most recent writing.
        newest = -(self.last_entry_at.timestamp() if self.last_entry_at else 0)
        return (
            self.unreviewed == 0 and not self.unread_messages,
            not self.serious_effects,
            self.low_mood is None,
            newest,
        )


def low_mood(moods_oldest_first: list[int]) -> tuple[int, float | None] | None:
    """The latest mood, and the recent average when there is one to compare, if the latest is very low
    in itself (the safety loop's threshold: a new patient, or one who is always low, is flagged too) or
    far below that average."""
    if not moods_oldest_first:
        return None
    latest, history = moods_oldest_first[-1], moods_oldest_first[-1 - MOOD_HISTORY : -1]
    average = mean(history) if len(history) >= MOOD_MIN_HISTORY else None
    if latest <= LOW_MOOD or (average is not None and latest <= average - MOOD_DROP):
        return latest, average
    return None


def unread_replies_query(therapist_id: int):
    """Select the patients' messages this therapist has not read, on entries they can still open."""
    readable = shared_entries_query(therapist_id).with_only_columns(Entry.id).where(Entry.id == Reply.entry_id)
    return select(Reply).where(
        Reply.therapist_id == therapist_id,
        Reply.author_id == Reply.owner_id,
        Reply.read_at.is_(None),
        readable.exists(),
    )


def dashboard(therapist_id: int) -> list[PatientSummary]:
    """One summary per connected patient, most in need of attention first.

    A fixed number of queries and one unseal per patient, whatever the caseload
    and however many entries it holds: counts, dates, moods and after-effects
    come from the sealed per-share summaries (``sharing.summaries``), rebuilt
    only for patients whose shared entries changed since the last view; unread
    messages are counted from the replies' side.
    """
    summaries = {
        patient.id: PatientSummary(patient, connection.created_at)
        for connection, patient in db.session.execute(
            select(Connection, User)
            .join(User, User.id == Connection.patient_id)
            .where(Connection.therapist_id == therapist_id, Connection.is_active)
        )
    }
    if not summaries:
        return []
    unread_replies = unread_replies_query(therapist_id)
    unread = dict(
        db.session.execute(
            unread_replies.with_only_columns(Reply.owner_id, func.count()).group_by(Reply.owner_id)
        ).all()
    )
    first_unread: dict[int, uuid.UUID] = {}
    if unread:  # the oldest unread message of each patient who has one: read newest first, the oldest kept
        for patient_id, entry_id in db.session.execute(
            unread_replies.with_only_columns(Reply.owner_id, Reply.entry_id).order_by(
                Reply.created_at.desc(), Reply.id.desc()
            )
        ):
            first_unread[patient_id] = entry_id

    for patient_id, pair in pair_summaries(therapist_id, set(summaries)).items():
        summary = summaries[patient_id]
        summary.unreviewed, summary.last_entry_at = pair.unreviewed, pair.last_entry_at
        summary.unread_messages = unread.get(patient_id, 0)
        summary.first_unread = first_unread.get(patient_id)
        summary.serious_effects = [AFTER_EFFECTS[e] for e in AFTER_EFFECTS if e in pair.effects & SERIOUS_AFTER_EFFECTS]
        summary.other_effects = [AFTER_EFFECTS[e] for e in AFTER_EFFECTS if e in pair.effects - SERIOUS_AFTER_EFFECTS]
        drop = low_mood(pair.moods)
        if drop:
            summary.low_mood, summary.recent_average = drop
    return sorted(summaries.values(), key=PatientSummary.sort_key)


CLOSURES_SHOWN_DAYS = 30


def recent_closures(therapist_id: int) -> list[ClosedConnection]:
    """Patients of this therapist who deleted their accounts lately, newest first."""
    since = utcnow() - timedelta(days=CLOSURES_SHOWN_DAYS)
    return list(
        db.session.scalars(
            select(ClosedConnection)
            .where(ClosedConnection.therapist_id == therapist_id, ClosedConnection.closed_at >= since)
            .order_by(ClosedConnection.closed_at.desc())
        )
    )


def closure_of(therapist_id: int, former_patient_id: int) -> ClosedConnection | None:
    """The latest closure of this patient id for this therapist, unless the id is a connected patient now
    (SQLite may give a deleted account's id to a new one)."""
    connected = db.session.scalar(
        select(Connection.id).where(
            Connection.therapist_id == therapist_id, Connection.patient_id == former_patient_id, Connection.is_active
        )
    )
    if connected is not None:
        return None
    return db.session.scalar(
        select(ClosedConnection)
        .where(ClosedConnection.therapist_id == therapist_id, ClosedConnection.former_patient_id == former_patient_id)
        .order_by(ClosedConnection.closed_at.desc())
        .limit(1)
    )


WINDOW_DEFAULT = timedelta(days=365)  # the page shows a year; the PDF passes None for the whole journal


@dataclass
class SharedMeasures:
    lines: list
    progress: Progress


def measures_for_therapist(patient: User, therapist: User, window=WINDOW_DEFAULT) -> SharedMeasures | None:
    """Questionnaires and progress charts, only while the patient shares them with this therapist."""
    from journal.measures.services import clinical_summary

    shared = db.session.scalar(
        select(Connection.share_measures).where(
            Connection.patient_id == patient.id, Connection.therapist_id == therapist.id, Connection.is_active
        )
    )
    if not shared:
        return None

    def sessions_after(moment: datetime) -> int:
        return db.session.scalar(
            select(func.count())
            .select_from(TreatmentSession)
            .where(
                TreatmentSession.owner_id == patient.id,
                TreatmentSession.occurred_at > moment,
                TreatmentSession.occurred_at <= utcnow(),
            )
        )

    return SharedMeasures(
        clinical_summary(patient.id, sessions_after, patient.time_zone),
        progress(patient, reader=therapist, window=window),
    )
