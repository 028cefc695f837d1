"""What a therapist sees at a glance: who has something new, and what needs attention."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean

from sqlalchemy import case, func, select

from journal.access import shared_entries_query
from journal.clock import utcnow
from journal.entries.content import AFTER_EFFECTS, SERIOUS_AFTER_EFFECTS
from journal.extensions import db
from journal.measures.progress import Progress, progress
from journal.models import ClosedConnection, Connection, Entry, EntryShare, Reply, TreatmentSession, User
from journal.safety.risk import LOW_MOOD
from journal.sharing.summaries import unreviewed_effects

# A mood this many points below the patient's recent average is flagged.
MOOD_DROP = 3
MOOD_HISTORY = 10
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
        return (self.unreviewed == 0 and not self.unread_messages, not self.serious_effects,
                self.low_mood is None, newest)


def low_mood(moods_oldest_first: list[int]) -> tuple[int, float | None] | None:
    """The latest mood, and the recent average when there is one to compare, if the latest is very low
    in itself (the safety loop's threshold: a new patient, or one who is always low, is flagged too) or
    far below that average."""
    if not moods_oldest_first:
        return None
    latest, history = moods_oldest_first[-1], moods_oldest_first[-1 - MOOD_HISTORY:-1]
    average = mean(history) if len(history) >= MOOD_MIN_HISTORY else None
    if latest <= LOW_MOOD or (average is not None and latest <= average - MOOD_DROP):
        return latest, average
    return None


def dashboard(therapist_id: int) -> list[PatientSummary]:
    """One summary per connected patient, most in need of attention first.

    A fixed number of queries whatever the caseload, and at most one unseal per
    patient: counts, dates and moods are SQL aggregates over plaintext columns;
    after-effects come from the sealed per-share summaries (``sharing.summaries``).
    """
    summaries = {
        patient.id: PatientSummary(patient, connection.created_at)
        for connection, patient in db.session.execute(
            select(Connection, User).join(User, User.id == Connection.patient_id)
            .where(Connection.therapist_id == therapist_id, Connection.is_active)
        )
    }
    if not summaries:
        return []
    shared = shared_entries_query(therapist_id)
    for patient_id, unreviewed, last_entry_at in db.session.execute(
            shared.with_only_columns(Entry.owner_id, func.count(case((EntryShare.reviewed_at.is_(None), 1))),
                                     func.max(Entry.created_at)).group_by(Entry.owner_id)):
        summaries[patient_id].unreviewed, summaries[patient_id].last_entry_at = unreviewed, last_entry_at
    moods: dict[int, list[int]] = defaultdict(list)
    for patient_id, mood in db.session.execute(_recent_moods(therapist_id)):
        moods[patient_id].append(mood)
    # Only messages on entries this therapist can still open count.
    unread_replies = select(Reply).where(
        Reply.therapist_id == therapist_id, Reply.author_id == Reply.owner_id, Reply.read_at.is_(None),
        Reply.entry_id.in_(shared.with_only_columns(Entry.id)))
    unread = dict(db.session.execute(
        unread_replies.with_only_columns(Reply.owner_id, func.count()).group_by(Reply.owner_id)).all())
    first_unread: dict[int, uuid.UUID] = {}
    if unread:  # the oldest unread message of each patient who has one: read newest first, the oldest kept
        for patient_id, entry_id in db.session.execute(unread_replies.with_only_columns(
                Reply.owner_id, Reply.entry_id).order_by(Reply.created_at.desc(), Reply.id.desc())):
            first_unread[patient_id] = entry_id
    with_unreviewed = {patient_id for patient_id, summary in summaries.items() if summary.unreviewed}
    effects = unreviewed_effects(therapist_id, with_unreviewed) if with_unreviewed else {}

    for patient_id, summary in summaries.items():
        summary.unread_messages = unread.get(patient_id, 0)
        summary.first_unread = first_unread.get(patient_id)
        found = effects.get(patient_id, set())
        summary.serious_effects = [AFTER_EFFECTS[e] for e in AFTER_EFFECTS if e in found & SERIOUS_AFTER_EFFECTS]
        summary.other_effects = [AFTER_EFFECTS[e] for e in AFTER_EFFECTS if e in found - SERIOUS_AFTER_EFFECTS]
        drop = low_mood(moods[patient_id][::-1])
        if drop:
            summary.low_mood, summary.recent_average = drop
    return sorted(summaries.values(), key=PatientSummary.sort_key)


def _recent_moods(therapist_id: int):
    """Select (patient id, mood) of each patient's latest moods in shared entries, newest first."""
    ranked = shared_entries_query(therapist_id).with_only_columns(
        Entry.owner_id, Entry.mood, Entry.created_at,
        func.row_number().over(partition_by=Entry.owner_id,
                               order_by=(Entry.created_at.desc(), Entry.id.desc())).label("rank"),
    ).where(Entry.mood.is_not(None)).subquery()
    return (select(ranked.c.owner_id, ranked.c.mood).where(ranked.c.rank <= MOOD_HISTORY + 1)
            .order_by(ranked.c.owner_id, ranked.c.rank))


CLOSURES_SHOWN_DAYS = 30


def recent_closures(therapist_id: int) -> list[ClosedConnection]:
    """Patients of this therapist who deleted their accounts lately, newest first."""
    since = utcnow() - timedelta(days=CLOSURES_SHOWN_DAYS)
    return list(db.session.scalars(select(ClosedConnection).where(
        ClosedConnection.therapist_id == therapist_id, ClosedConnection.closed_at >= since)
        .order_by(ClosedConnection.closed_at.desc())))


def closure_of(therapist_id: int, former_patient_id: int) -> ClosedConnection | None:
    """The latest closure of this patient id for this therapist, unless the id is a connected patient now
    (SQLite may give a deleted account's id to a new one)."""
    connected = db.session.scalar(select(Connection.id).where(
        Connection.therapist_id == therapist_id, Connection.patient_id == former_patient_id, Connection.is_active))
    if connected is not None:
        return None
    return db.session.scalar(select(ClosedConnection).where(
        ClosedConnection.therapist_id == therapist_id, ClosedConnection.former_patient_id == former_patient_id)
        .order_by(ClosedConnection.closed_at.desc()).limit(1))


WINDOW_DEFAULT = timedelta(days=365)  # the page shows a year; the PDF passes None for the whole journal


@dataclass
class SharedMeasures:
    lines: list
    progress: Progress


def measures_for_therapist(patient: User, therapist: User, window=WINDOW_DEFAULT) -> SharedMeasures | None:
    """Questionnaires and progress charts, only while the patient shares them with this therapist."""
    from journal.measures.services import clinical_summary

    shared = db.session.scalar(select(Connection.share_measures).where(
        Connection.patient_id == patient.id, Connection.therapist_id == therapist.id, Connection.is_active))
    if not shared:
        return None

    def sessions_after(moment: datetime) -> int:
        return db.session.scalar(select(func.count()).select_from(TreatmentSession).where(
            TreatmentSession.owner_id == patient.id, TreatmentSession.occurred_at > moment,
            TreatmentSession.occurred_at <= utcnow()))

    return SharedMeasures(clinical_summary(patient.id, sessions_after),
                          progress(patient, reader=therapist, window=window))
