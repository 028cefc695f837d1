"""The integration timeline: where each prompt set of a session stands today.

Rules, all here:

- An *after* set opens ``offset_days`` after the session (in the user's time
  zone) and stays open ``window_days``; after that, or once the next session
  has taken place, it has *passed*: it quietly leaves the lists (it can still
  be written from the session page).
- In a series, a stage that would open on or after the next session's day is
  *merged* into that session's own stages: no pile of overlapping sets.
- The *before* set opens two days before a session that was logged ahead
  (planned), and passes when the session begins.
- The *hard* set joins the timeline when a check-in of the session shows
  high intensity; the patient can also open it at any time.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import Entry, TreatmentSession
from journal.prompts import BEFORE, HARD, PromptSet, library
from journal.timezones import to_local

DONE, DUE, UPCOMING, PASSED, MERGED = "done", "due", "upcoming", "passed", "merged"
# What each status is called on the page: plain, and never a reproach. After a set's name ("Next day: ready"),
# and on its own as a badge (each its own message: capitals are the language's business, not ``capitalize``).
STATUS_LABELS = {
    DONE: _l("done"),
    DUE: _l("ready"),
    UPCOMING: _l("upcoming"),
    PASSED: _l("past"),
    MERGED: _l("part of the next session"),
}
STATUS_BADGES = {
    DONE: _l("Done"),
    DUE: _l("Ready"),
    UPCOMING: _l("Upcoming"),
    PASSED: _l("Past"),
    MERGED: _l("Part of the next session"),
}
# A check-in at or above this intensity (0 to 10) offers the set for a hard session.
HARD_INTENSITY = 8
# Sessions this recent can have a set open: the longest a set stays open after its session.
HOME_WINDOW_DAYS = max(s.offset_days + s.window_days for s in library().sets)


@dataclass(frozen=True)
class Step:
    session_id: uuid.UUID
    prompt_set: PromptSet
    opens_on: date
    status: str
    entry_id: uuid.UUID | None = None
    # For a merged stage: the session it became part of.
    merged_into: uuid.UUID | None = None


@dataclass(frozen=True)
class NextSession:
    id: uuid.UUID
    occurred_at: datetime


def local_date(moment: datetime, zone: str) -> date:
    return to_local(moment, zone).date()


def steps_for(
    session: TreatmentSession,
    done: dict[str, uuid.UUID],
    today: date,
    zone: str,
    following: NextSession | None = None,
    hard: bool = False,
) -> list[Step]:
    """Each prompt set on one session's timeline with its status on ``today`` (the user's date).

    ``following`` is the session after this one, if any; ``hard`` whether a
    check-in asked for the set for a hard session.
    """
    session_day, now = local_date(session.occurred_at, zone), utcnow()
    next_day = local_date(following.occurred_at, zone) if following else None
    steps = []
    for prompt_set in library().sets:
        entry_id = done.get(prompt_set.key)
        if prompt_set.kind == HARD and not (hard or entry_id):
            continue
        if prompt_set.kind == BEFORE and not (entry_id or session.created_at < session.occurred_at):
            continue  # logged afterwards: there was no "before" to write in
        opens_on = session_day + timedelta(days=prompt_set.offset_days)
        closes_on = opens_on + timedelta(days=prompt_set.window_days - 1)
        merged_into = None
        if entry_id:
            status = DONE
        elif prompt_set.kind == BEFORE:
            status = PASSED if now >= session.occurred_at else DUE if today >= opens_on else UPCOMING
        elif following and next_day <= opens_on:
            status, merged_into = MERGED, following.id
        elif session.occurred_at > now or today < opens_on:
            status = UPCOMING
        elif today > closes_on or (following and following.occurred_at <= now):
            status = PASSED
        else:
            status = DUE
        steps.append(Step(session.id, prompt_set, opens_on, status, entry_id, merged_into))
    return steps


def _live_entries_of(owner_id: int, session_ids: list[uuid.UUID]) -> tuple:
    """Conditions for the live entries of these sessions of this owner, found through the sessions' index.

    The owner is compared as ``owner_id + 0`` so that SQLite cannot take the owner's index instead: its
    statistics average over every journal, so for one long journal it would read the whole journal.
    """
    return Entry.owner_id + 0 == owner_id, Entry.session_id.in_(session_ids), Entry.is_live


def done_sets(owner_id: int, session_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict[str, uuid.UUID]]:
    """Map each session to the prompt sets already answered by a live entry (one query)."""
    ids = list(session_ids)
    result: dict[uuid.UUID, dict[str, uuid.UUID]] = {session_id: {} for session_id in ids}
    if not ids:
        return result
    rows = db.session.execute(  # sorted here: ORDER BY could lead SQLite away from the sessions' index
        select(Entry.session_id, Entry.prompt_set, Entry.id, Entry.created_at).where(
            *_live_entries_of(owner_id, ids), Entry.prompt_set.is_not(None)
        )
    ).all()
    for session_id, prompt_set, entry_id, _ in sorted(rows, key=lambda row: (row.created_at, str(row.id))):
        result[session_id].setdefault(prompt_set, entry_id)
    return result


def hard_sessions(owner_id: int, session_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Sessions with a live check-in at or above ``HARD_INTENSITY`` after them (one query, plain columns).

    A check-in of the before set is worry ahead of a session, not a hard session.
    """
    ids = list(session_ids)
    if not ids:
        return set()
    return set(
        db.session.scalars(
            select(Entry.session_id)
            .distinct()
            .where(
                *_live_entries_of(owner_id, ids),
                Entry.intensity >= HARD_INTENSITY,
                or_(Entry.prompt_set.is_(None), Entry.prompt_set != BEFORE),
            )
        )
    )


def following_sessions(owner_id: int, sessions: list[TreatmentSession]) -> dict[uuid.UUID, NextSession | None]:
    """The session after each of these, in one query.

    ``sessions`` are consecutive in time (a page of the timeline, or all since
    a day), so the sessions after the earliest of them are these and at most
    one more.
    """
    if not sessions:
        return {}
    earliest = min(s.occurred_at for s in sessions)
    later = [
        NextSession(row_id, at)
        for row_id, at in db.session.execute(
            select(TreatmentSession.id, TreatmentSession.occurred_at)
            .where(TreatmentSession.owner_id == owner_id, TreatmentSession.occurred_at > earliest)
            .order_by(TreatmentSession.occurred_at)
            .limit(len(sessions) + 1)
        )
    ]
    return {s.id: next((n for n in later if n.occurred_at > s.occurred_at), None) for s in sessions}


def timelines(owner_id: int, sessions: list[TreatmentSession], today: date, zone: str) -> dict[uuid.UUID, list[Step]]:
    """Each session's steps, in a fixed number of queries."""
    ids = [s.id for s in sessions]
    done, hard = done_sets(owner_id, ids), hard_sessions(owner_id, ids)
    following = following_sessions(owner_id, sessions)
    return {s.id: steps_for(s, done[s.id], today, zone, following[s.id], s.id in hard) for s in sessions}


def due_now(owner_id: int, sessions: list[TreatmentSession], today: date, zone: str) -> list[Step]:
    """Prompt sets open and unanswered: earliest first, a hard session's set before the rest of its day; each in
    the active language (``PromptSet.translated``), as its editor shows it."""
    recent = [s for s in sessions if (today - local_date(s.occurred_at, zone)).days <= HOME_WINDOW_DAYS]
    order = {prompt_set.key: position for position, prompt_set in enumerate(library().sets)}
    due = [step for steps in timelines(owner_id, recent, today, zone).values() for step in steps if step.status == DUE]
    # Each in the words for today (a "same day" set opened the next day reads as looking back), as its editor.
    due = [
        replace(s, prompt_set=s.prompt_set.on_day((today - s.opens_on).days + s.prompt_set.offset_days).translated())
        for s in due
    ]
    return sorted(due, key=lambda step: (step.opens_on, step.prompt_set.kind != HARD, order[step.prompt_set.key]))
