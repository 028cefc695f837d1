"""The Progress page's data: questionnaire scores and check-ins over the last year, against sessions,
and the after-effects reported after each session.

Everything here reads plaintext columns (totals, check-in numbers, session
dates and medicines) and the blind index (which entries ticked an
after-effect): the page decrypts nothing but a session named "other".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from journal.clock import utcnow
from journal.entries.content import AFTER_EFFECTS
from journal.entries.index import after_effect_terms
from journal.extensions import db
from journal.measures.charts import Chart, time_chart
from journal.measures.instruments import measures
from journal.measures.scoring import band_name, band_of
from journal.models import Entry, EntryShare, EntryTerm, MeasureResponse, SessionShare, User
from journal.sessions.services import sessions_since
from journal.timezones import format_local, to_local

WINDOW = timedelta(days=365)
CHECKINS = (
    ("mood", _l("Mood (−5 to +5)"), -5, 5, 5),
    ("intensity", _l("Emotional intensity (0 to 10)"), 0, 10, 5),
    ("detachment", _l("Distance or detachment (0 to 10)"), 0, 10, 5),
)


@dataclass(frozen=True)
class SessionEffects:
    """The after-effects ticked in a session's entries: (label, on how many days), most days first."""

    session: str
    effects: list[tuple[str, int]]


@dataclass
class Progress:
    charts: list[Chart] = field(default_factory=list)
    effects: list[SessionEffects] = field(default_factory=list)  # latest session first

    def __bool__(self) -> bool:
        return bool(self.charts or self.effects)


def progress(user: User, reader: User | None = None, window: timedelta | None = WINDOW) -> Progress:
    """One chart per questionnaire taken, then one per check-in measure recorded, over the last year
    (``window``; None: the whole journal, as the PDF shows it), and the after-effects per session.

    Dates are written in the ``reader``'s time zone and clock (the patient's own by default). A
    therapist reading sees only the sessions and the check-ins of entries shared with them.
    """
    end = utcnow()
    since = end - window if window is not None else datetime.min.replace(tzinfo=UTC)
    reader = reader or user
    when = lambda moment: format_local(moment, reader.time_zone, "%-d %b %Y", reader.clock)  # noqa: E731
    shared_sessions = None
    if reader.id != user.id:
        shared_sessions = set(
            db.session.scalars(select(SessionShare.session_id).where(SessionShare.therapist_id == reader.id))
        )
    shown = [
        s
        for s in sessions_since(user.id, since)
        if s.occurred_at <= end and (shared_sessions is None or s.id in shared_sessions)
    ]
    sessions = [
        (s.occurred_at, _("Session of %(date)s · %(medicine)s", date=when(s.occurred_at), medicine=s.medicine_label))
        for s in shown
    ]
    responses = db.session.scalars(
        select(MeasureResponse)
        .where(MeasureResponse.owner_id == user.id, MeasureResponse.taken_at >= since)
        .order_by(MeasureResponse.taken_at)
    ).all()
    statement = (
        select(Entry.created_at, Entry.mood, Entry.intensity, Entry.detachment)
        .where(Entry.owner_id == user.id, Entry.is_live, Entry.created_at >= since)
        .order_by(Entry.created_at)
    )
    if reader.id != user.id:  # only what the patient shared with this reader
        statement = statement.join(
            EntryShare, (EntryShare.entry_id == Entry.id) & (EntryShare.therapist_id == reader.id)
        )
    checkins = db.session.execute(statement).all()
    moments = [r.taken_at for r in responses] + [c.created_at for c in checkins] + [s[0] for s in sessions]
    start = min(moments) - timedelta(days=3) if moments else since
    charts = []
    for key, instrument in measures().instruments.items():
        values = []
        for row in responses:
            if row.instrument == key:
                band = band_of(instrument, row.total)
                band = band_name(band) if band else ""
                values.append(
                    (
                        row.taken_at,
                        row.total,
                        _("%(date)s: %(score)s (%(band)s)", date=when(row.taken_at), score=row.total, band=band)
                        if band
                        else _("%(date)s: %(score)s", date=when(row.taken_at), score=row.total),
                    )
                )
        if values:
            charts.append(
                time_chart(
                    instrument.title,  # the questionnaire's published title: in its own language (lang="en")
                    0,
                    instrument.max_total,
                    values,
                    sessions,
                    start,
                    end,
                    bands=[(b.low, b.high, band_name(b.label, capital=True)) for b in instrument.bands],
                    guide=(
                        instrument.cutoff,
                        _("%(cutoff)s: the level studies look at more closely", cutoff=instrument.cutoff),
                    )
                    if instrument.cutoff
                    else None,
                    step=5 if instrument.max_total <= 27 else 10,
                    title_lang="en",
                )
            )
    for column, title, low, high, step in CHECKINS:
        values = [
            (
                c.created_at,
                getattr(c, column),
                _(
                    "%(date)s: %(score)s",
                    date=when(c.created_at),
                    score=format(getattr(c, column), "+d") if column == "mood" else getattr(c, column),
                ),
            )
            for c in checkins
            if getattr(c, column) is not None
        ]
        if values:
            charts.append(time_chart(str(title), low, high, values, sessions, start, end, step=step))
    labels = {s.id: label for s, (_, label) in zip(shown, sessions, strict=True)}
    return Progress(charts, _effects_per_session(user, reader, shown, labels))


def _effects_per_session(user: User, reader: User, shown: list, labels: dict) -> list[SessionEffects]:
    """For each session shown, the after-effects its live entries ticked, and on how many of the
    patient's days; a therapist counts only the entries shared with them."""
    if not shown:
        return []
    terms = after_effect_terms(user.id)
    statement = (
        select(Entry.session_id, Entry.created_at, EntryTerm.term)
        .join(EntryTerm, EntryTerm.entry_id == Entry.id)
        .where(
            Entry.owner_id == user.id,
            Entry.is_live,
            EntryTerm.term.in_(terms),
            Entry.session_id.in_([s.id for s in shown]),
        )
    )
    if reader.id != user.id:
        statement = statement.join(
            EntryShare, (EntryShare.entry_id == Entry.id) & (EntryShare.therapist_id == reader.id)
        )
    days: dict = defaultdict(lambda: defaultdict(set))
    for session_id, created_at, term in db.session.execute(statement):
        days[session_id][terms[term]].add(to_local(created_at, user.time_zone).date())
    return [
        SessionEffects(
            labels[s.id],
            sorted(
                ((AFTER_EFFECTS[key], len(dates)) for key, dates in days[s.id].items()),
                key=lambda pair: (-pair[1], pair[0]),
            ),
        )
        for s in shown
        if s.id in days
    ]
