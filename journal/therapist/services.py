"""What the therapist's pages read: only what a patient shared with this therapist, a page at a time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func

from journal.access import shared_entries_query, shared_sessions_query
from journal.entries.services import MAX_PAGE, PAGE_SIZE, EntryView, Page, open_entry
from journal.extensions import db
from journal.models import Entry, TreatmentSession
from journal.sessions.services import SessionView, open_session
from journal.sharing.summaries import current_summaries

RECENT_SESSIONS = 10  # shared sessions listed on a patient's page; their entries stay reachable


def shared_entries_page(therapist_id: int, patient_id: int, number: int) -> Page:
    """One page of a patient's entries shared with this therapist, newest first; only the page is decrypted.

    The total comes from the pair's summary when it is current (the dashboard rebuilds it), else from a count:
    this page decrypts only its own entries.
    """
    statement = shared_entries_query(therapist_id, patient_id)
    summary = current_summaries(therapist_id, {patient_id}).get(patient_id)
    total = summary.shared if summary else db.session.scalar(statement.with_only_columns(func.count()))
    number = min(max(1, number), MAX_PAGE)
    rows = db.session.execute(
        statement.order_by(Entry.created_at.desc(), Entry.id).limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE)
    )
    return Page([(open_entry(entry), share) for entry, share in rows], number, total)


@dataclass
class SharedSessions:
    """The latest shared sessions, every shared session an entry on the page belongs to, and how many there are."""

    latest: list[SessionView]
    by_id: dict[uuid.UUID, SessionView]
    total: int


def shared_sessions(therapist_id: int, patient_id: int, page: Page) -> SharedSessions:
    """The sessions a patient's page names: the latest few, and those of the entries on this page."""
    shared = shared_sessions_query(therapist_id, patient_id)
    latest = [
        open_session(row)
        for row in db.session.scalars(shared.order_by(TreatmentSession.occurred_at.desc()).limit(RECENT_SESSIONS))
    ]
    by_id = {s.id: s for s in latest}
    on_page = {entry.row.session_id for entry, _ in page.items} - set(by_id)
    if on_page:
        by_id |= {
            row.id: open_session(row) for row in db.session.scalars(shared.where(TreatmentSession.id.in_(on_page)))
        }
    return SharedSessions(latest, by_id, db.session.scalar(shared.with_only_columns(func.count())))


def session_if_shared(therapist_id: int, entry: Entry) -> SessionView | None:
    """The session an entry belongs to, when that session too is shared with this therapist."""
    if entry.session_id is None:
        return None
    row = db.session.scalar(
        shared_sessions_query(therapist_id, entry.owner_id).where(TreatmentSession.id == entry.session_id)
    )
    return open_session(row) if row else None


def entry_if_shared(therapist_id: int, patient_id: int, entry_id: uuid.UUID | None) -> EntryView | None:
    """An entry of this patient's, decrypted, only if it is shared with this therapist."""
    if entry_id is None:
        return None
    found = db.session.execute(shared_entries_query(therapist_id, patient_id).where(Entry.id == entry_id)).first()
    return open_entry(found[0]) if found else None
