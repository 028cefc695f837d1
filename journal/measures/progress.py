"""The Progress page's data: questionnaire scores and check-ins over the last year, against sessions.

Everything here reads plaintext columns (totals, check-in numbers, session
dates and medicines): the page decrypts nothing but a session named "other".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.measures.charts import Chart, time_chart
from journal.measures.instruments import measures
from journal.measures.scoring import band_of
from journal.models import Entry, EntryShare, MeasureResponse, SessionShare, User
from journal.sessions.services import sessions_since
from journal.timezones import format_local

WINDOW = timedelta(days=365)
CHECKINS = (("mood", "Mood (−5 to +5)", -5, 5, 5), ("intensity", "Emotional intensity (0 to 10)", 0, 10, 5),
            ("detachment", "Distance or detachment (0 to 10)", 0, 10, 5))


def progress(user: User, reader: User | None = None, window: timedelta | None = WINDOW) -> list[Chart]:
    """One chart per questionnaire taken, then one per check-in measure recorded, over the last year
    (``window``; None: the whole journal, as the PDF shows it).

    Dates are written in the ``reader``'s time zone and clock (the patient's own by default). A
    therapist reading sees only the sessions and the check-ins of entries shared with them.
    """
    end = utcnow()
    since = end - window if window is not None else datetime.min.replace(tzinfo=UTC)
    reader = reader or user
    when = lambda moment: format_local(moment, reader.time_zone, "%-d %b %Y", reader.clock)  # noqa: E731
    shared_sessions = None
    if reader.id != user.id:
        shared_sessions = set(db.session.scalars(select(SessionShare.session_id).where(
            SessionShare.therapist_id == reader.id)))
    sessions = [(s.occurred_at, f"Session of {when(s.occurred_at)} · {s.medicine_label}")
                for s in sessions_since(user.id, since)
                if s.occurred_at <= end and (shared_sessions is None or s.id in shared_sessions)]
    responses = db.session.scalars(select(MeasureResponse).where(
        MeasureResponse.owner_id == user.id, MeasureResponse.taken_at >= since)
        .order_by(MeasureResponse.taken_at)).all()
    statement = select(Entry.created_at, Entry.mood, Entry.intensity, Entry.detachment).where(
        Entry.owner_id == user.id, Entry.is_live, Entry.created_at >= since).order_by(Entry.created_at)
    if reader.id != user.id:  # only what the patient shared with this reader
        statement = statement.join(EntryShare, (EntryShare.entry_id == Entry.id)
                                   & (EntryShare.therapist_id == reader.id))
    checkins = db.session.execute(statement).all()
    moments = [r.taken_at for r in responses] + [c.created_at for c in checkins] + [s[0] for s in sessions]
    start = min(moments) - timedelta(days=3) if moments else since
    charts = []
    for key, instrument in measures().instruments.items():
        values = []
        for row in responses:
            if row.instrument == key:
                band = band_of(instrument, row.total).lower()
                values.append((row.taken_at, row.total, f"{when(row.taken_at)}: {row.total}"
                                                        + (f" ({band})" if band else "")))
        if values:
            charts.append(time_chart(
                instrument.title, 0, instrument.max_total, values, sessions, start, end,
                bands=[(b.low, b.high, b.label) for b in instrument.bands],
                guide=(instrument.cutoff, f"{instrument.cutoff}: the level studies look at more closely")
                if instrument.cutoff else None, step=5 if instrument.max_total <= 27 else 10))
    for column, title, low, high, step in CHECKINS:
        values = [(c.created_at, getattr(c, column), f"{when(c.created_at)}: {getattr(c, column):+d}"
                   if column == "mood" else f"{when(c.created_at)}: {getattr(c, column)}")
                  for c in checkins if getattr(c, column) is not None]
        if values:
            charts.append(time_chart(title, low, high, values, sessions, start, end, step=step))
    return charts
