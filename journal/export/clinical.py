"""A therapist's record of one patient as a PDF: laid out by ``export.document`` like a journal, with the
notes and the alert history as its two sections, in the therapist's language."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import pgettext

from journal.clock import utcnow
from journal.export.document import ExportEntry, ExportGroup, JournalExport
from journal.export.gather import Reader
from journal.i18n import speaking
from journal.models import User
from journal.therapist.records import ClinicalRecord, RecordAlert

PRIVATE = _l("Your private notes: never shown to the patient.")
ALERTS = _l("What was noticed (the kind of signal, never the patient's words), and what you did.")


def record_export(therapist: User, record: ClinicalRecord) -> JournalExport:
    """The record in the therapist's language, time zone and paper size, notes first, each section newest first."""
    reader = Reader.of(therapist)
    with speaking(reader.locale):
        notes = [
            ExportEntry(
                key=f"note-{n}",
                title=_("Note, %(date)s", date=reader.when(note.written_at)),
                when="",
                answers=[(None, note.text)],
            )
            for n, note in enumerate(record.notes)
        ]
        alerts = [_alert(f"alert-{n}", alert, reader) for n, alert in enumerate(record.alerts)]
        name = _("%(name)s (former patient)", name=record.patient_name) if record.former else record.patient_name
        return JournalExport(
            title=_("Clinical record"),
            patient_name=name,
            date_range=_period(record, reader),
            generated=reader.when(utcnow()),
            groups=[
                ExportGroup(
                    key="notes", heading=_("Notes"), details=str(PRIVATE) if notes else _("No notes."), entries=notes
                ),
                ExportGroup(
                    key="alerts",
                    heading=_("Safety alerts"),
                    details=str(ALERTS) if alerts else _("None."),
                    entries=alerts,
                ),
            ],
            page_size=therapist.paper_size,
            author=therapist.display_name,
            locale=reader.locale,
        )


def _period(record: ClinicalRecord, reader: Reader) -> str:
    """Since when, and for a former patient when they closed their account and how long this is kept: each a
    clause of its own, in that order, separated by semicolons, the first one capitalised."""
    clauses = []
    if record.connected_at is not None:
        clauses.append(_("connected since %(date)s", date=reader.when(record.connected_at, with_time=False)))
    if record.closed_at is not None:
        clauses.append(_("account closed %(date)s", date=reader.when(record.closed_at, with_time=False)))
    if record.kept_until is not None:
        clauses.append(_("kept until %(date)s", date=reader.when(record.kept_until, with_time=False)))
    text = pgettext("list separator", "; ").join(clauses)
    return text[:1].upper() + text[1:]


def _alert(key: str, alert: RecordAlert, reader: Reader) -> ExportEntry:
    noticed = pgettext("list separator", "; ").join(str(label) for label in alert.labels) or "—"
    steps: list[tuple[str | None, str]] = [(_("What was noticed"), noticed)]
    if alert.acknowledged_at:
        steps.append((_("Acknowledged"), f"{reader.when(alert.acknowledged_at)}: {alert.action_label}"))
        if alert.acknowledged_note:
            steps.append((_("Note"), alert.acknowledged_note))
    else:
        steps.append((_("Acknowledged"), _("not acknowledged")))
    if alert.resolved_at:
        steps.append((_("Closed"), f"{reader.when(alert.resolved_at)}: {alert.outcome_label}"))
        if alert.resolved_note:
            steps.append((_("Note"), alert.resolved_note))
    return ExportEntry(
        key=key, title=_("Safety alert, %(date)s", date=reader.when(alert.raised_at)), answers=steps, when=""
    )
