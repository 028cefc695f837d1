"""The integration timeline: which prompt sets of a session are done, due or upcoming."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import Entry, TreatmentSession
from journal.prompts import PromptSet, library
from journal.timezones import to_local

DONE, DUE, UPCOMING = "done", "due", "upcoming"
# Prompt sets stay on the home page this long after a session.
HOME_WINDOW_DAYS = 45


@dataclass(frozen=True)
class Step:
    session_id: uuid.UUID
    prompt_set: PromptSet
    opens_on: date
    status: str
    entry_id: uuid.UUID | None = None


def local_date(moment: datetime, zone: str) -> date:
    return to_local(moment, zone).date()


def steps_for(session: TreatmentSession, done: dict[str, uuid.UUID], today: date, zone: str) -> list[Step]:
    """Each prompt set of one session with its status on ``today`` (the user's date)."""
    session_day = local_date(session.occurred_at, zone)
    steps = []
    for prompt_set in library().sets:
        opens_on = session_day + timedelta(days=prompt_set.offset_days)
        if prompt_set.key in done:
            status = DONE
        elif today >= opens_on and session.occurred_at <= utcnow():
            status = DUE
        else:
            status = UPCOMING
        steps.append(Step(session.id, prompt_set, opens_on, status, done.get(prompt_set.key)))
    return steps


def done_sets(owner_id: int, session_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, dict[str, uuid.UUID]]:
    """Map each session to the prompt sets already answered by a live entry (one query)."""
    ids = list(session_ids)
    result: dict[uuid.UUID, dict[str, uuid.UUID]] = {session_id: {} for session_id in ids}
    if not ids:
        return result
    rows = db.session.execute(
        select(Entry.session_id, Entry.prompt_set, Entry.id)
        .where(Entry.owner_id == owner_id, Entry.session_id.in_(ids), Entry.is_live,
               Entry.prompt_set.is_not(None))
        .order_by(Entry.created_at)
    )
    for session_id, prompt_set, entry_id in rows:
        result[session_id].setdefault(prompt_set, entry_id)
    return result


def due_now(owner_id: int, sessions: list[TreatmentSession], today: date, zone: str) -> list[Step]:
    """Prompt sets open and unanswered for recent sessions, most recent first."""
    recent = [s for s in sessions if (today - local_date(s.occurred_at, zone)).days <= HOME_WINDOW_DAYS]
    done = done_sets(owner_id, (s.id for s in recent))
    due = [step for s in recent for step in steps_for(s, done[s.id], today, zone) if step.status == DUE]
    return sorted(due, key=lambda step: step.opens_on, reverse=True)
