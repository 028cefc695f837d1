"""A therapist's record of one patient: their own private notes and the history of the safety alerts sent
to them (what was noticed, what was done, how it was closed, their notes on each step), never a word the
patient wrote.

One ``ClinicalRecord`` serves both cases: built live for a patient who is connected now, and sealed at
account deletion (``retain_records``) for a former patient, so the page and the PDF show both alike. A
retained record is kept under the therapist's own key until ``CLINICAL_RECORD_RETENTION_DAYS`` after the
deletion, then purged (``purge_expired_records``, run by ``flask purge-records``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import ngettext
from sqlalchemy import delete, select, union

from journal import audit
from journal.access import therapist_alerts_query
from journal.audit import Event
from journal.clock import utcnow
from journal.database import changed_rows
from journal.extensions import db
from journal.models import AlertAction, AlertOutcome, ClinicianNote, Connection, RetainedRecord, SafetyAlert, User
from journal.safety import alerts
from journal.safety.risk import LABELS
from journal.therapist.workspace import notes_on
from journal.vault import seal_row, unseal_row


def _label(enum_type: type[AlertAction] | type[AlertOutcome], value: str | None) -> str:
    """A step's label; a value no longer offered is shown as stored rather than lost."""
    if not value:
        return ""
    try:
        return enum_type(value).label
    except ValueError:
        return value


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class RecordNote:
    written_at: datetime
    text: str


@dataclass(frozen=True)
class RecordAlert:
    """One alert's history: the kinds of signal (never the words), and each step the therapist took."""

    raised_at: datetime
    signals: tuple[str, ...]  # safety.risk.Signal values
    acknowledged_at: datetime | None = None
    action: str | None = None  # AlertAction value
    acknowledged_note: str = ""
    resolved_at: datetime | None = None
    outcome: str | None = None  # AlertOutcome value
    resolved_note: str = ""

    @property
    def labels(self) -> list[str]:
        return [LABELS.get(signal, signal) for signal in self.signals]

    @property
    def action_label(self) -> str:
        return _label(AlertAction, self.action)

    @property
    def outcome_label(self) -> str:
        return _label(AlertOutcome, self.outcome)

    def payload(self) -> dict:
        return {
            "raised_at": _when(self.raised_at),
            "signals": list(self.signals),
            "acknowledged_at": _when(self.acknowledged_at),
            "action": self.action,
            "acknowledged_note": self.acknowledged_note,
            "resolved_at": _when(self.resolved_at),
            "outcome": self.outcome,
            "resolved_note": self.resolved_note,
        }

    @classmethod
    def from_payload(cls, data: dict) -> RecordAlert:
        return cls(
            raised_at=datetime.fromisoformat(data["raised_at"]),
            signals=tuple(data["signals"]),
            acknowledged_at=_moment(data["acknowledged_at"]),
            action=data["action"],
            acknowledged_note=data["acknowledged_note"],
            resolved_at=_moment(data["resolved_at"]),
            outcome=data["outcome"],
            resolved_note=data["resolved_note"],
        )


@dataclass(frozen=True)
class ClinicalRecord:
    """A therapist's record of one patient, newest first. ``closed_at`` is set for a former patient."""

    patient_name: str
    connected_at: datetime | None
    notes: tuple[RecordNote, ...]
    alerts: tuple[RecordAlert, ...]
    closed_at: datetime | None = None  # when the patient deleted their account
    kept_until: datetime | None = None  # purged after this

    @property
    def former(self) -> bool:
        return self.closed_at is not None

    def payload(self) -> dict:
        """What is sealed: the name and the clinical content (the dates are the row's own columns)."""
        return {
            "patient_name": self.patient_name,
            "notes": [{"written_at": _when(n.written_at), "text": n.text} for n in self.notes],
            "alerts": [a.payload() for a in self.alerts],
        }


def in_the_record():
    """The alerts that belong to a therapist's record: those they acted on (care given, whichever connection
    it was raised under), and those they may open now. An alert left behind by a disconnection before anyone
    opened it stays out, as it stays off the alert pages (``access.therapist_alerts_query``)."""
    visible = therapist_alerts_query(None).with_only_columns(SafetyAlert.id)
    return SafetyAlert.acknowledged_at.is_not(None) | SafetyAlert.id.in_(visible)


def record_of(therapist_id: int, patient: User) -> ClinicalRecord:
    """The therapist's record of a patient who still has an account: every note they wrote on them, and
    the safety alerts about them in the record (``in_the_record``)."""
    connected_at = db.session.scalar(
        select(Connection.created_at).where(
            Connection.therapist_id == therapist_id, Connection.patient_id == patient.id
        )
    )
    rows = db.session.scalars(
        select(SafetyAlert)
        .where(SafetyAlert.therapist_id == therapist_id, SafetyAlert.patient_id == patient.id, in_the_record())
        .order_by(SafetyAlert.created_at.desc())
    )
    return ClinicalRecord(
        patient_name=patient.display_name,
        connected_at=connected_at,
        notes=tuple(RecordNote(note.row.created_at, note.text) for note in notes_on(therapist_id, patient.id)),
        alerts=tuple(_alert(row) for row in rows),
    )


def _alert(row: SafetyAlert) -> RecordAlert:
    """An alert's history; its notes are sealed under the patient's key, so read while that key exists."""
    notes = alerts.notes(row)
    return RecordAlert(
        raised_at=row.created_at,
        signals=tuple(signal for signal in row.signals.split(",") if signal),
        acknowledged_at=row.acknowledged_at,
        action=row.action,
        acknowledged_note=notes.get("acknowledged", ""),
        resolved_at=row.resolved_at,
        outcome=row.outcome,
        resolved_note=notes.get("resolved", ""),
    )


def retention() -> timedelta:
    return timedelta(days=int(current_app.config["CLINICAL_RECORD_RETENTION_DAYS"]))


def retention_in_words() -> str:
    """The retention time as the deletion page says it: in years when it is a whole number of them."""
    days = retention().days
    years = round(days / 365.25)
    if years >= 1 and abs(days - years * 365.25) < 2:
        return ngettext("%(num)d year", "%(num)d years", years)
    return ngettext("%(num)d day", "%(num)d days", days)


def retain_records(patient: User, now: datetime) -> int:
    """Seal each therapist's record of a patient who is deleting their account; return how many. Does not
    commit: part of the deletion, and run before the patient's data key goes (their alert notes need it).

    One record per therapist who wrote notes on the patient, was sent alerts about them, or is connected
    with them now (the record that care was given, even without notes). A connection ended earlier with
    nothing written leaves nothing to keep.
    """
    therapists = db.session.scalars(
        union(
            select(ClinicianNote.owner_id).where(ClinicianNote.patient_id == patient.id),
            select(SafetyAlert.therapist_id).where(SafetyAlert.patient_id == patient.id, in_the_record()),
            select(Connection.therapist_id).where(Connection.patient_id == patient.id, Connection.is_active),
        )
    ).all()
    for therapist_id in sorted(therapists):
        record = record_of(therapist_id, patient)
        row = RetainedRecord(
            id=uuid.uuid4(),
            therapist_id=therapist_id,
            connected_at=record.connected_at,
            closed_at=now,
            purge_after=now + retention(),
        )
        seal_row(row, record.payload())
        db.session.add(row)
    return len(therapists)


def open_record(row: RetainedRecord) -> ClinicalRecord:
    """Unseal a retained record (under the therapist's key; raises crypto.DecryptionError if moved)."""
    data = unseal_row(row)
    return ClinicalRecord(
        patient_name=data["patient_name"],
        connected_at=row.connected_at,
        notes=tuple(RecordNote(datetime.fromisoformat(n["written_at"]), n["text"]) for n in data["notes"]),
        alerts=tuple(RecordAlert.from_payload(a) for a in data["alerts"]),
        closed_at=row.closed_at,
        kept_until=row.purge_after,
    )


def former_patients(therapist_id: int) -> list[tuple[RetainedRecord, ClinicalRecord]]:
    """This therapist's records of former patients not yet past their time, most recently closed first."""
    rows = db.session.scalars(
        select(RetainedRecord)
        .where(RetainedRecord.therapist_id == therapist_id, RetainedRecord.purge_after > utcnow())
        .order_by(RetainedRecord.closed_at.desc(), RetainedRecord.id)
    )
    return [(row, open_record(row)) for row in rows]


def purge_expired_records() -> int:
    """Delete every retained record past its time; return how many. Commits; audited when any went.

    One DELETE: two runs at once each delete what is left, and a second run deletes nothing.
    """
    purged = changed_rows(delete(RetainedRecord).where(RetainedRecord.purge_after <= utcnow()))
    db.session.commit()
    if purged:
        audit.record(Event.RECORDS_PURGED, detail=f"{purged} record(s)")
    return purged
