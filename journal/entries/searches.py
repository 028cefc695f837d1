"""Searches kept for a short while, sealed, so Back shows the results again.

Search words are journal text: they never go into a URL or a cookie. A search
is posted, kept here under the author's data key, and the list redirects to
``/entries?search=<random id>``: reload and Back show the same results, with
no "Confirm form resubmission". A search lasts ``SEARCH_MINUTES``; expired
ones are deleted on the next search and by the 15-minute job.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import delete, select

from journal.clock import utcnow
from journal.database import changed_rows
from journal.extensions import db
from journal.models import SavedSearch
from journal.vault import seal_row, unseal_row

SEARCH_MINUTES = 60
# A person's latest searches kept at once: enough for Back through a few, never a history.
KEEP = 10


def save_search(owner_id: int, fields: dict[str, str]) -> uuid.UUID:
    """Keep the posted filter fields; drop this person's expired and oldest searches. Commits."""
    purge_searches(owner_id)
    row = SavedSearch(id=uuid.uuid4(), owner_id=owner_id, created_at=utcnow())
    seal_row(row, {"fields": fields})
    db.session.add(row)
    db.session.flush()
    stale = (
        select(SavedSearch.id)
        .where(SavedSearch.owner_id == owner_id)
        .order_by(SavedSearch.created_at.desc(), SavedSearch.id)
        .offset(KEEP)
    )
    db.session.execute(delete(SavedSearch).where(SavedSearch.id.in_(stale.scalar_subquery())))
    db.session.commit()
    return row.id


def open_search(row: SavedSearch | None) -> dict[str, str] | None:
    """The fields of a kept search (the caller fetched it as its owner's: ``access.owned_or_none``);
    None when there is none or it has expired."""
    if row is None or row.created_at < utcnow() - timedelta(minutes=SEARCH_MINUTES):
        return None
    return unseal_row(row)["fields"]


def purge_searches(owner_id: int | None = None) -> int:
    """Delete expired searches (one person's, or everyone's). Does not commit."""
    statement = delete(SavedSearch).where(SavedSearch.created_at < utcnow() - timedelta(minutes=SEARCH_MINUTES))
    if owner_id is not None:
        statement = statement.where(SavedSearch.owner_id == owner_id)
    return changed_rows(statement)
