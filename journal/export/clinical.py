"""A therapist's record of one patient as a PDF: laid out by ``export.document`` like a journal, with the
notes and the alert history as its two sections."""

from __future__ import annotations

from journal.clock import utcnow
from journal.export.document import ExportEntry, ExportGroup, JournalExport
from journal.export.gather import Reader
from journal.models import User
from journal.therapist.records import ClinicalRecord, RecordAlert

PRIVATE = "Your private notes: never shown to the patient."
ALERTS = "What was noticed (the kind of signal, never the patient's words), and what you did."


def record_export(therapist: User, record: ClinicalRecord) -> JournalExport:
    """The record in the therapist's time zone and paper size, notes first, each section newest first."""
    reader = Reader.of(therapist)
    notes = [
        ExportEntry(
            key=f"note-{n}", title=f"Note, {reader.when(note.written_at)}", when="", answers=[(None, note.text)]
        )
        for n, note in enumerate(record.notes)
    ]
    alerts = [_alert(f"alert-{n}", alert, reader) for n, alert in enumerate(record.alerts)]
    return JournalExport(
        title="Clinical record",
        patient_name=f"{record.patient_name} (former patient)" if record.former else record.patient_name,
        date_range=_period(record, reader),
        generated=reader.when(utcnow()),
        groups=[
            ExportGroup(key="notes", heading="Notes", details=PRIVATE if notes else "No notes.", entries=notes),
            ExportGroup(key="alerts", heading="Safety alerts", details=ALERTS if alerts else "None.", entries=alerts),
        ],
        page_size=therapist.paper_size,
        author=therapist.display_name,
    )


def _period(record: ClinicalRecord, reader: Reader) -> str:
    """Since when, and for a former patient when they closed their account and how long this is kept."""
    parts = [
        f"{label} {reader.when(moment, with_time=False)}"
        for label, moment in (
            ("connected since", record.connected_at),
            ("account closed", record.closed_at),
            ("kept until", record.kept_until),
        )
        if moment is not None
    ]
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def _alert(key: str, alert: RecordAlert, reader: Reader) -> ExportEntry:
    steps: list[tuple[str | None, str]] = [("What was noticed", "; ".join(alert.labels) or "—")]
    if alert.acknowledged_at:
        steps.append(("Acknowledged", f"{reader.when(alert.acknowledged_at)}: {alert.action_label}"))
        if alert.acknowledged_note:
            steps.append(("Note", alert.acknowledged_note))
    else:
        steps.append(("Acknowledged", "not acknowledged"))
    if alert.resolved_at:
        steps.append(("Closed", f"{reader.when(alert.resolved_at)}: {alert.outcome_label}"))
        if alert.resolved_note:
            steps.append(("Note", alert.resolved_note))
    return ExportEntry(key=key, title=f"Safety alert, {reader.when(alert.raised_at)}", when="", answers=steps)
