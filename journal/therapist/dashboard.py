"""What a therapist sees at a glance: who has something new, and what needs attention."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from statistics import mean

from sqlalchemy import func, select

from journal.access import shared_entries_query
from journal.entries.content import AFTER_EFFECTS, SERIOUS_AFTER_EFFECTS
from journal.entries.services import open_entry
from journal.extensions import db
from journal.models import Connection, Entry, Reply, User

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

    @property
    def needs_attention(self) -> bool:
        return bool(self.serious_effects or self.other_effects or self.low_mood is not None or self.unread_messages)

    def sort_key(self):
        # Unreviewed first; among them the most serious; then the most recent writing.
        newest = -(self.last_entry_at.timestamp() if self.last_entry_at else 0)
        return (self.unreviewed == 0 and not self.unread_messages, not self.serious_effects,
                self.low_mood is None, newest)


def mood_drop(moods_oldest_first: list[int]) -> tuple[int, float] | None:
    """The latest mood and recent average, if the latest is far below that average."""
    if len(moods_oldest_first) < MOOD_MIN_HISTORY + 1:
        return None
    latest, history = moods_oldest_first[-1], moods_oldest_first[-1 - MOOD_HISTORY:-1]
    average = mean(history)
    return (latest, average) if latest <= average - MOOD_DROP else None


def dashboard(therapist_id: int) -> list[PatientSummary]:
    """One summary per connected patient, most in need of attention first (a fixed number of queries)."""
    summaries = {
        patient.id: PatientSummary(patient, connection.created_at)
        for connection, patient in db.session.execute(
            select(Connection, User).join(User, User.id == Connection.patient_id)
            .where(Connection.therapist_id == therapist_id, Connection.is_active)
        )
    }
    by_patient: dict[int, list] = defaultdict(list)
    for entry, share in db.session.execute(shared_entries_query(therapist_id).order_by(Entry.created_at)):
        by_patient[entry.owner_id].append((entry, share))
    # Only messages on entries this therapist can still open count.
    reachable = shared_entries_query(therapist_id).with_only_columns(Entry.id)
    unread = dict(db.session.execute(
        select(Reply.owner_id, func.count()).where(
            Reply.therapist_id == therapist_id, Reply.author_id == Reply.owner_id, Reply.read_at.is_(None),
            Reply.entry_id.in_(reachable))
        .group_by(Reply.owner_id)).all())

    for patient_id, summary in summaries.items():
        rows = by_patient.get(patient_id, [])
        summary.unread_messages = unread.get(patient_id, 0)
        if not rows:
            continue
        summary.last_entry_at = rows[-1][0].created_at
        effects: set[str] = set()
        for entry, share in rows:
            if share.reviewed_at is None:
                summary.unreviewed += 1
                effects |= set(open_entry(entry).content.after_effects) - {"none"}
        summary.serious_effects = [AFTER_EFFECTS[e] for e in AFTER_EFFECTS if e in effects & SERIOUS_AFTER_EFFECTS]
        summary.other_effects = [AFTER_EFFECTS[e] for e in AFTER_EFFECTS if e in effects - SERIOUS_AFTER_EFFECTS]
        drop = mood_drop([entry.mood for entry, _ in rows if entry.mood is not None])
        if drop:
            summary.low_mood, summary.recent_average = drop
    return sorted(summaries.values(), key=PatientSummary.sort_key)
