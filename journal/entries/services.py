"""Entry rules: saving with conflict detection, trash, and finding entries.

Every write here calls ``index.record_change`` in its own transaction, so the
blind index and the tag summary never disagree with the entries.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm.exc import StaleDataError

from journal.access import TRASH_DAYS
from journal.clock import utcnow
from journal.database import changed_rows
from journal.entries import index
from journal.entries.content import CheckIn, EntryContent
from journal.extensions import db
from journal.models import Draft, Entry, EntryKind
from journal.ops.metrics import count_save
from journal.sharing import summaries
from journal.vault import seal_row, unseal_row

PAGE_SIZE = 20
MAX_PAGE = 10_000  # far beyond any journal; keeps OFFSET in range


@dataclass
class EntryView:
    """An entry with its content decrypted, for one request."""

    row: Entry
    content: EntryContent

    @property
    def id(self) -> uuid.UUID:
        return self.row.id

    @property
    def title(self) -> str:
        return self.content.title or _("Untitled entry")

    @property
    def checkin(self) -> CheckIn:
        return CheckIn(self.row.mood, self.row.intensity, self.row.detachment)

    @property
    def purge_on(self) -> datetime | None:
        return self.row.deleted_at + timedelta(days=TRASH_DAYS) if self.row.deleted_at else None


class EditConflict(Exception):
    """The entry changed since the form was opened (another tab or device saved it)."""

    def __init__(self, current: EntryView) -> None:
        super().__init__("entry changed since it was opened")
        self.current = current


def open_entry(row: Entry) -> EntryView:
    return EntryView(row, EntryContent.from_payload(unseal_row(row)))


def _apply(row: Entry, content: EntryContent, checkin: CheckIn) -> None:
    row.mood, row.intensity, row.detachment = checkin.mood, checkin.intensity, checkin.detachment
    seal_row(row, content.to_payload())


def _discard_draft(owner_id: int, draft_id: uuid.UUID | None) -> None:
    """Drop the draft a save came from, inside the save's own transaction."""
    if draft_id:
        db.session.execute(delete(Draft).where(Draft.id == draft_id, Draft.owner_id == owner_id))


def create_entry(
    *,
    owner_id: int,
    kind: EntryKind,
    content: EntryContent,
    checkin: CheckIn,
    session_id: uuid.UUID | None = None,
    prompt_set: str | None = None,
    library_version: int | None = None,
    draft_id: uuid.UUID | None = None,
    created_at: datetime | None = None,
    entry_id: uuid.UUID | None = None,
    also: Callable[[Entry], None] | None = None,
    trashed_at: datetime | None = None,
    commit: bool = True,
) -> Entry:
    """Save a new entry and drop the draft it came from, in one transaction. Commits (unless ``commit=False``:
    an import saves many entries in one transaction of its own).

    ``also`` joins that transaction (the sharing area adds the patient's
    automatic shares): one commit, and never an entry without them.

    ``entry_id`` is the id the editor page drew for the entry it would make: the
    same page sent twice (Save pressed again after an outage hid the outcome, a
    double click) makes one entry, and the second time the entry already made
    takes the latest text. Another writer's id is never reused. ``created_at``
    is the day the patient chose (or an import's date; default now); ``trashed_at`` is for imports.
    """
    earlier = db.session.get(Entry, entry_id) if entry_id is not None else None
    if earlier is not None and earlier.owner_id == owner_id and earlier.is_live:
        return update_entry(
            earlier,
            expected_version=earlier.version,
            content=content,
            checkin=checkin,
            session_id=session_id,
            draft_id=draft_id,
            also=also,
        )
    row = Entry(
        id=entry_id if entry_id is not None and earlier is None else uuid.uuid4(),
        owner_id=owner_id,
        kind=kind,
        session_id=session_id,
        prompt_set=prompt_set,
        library_version=library_version,
        created_at=created_at or utcnow(),
        deleted_at=trashed_at,
    )
    row.updated_at = row.created_at  # "edited" means saved again later, with a change
    _apply(row, content, checkin)
    db.session.add(row)
    index.record_change(row, None, content, was_live=False)
    _discard_draft(owner_id, draft_id)
    summaries.invalidate(owner_id)
    if also is not None:
        also(row)
    if commit:
        db.session.commit()
        count_save("new")
    return row


def update_entry(
    row: Entry,
    *,
    expected_version: int,
    content: EntryContent,
    checkin: CheckIn,
    session_id: uuid.UUID | None,
    draft_id: uuid.UUID | None = None,
    also: Callable[[Entry], None] | None = None,
    created_at: datetime | None = None,
    on_change: Callable[[Entry], None] | None = None,
) -> Entry:
    """Save changes unless someone saved in between; then raise EditConflict. Commits.

    ``created_at`` moves the entry to another day. The entry counts as edited
    (``updated_at``), and ``on_change`` joins the transaction (the therapists'
    "new again"), only when something changed.

    ``also`` joins the transaction, as for ``create_entry`` (the safety loop's alerts).

    ``Entry.version`` is SQLAlchemy's version counter: the UPDATE itself checks
    it, so two saves racing in the same instant cannot both win.
    """
    if row.version != expected_version:
        raise EditConflict(open_entry(row))
    before = open_entry(row).content
    content.time_zone = content.time_zone or before.time_zone  # the editor does not show it; an edit keeps it
    changed = (
        content != before
        or checkin != CheckIn(row.mood, row.intensity, row.detachment)
        or session_id != row.session_id
        or (created_at is not None and created_at != row.created_at)
    )
    row.session_id = session_id
    if created_at is not None:
        row.created_at = created_at
    if changed:
        row.updated_at = max(utcnow(), row.created_at)
    _apply(row, content, checkin)
    _discard_draft(row.owner_id, draft_id)
    try:
        index.record_change(row, before, content, was_live=row.is_live)
        summaries.invalidate(row.owner_id)
        if also is not None:
            also(row)
        if changed and on_change is not None:
            on_change(row)
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise EditConflict(open_entry(db.session.get(Entry, row.id))) from None
    count_save("edit")
    return row


def mark_to_discuss(row: Entry, chosen: bool) -> None:
    """Mark an entry "I'd like to talk about this", or unmark it. Commits.

    Not an edit: the entry's version stays, so an editor open in another tab saves without a conflict.
    """
    db.session.execute(
        update(Entry).where(Entry.id == row.id).values(to_discuss=chosen).execution_options(synchronize_session="fetch")
    )
    db.session.commit()


def _set_trashed(row: Entry, when: datetime | None) -> None:
    content, was_live = open_entry(row).content, row.is_live
    row.deleted_at = when
    index.record_change(row, content, content, was_live=was_live)
    summaries.invalidate(row.owner_id)
    db.session.commit()


def trash_entry(row: Entry) -> None:
    """Move an entry to the trash; it can be restored for 30 days. Commits."""
    _set_trashed(row, utcnow())


def restore_entry(row: Entry) -> None:
    """Bring an entry back from the trash. Commits."""
    _set_trashed(row, None)


def delete_forever(row: Entry) -> None:
    """Delete a trashed entry now rather than in 30 days. Commits."""
    content, was_live = open_entry(row).content, row.is_live
    db.session.delete(row)
    index.record_change(row, content, None, was_live=was_live)
    summaries.invalidate(row.owner_id)
    db.session.commit()


def purge_expired_trash(owner_id: int | None = None) -> int:
    """Delete entries trashed more than 30 days ago (for one owner, or all). Commits.

    Nothing else to update: the summaries (the journal's and each therapist's)
    count live entries only, and the purged entries' terms and shares go with
    them (ON DELETE CASCADE).
    """
    statement = delete(Entry).where(Entry.deleted_at < utcnow() - timedelta(days=TRASH_DAYS))
    if owner_id is not None:
        statement = statement.where(Entry.owner_id == owner_id)
    count = changed_rows(statement)
    db.session.commit()
    return count


def trashed_entries(owner_id: int) -> list[EntryView]:
    rows = db.session.scalars(
        select(Entry).where(Entry.owner_id == owner_id, ~Entry.is_live).order_by(Entry.deleted_at.desc())
    )
    return [open_entry(row) for row in rows]


@dataclass
class EntryFilters:
    """What the list is narrowed to. Tag, domain and words go through the blind index."""

    session_id: uuid.UUID | None = None
    start: datetime | None = None  # inclusive, UTC
    end: datetime | None = None  # exclusive, UTC
    tag: str = ""
    domain: str = ""  # a domain of the prompt library: mind, body, spirit...
    query: str = ""

    @property
    def needs_index(self) -> bool:
        return bool(self.tag or self.domain or self.query)


@dataclass
class Page:
    items: list  # EntryView, or (EntryView, EntryShare) on a therapist's page
    number: int
    total: int
    size: int = PAGE_SIZE
    tags: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.size))


def find_entries(owner_id: int, filters: EntryFilters, page: int = 1, size: int = PAGE_SIZE) -> Page:
    """List live entries, newest first, decrypting one page at most, in a fixed number of queries.

    Session and dates are plain columns. Tag, domain and words are matched in
    SQL against the blind index (``entries.index``): there is no plaintext
    index, and no request decrypts the journal.
    """
    statement = select(Entry).where(Entry.owner_id == owner_id, Entry.is_live)
    if filters.session_id:
        statement = statement.where(Entry.session_id == filters.session_id)
    if filters.start:
        statement = statement.where(Entry.created_at >= filters.start)
    if filters.end:
        statement = statement.where(Entry.created_at < filters.end)
    page = min(max(1, page), MAX_PAGE)
    proof = True
    if filters.needs_index:
        labels, proof = index.query_labels(filters.query, filters.tag, filters.domain)
        index.ensure_index(owner_id)
        if labels:
            statement = index.narrow(statement, owner_id, labels)
    statement = statement.order_by(Entry.created_at.desc(), Entry.id)

    if not proof:  # a word longer than any indexed prefix: the plaintext decides among the few candidates
        matches = [view for view in map(open_entry, db.session.scalars(statement)) if _matches(view, filters)]
        start = (page - 1) * size
        return Page(matches[start : start + size], page, len(matches), size)

    if filters == EntryFilters():  # the whole journal: its size is in the sealed summary, not counted
        total = index.live_entries(owner_id)
    else:
        total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    rows = db.session.scalars(statement.limit(size).offset((page - 1) * size))
    views = [open_entry(row) for row in rows]
    if filters.needs_index:  # two words sharing a 128-bit term is astronomically unlikely; still, show true matches
        views = [view for view in views if _matches(view, filters)]
    return Page(views, page, total, size)


def _matches(view: EntryView, filters: EntryFilters) -> bool:
    content = view.content
    if filters.tag and filters.tag.casefold() not in {tag.casefold() for tag in content.tags}:
        return False
    if filters.domain and filters.domain not in content.domains:
        return False
    return index.matches_text(content, filters.query)


def all_tags(owner_id: int) -> list[str]:
    """Every tag the user has used on live entries, sorted, from their sealed summary (one row)."""
    return index.tag_menu(owner_id)


def latest_entries(owner_id: int, limit: int = 5) -> list[EntryView]:
    rows = db.session.scalars(
        select(Entry).where(Entry.owner_id == owner_id, Entry.is_live).order_by(Entry.created_at.desc()).limit(limit)
    )
    return [open_entry(row) for row in rows]
