"""The therapist's workspace on a patient: what each shared entry flags, the way through the unreviewed
ones, private notes, and a summary since the last session. Reads only what the patient shared with
this therapist (``journal.access``)."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean

from flask_babel import gettext as _
from sqlalchemy import func, select

from journal.access import shared_entries_query, shared_sessions_query
from journal.clock import utcnow
from journal.entries.content import AFTER_EFFECTS, SERIOUS_AFTER_EFFECTS
from journal.entries.services import EntryView, open_entry
from journal.extensions import db
from journal.models import AccessAction, ClinicianNote, Entry, EntryShare, TreatmentSession, User
from journal.safety import alerts
from journal.safety.risk import LABELS, Signal
from journal.safety.services import assess_entry
from journal.sharing.services import record_access
from journal.vault import seal_row, unseal_row


@dataclass(frozen=True)
class Flag:
    label: str
    serious: bool


def entry_flags(entry: EntryView) -> list[Flag]:
    """What a shared entry reported that needs a look: the safety signals first (words about suicide or
    self-harm, a very low mood, an urge to use: the care card's own thresholds), then each other
    after-effect ticked."""
    risk = assess_entry(entry.content, entry.checkin, db.session.get(User, entry.row.owner_id))
    flags = [Flag(LABELS[signal], True) for signal in risk.signals]
    for key in entry.content.after_effects:
        if key == "none" or (key == "urge_to_use" and Signal.URGE_TO_USE in risk.signals):
            continue
        if key in AFTER_EFFECTS:
            flags.append(Flag(AFTER_EFFECTS[key], key in SERIOUS_AFTER_EFFECTS))
    return flags


def next_unreviewed(therapist_id: int, patient_id: int, after: Entry | None = None) -> uuid.UUID | None:
    """The next unreviewed shared entry of this patient in the order they wrote: the first after ``after``
    when given, else (or when none is later) the oldest one left."""
    statement = (
        shared_entries_query(therapist_id, patient_id)
        .with_only_columns(Entry.id)
        .where(EntryShare.reviewed_at.is_(None))
        .order_by(Entry.created_at, Entry.id)
        .limit(1)
    )
    if after is not None:
        later = db.session.scalar(
            statement.where(
                (Entry.created_at > after.created_at) | ((Entry.created_at == after.created_at) & (Entry.id > after.id))
            )
        )
        if later is not None:
            return later
        statement = statement.where(Entry.id != after.id)
    return db.session.scalar(statement)


# Private clinical notes ---------------------------------------------------------------------

NOTE_MAX = 4000


@dataclass(frozen=True)
class NoteView:
    row: ClinicianNote
    text: str


def notes_on(therapist_id: int, patient_id: int) -> list[NoteView]:
    """This therapist's notes on this patient, newest first (sealed under the therapist's own key)."""
    rows = db.session.scalars(
        select(ClinicianNote)
        .where(ClinicianNote.owner_id == therapist_id, ClinicianNote.patient_id == patient_id)
        .order_by(ClinicianNote.created_at.desc())
    )
    notes = []
    for row in rows:
        payload = unseal_row(row)
        if payload["patient_id"] == patient_id:  # the patient is sealed in: a note moved to another is not shown
            notes.append(NoteView(row, payload["text"]))
    return notes


def write_note(therapist_id: int, patient_id: int, text: str) -> ClinicianNote:
    """Keep a private note. Commits; the patient's access log says only that a note was written."""
    row = ClinicianNote(id=uuid.uuid4(), owner_id=therapist_id, patient_id=patient_id, created_at=utcnow())
    seal_row(row, {"text": text, "patient_id": patient_id})
    db.session.add(row)
    db.session.commit()
    record_access(patient_id, therapist_id, AccessAction.WRITE_NOTE)
    return row


# Since the last session -------------------------------------------------------------------

SUMMARY_ENTRIES = 200  # the most shared entries a summary reads (the newest)


@dataclass
class SinceSummary:
    since: datetime
    entries: int = 0
    moods: list[int] = field(default_factory=list)  # every mood shared since, oldest first
    mood_before: float | None = None  # the average of the moods shared before ``since`` (up to 10)
    effects: dict[str, int] = field(default_factory=dict)  # after-effect label -> entries
    effects_capped: bool = False  # after-effects read from the newest SUMMARY_ENTRIES entries only
    to_discuss: list[EntryView] = field(default_factory=list)  # marked now, whenever written
    alerts: list = field(default_factory=list)  # alerts.AlertView, open or closed, raised since

    @property
    def mood_average(self) -> float | None:
        return mean(self.moods) if self.moods else None

    @property
    def trend(self) -> str:
        """In words: the mood since, against the mood before."""
        if self.mood_average is None or self.mood_before is None:
            return ""
        difference = self.mood_average - self.mood_before
        if abs(difference) < 1:
            return _("about the same as before")
        points = f"{abs(difference):.1f}"
        if difference < 0:
            return _("%(points)s points lower than before", points=points)
        return _("%(points)s points higher than before", points=points)


def default_since(therapist_id: int, patient_id: int) -> datetime:
    """The latest shared session that has happened, else two weeks ago."""
    latest = db.session.scalar(
        shared_sessions_query(therapist_id, patient_id)
        .with_only_columns(func.max(TreatmentSession.occurred_at))
        .where(TreatmentSession.occurred_at <= utcnow())
    )
    return latest or utcnow() - timedelta(days=14)


def since_summary(therapist_id: int, patient_id: int, since: datetime) -> SinceSummary:
    """What a therapist reads before an appointment: the shared entries since a moment, their check-in
    trend and after-effects, the safety alerts, and the entries the patient marked to talk about."""
    shared = shared_entries_query(therapist_id, patient_id)
    summary = SinceSummary(since)
    summary.entries = db.session.scalar(shared.with_only_columns(func.count()).where(Entry.created_at >= since))
    summary.moods = list(
        db.session.scalars(
            shared.with_only_columns(Entry.mood)
            .where(Entry.created_at >= since, Entry.mood.is_not(None))
            .order_by(Entry.created_at, Entry.id)
        )
    )
    before = db.session.scalars(
        shared.with_only_columns(Entry.mood)
        .where(Entry.created_at < since, Entry.mood.is_not(None))
        .order_by(Entry.created_at.desc())
        .limit(10)
    ).all()
    summary.mood_before = mean(before) if before else None
    # After-effects are sealed: read from the newest entries since, a bounded number.
    counted: Counter = Counter()
    for entry, _share in db.session.execute(
        shared.where(Entry.created_at >= since).order_by(Entry.created_at.desc()).limit(SUMMARY_ENTRIES)
    ):
        counted.update(
            AFTER_EFFECTS[key]
            for key in set(open_entry(entry).content.after_effects)
            if key in AFTER_EFFECTS and key != "none"
        )
    summary.effects, summary.effects_capped = dict(counted.most_common()), summary.entries > SUMMARY_ENTRIES
    summary.to_discuss = [
        open_entry(entry)
        for entry, _share in db.session.execute(shared.where(Entry.to_discuss).order_by(Entry.created_at))
    ]
    summary.alerts = [view for view in alerts.all_alerts(therapist_id, patient_id) if view.alert.created_at >= since]
    return summary
