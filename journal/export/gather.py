"""Choose and decrypt what goes into an export, for a patient or a therapist.

An export is written in its reader's language (the person exporting; for a therapist's export, the
therapist): every word and date here is made inside ``speaking`` it, and the document carries the locale
so that ``document.build_pdf`` typesets it in the same language and direction.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import partial

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from journal.access import shared_entries_query, shared_sessions_query
from journal.clock import utcnow
from journal.entries.content import AFTER_EFFECTS
from journal.entries.services import EntryView, open_entry
from journal.export.document import ExportEntry, ExportGroup, ExportPicture, ExportReply, JournalExport
from journal.extensions import db
from journal.i18n import DEFAULT_LOCALE, reader_locale, speaking
from journal.measures.progress import Progress, progress
from journal.models import Entry, Reply, SafetyPlan, TreatmentSession, User
from journal.pictures.services import picture_bytes, pictures_of
from journal.safety import crisis
from journal.safety.plan import SECTIONS, SOURCE, read
from journal.sessions.services import SessionView, open_session
from journal.therapist.dashboard import measures_for_therapist
from journal.timezones import format_local, to_local
from journal.vault import unseal_row

NO_SESSION = _l("Entries not tied to a session")
DAY = "%-d %B %Y"
DAY_AND_TIME = "%-d %B %Y, %H:%M"


@dataclass
class ExportOptions:
    """What to include. Dates are the reader's local calendar days, inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    session_id: uuid.UUID | None = None
    entry_ids: set[uuid.UUID] = field(default_factory=set)
    include_checkins: bool = True
    include_replies: bool = True
    page_size: str = "a4"


def _in_range(moment: datetime, reader: Reader, options: ExportOptions) -> bool:
    day = to_local(moment, reader.zone).date()
    return (options.date_from is None or day >= options.date_from) and (
        options.date_to is None or day <= options.date_to
    )


@dataclass(frozen=True)
class Reader:
    """Whose language, time zone and clock the export is written in."""

    zone: str
    clock: str = "24h"
    locale: str = DEFAULT_LOCALE

    @classmethod
    def of(cls, user: User) -> Reader:
        return cls(user.time_zone, user.clock, reader_locale(user))

    def when(self, moment: datetime, with_time: bool = True) -> str:
        return format_local(moment, self.zone, DAY_AND_TIME if with_time else DAY, self.clock)

    def day(self, chosen: date) -> str:
        """A calendar day the reader chose (a range's end), written as their other dates are."""
        return format_local(datetime.combine(chosen, time(12), tzinfo=UTC), "UTC", DAY)


def _replies(
    entry_ids: list[uuid.UUID], reader: Reader, therapist_id: int | None
) -> dict[uuid.UUID, list[ExportReply]]:
    """Reply threads for these entries (one query); a therapist gets only their own thread."""
    statement = (
        select(Reply, User.display_name)
        .join(User, User.id == Reply.author_id)
        .where(Reply.entry_id.in_(entry_ids))
        .order_by(Reply.created_at)
    )
    if therapist_id is not None:
        statement = statement.where(Reply.therapist_id == therapist_id)
    threads: dict[uuid.UUID, list[ExportReply]] = defaultdict(list)
    for reply, name in db.session.execute(statement):
        threads[reply.entry_id].append(ExportReply(name, reader.when(reply.created_at), unseal_row(reply)["text"]))
    return threads


def _pictures(entry_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ExportPicture]]:
    """Each entry's pictures (one query), each decrypted only when the PDF draws it."""
    return {
        entry_id: [ExportPicture(partial(picture_bytes, p), p.width, p.height) for p in pictures]
        for entry_id, pictures in pictures_of(entry_ids).items()
    }


def _entry(
    view: EntryView, reader: Reader, options: ExportOptions, replies: list[ExportReply], pictures: list[ExportPicture]
) -> ExportEntry:
    checkin = []
    if options.include_checkins:
        row = view.row
        for label, value, signed in (
            (_("Mood"), row.mood, True),
            (_("Emotional intensity"), row.intensity, False),
            (_("Distance or detachment"), row.detachment, False),
        ):
            if value is not None:
                checkin.append((label, f"{value:+d}" if signed else str(value)))
    content = view.content
    return ExportEntry(
        key=f"e-{view.id}",
        title=view.title,
        when=reader.when(view.row.created_at),
        answers=[(answer.prompt, answer.text) for answer in content.answers],
        checkin=checkin,
        after_effects=(
            [str(AFTER_EFFECTS[k]) for k in content.after_effects if k in AFTER_EFFECTS]
            if options.include_checkins
            else []
        ),
        after_effects_note=content.after_effects_note if options.include_checkins else "",
        tags=content.tags,
        replies=replies if options.include_replies else [],
        pictures=pictures,
    )


def _group(session: SessionView | None, reader: Reader) -> ExportGroup:
    if session is None:
        return ExportGroup(key="g-none", heading=str(NO_SESSION))
    return ExportGroup(
        key=f"g-{session.id}",
        heading=_("Session of %(date)s", date=reader.when(session.occurred_at, with_time=False)),
        details=f"{session.medicine_label} · {session.setting_label} · {reader.when(session.occurred_at)}",
        intention=session.details.intention,
    )


def _assemble(
    views: list[EntryView],
    sessions: dict[uuid.UUID, SessionView],
    reader: Reader,
    options: ExportOptions,
    threads: dict[uuid.UUID, list[ExportReply]],
) -> list[ExportGroup]:
    """Group entries by session, sessions in date order, entries in date order, untied entries last."""
    groups: dict[uuid.UUID | None, ExportGroup] = {}
    pictures = _pictures([view.id for view in views])
    for view in sorted(views, key=lambda v: v.row.created_at):
        session = sessions.get(view.row.session_id)
        key = session.id if session else None
        if key not in groups:
            groups[key] = _group(session, reader)
        groups[key].entries.append(_entry(view, reader, options, threads.get(view.id, []), pictures[view.id]))
    ordered = sorted((k for k in groups if k is not None), key=lambda k: sessions[k].occurred_at)
    return [groups[k] for k in ordered] + ([groups[None]] if None in groups else [])


def _range_text(views: list[EntryView], reader: Reader, options: ExportOptions) -> str:
    if options.date_from and options.date_to:
        return _("%(start)s to %(end)s", start=reader.day(options.date_from), end=reader.day(options.date_to))
    if options.date_from:
        return _("%(start)s to today", start=reader.day(options.date_from))
    if options.date_to:
        return _("the beginning to %(end)s", end=reader.day(options.date_to))
    if not views:
        return _("No entries")
    dates = sorted(v.row.created_at for v in views)
    return _("%(start)s to %(end)s", start=reader.when(dates[0], False), end=reader.when(dates[-1], False))


def patient_export(user: User, options: ExportOptions) -> JournalExport:
    """The patient's own journal, narrowed by the options, in their language."""
    reader = Reader.of(user)
    with speaking(reader.locale):
        statement = select(Entry).where(Entry.owner_id == user.id, Entry.is_live)
        if options.session_id:
            statement = statement.where(Entry.session_id == options.session_id)
        if options.entry_ids:
            statement = statement.where(Entry.id.in_(options.entry_ids))
        rows = [row for row in db.session.scalars(statement) if _in_range(row.created_at, reader, options)]
        views = [open_entry(row) for row in rows]
        sessions = {
            s.id: open_session(s)
            for s in db.session.scalars(select(TreatmentSession).where(TreatmentSession.owner_id == user.id))
        }
        threads = _replies([v.id for v in views], reader, None) if options.include_replies else {}
        return JournalExport(
            title="Integration Journal",
            patient_name=user.display_name,
            date_range=_range_text(views, reader, options),
            generated=reader.when(utcnow()),
            groups=_assemble(views, sessions, reader, options, threads),
            page_size=options.page_size,
            author=user.display_name,
            progress=progress(user, window=None) if options.include_checkins else Progress(),
            locale=reader.locale,
        )


def therapist_export(therapist: User, patient: User, options: ExportOptions) -> JournalExport:
    """Only what this patient shares with this therapist; sessions only where shared. In the therapist's language."""
    reader = Reader.of(therapist)
    with speaking(reader.locale):
        rows = [
            entry
            for entry, _shared in db.session.execute(shared_entries_query(therapist.id, patient.id))
            if _in_range(entry.created_at, reader, options)
        ]
        views = [open_entry(row) for row in rows]
        sessions = {s.id: open_session(s) for s in db.session.scalars(shared_sessions_query(therapist.id, patient.id))}
        threads = _replies([v.id for v in views], reader, therapist.id) if options.include_replies else {}
        return JournalExport(
            title=_("Shared integration journal"),
            patient_name=patient.display_name,
            date_range=_range_text(views, reader, options),
            generated=reader.when(utcnow()),
            groups=_assemble(views, sessions, reader, options, threads),
            page_size=options.page_size,
            author=_(
                "%(patient)s, shared with %(therapist)s", patient=patient.display_name, therapist=therapist.display_name
            ),
            progress=_shared_progress(patient, therapist) if options.include_checkins else Progress(),
            locale=reader.locale,
        )


def _shared_progress(patient: User, therapist: User) -> Progress:
    """The whole journal's progress, when the patient shares questionnaires with this therapist."""
    shared = measures_for_therapist(patient, therapist, window=None)
    return shared.progress if shared else Progress()


def plan_export(user: User, plan: SafetyPlan) -> JournalExport:
    """The patient's safety plan as a short document: each section, then the crisis lines of their region."""
    reader = Reader.of(user)
    with speaking(reader.locale):
        answers: list[tuple[str | None, str]] = [
            (str(section.title), text or "—") for section, text in zip(SECTIONS, read(plan).values(), strict=True)
        ]
        own = crisis.own_region(user.crisis_region, user.time_zone)
        if own is not None:
            lines = "\n".join(str(crisis.line(raw).sentence) for raw in own["lines"])
            answers.append((_("Crisis lines: %(region)s", region=crisis.region_name(own)), lines))
        else:
            directory = crisis.international()
            answers.append(
                (
                    _("Crisis lines"),
                    _("Call your local emergency number. Lines near you: %(url)s", url=directory["url"]),
                )
            )
        entry = ExportEntry(
            key="plan", title="", when=_("Last changed %(date)s", date=reader.when(plan.updated_at)), answers=answers
        )
        return JournalExport(
            title=_("My safety plan"),
            patient_name=user.display_name,
            date_range="",
            generated=reader.when(utcnow()),
            page_size=user.paper_size,
            author=user.display_name,
            groups=[ExportGroup(key="plan", heading=_("My safety plan"), details=str(SOURCE), entries=[entry])],
            compact=True,
            locale=reader.locale,
        )
