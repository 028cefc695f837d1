"""The blind index and the sealed summary: search, filters and the tag menu without decrypting the journal.

Each entry has a set of *terms*: HMAC-SHA256, truncated to 16 bytes, under a
per-user key derived from the user's data key (``vault.index_key``), of

- ``w:`` and every prefix of 3 to 16 characters of each folded word (a word of
  one or two characters as a whole), so a search word matches the start of a word;
- ``tag:`` and each casefolded tag; ``domain:`` and the domain of each answered
  theme (``journal.prompts``: an old entry's theme still finds its domain);
- ``effect:`` and each after-effect ticked (for after-effects per session on the Progress page).

The database sees only which entries share a term, never a word. One sealed
row per user (``JournalSummary``) keeps tag names and counts for the menu, and
how many entries are live, so the list's page count reads no more of a long
journal than of a short one.
``record_change`` is the one place that keeps both in step with the entries;
every write in ``entries.services`` calls it inside its own transaction.
"""

from __future__ import annotations

import hmac
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Select, Table, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from journal.entries.content import AFTER_EFFECTS, EntryContent
from journal.extensions import db
from journal.models import Entry, EntryTerm, JournalSummary
from journal.text import words
from journal.vault import index_key, seal_row, unseal_row

MIN_PREFIX = 3
MAX_PREFIX = 16  # longer search words are checked against the decrypted candidates
TERM_BYTES = 16
FORMAT = 3  # bump when terms or the summary change shape: older rows are rebuilt
REBUILD_BATCH = 200


def _search_text(content: EntryContent) -> str:
    return "\n".join(content.written)


def _word_labels(word: str) -> set[str]:
    if len(word) < MIN_PREFIX:
        return {"w:" + word}
    return {"w:" + word[:length] for length in range(MIN_PREFIX, min(len(word), MAX_PREFIX) + 1)}


def entry_labels(content: EntryContent) -> set[str]:
    """Everything an entry can be found by, before hashing."""
    labels = {label for word in set(words(_search_text(content))) for label in _word_labels(word)}
    labels |= {"tag:" + tag.casefold() for tag in content.tags}
    labels |= {"domain:" + domain for domain in content.domains}
    labels |= {"effect:" + key for key in content.after_effects if key != "none"}
    return labels


def after_effect_terms(owner_id: int) -> dict[bytes, str]:
    """Each after-effect's term in the owner's index, to the after-effect's key; the index is built first."""
    ensure_index(owner_id)
    key = index_key(owner_id)
    return {_term(key, f"effect:{name}"): name for name in AFTER_EFFECTS if name != "none"}


def query_labels(text: str, tag: str = "", domain: str = "") -> tuple[set[str], bool]:
    """Terms an entry must all have to match, and whether having them is proof enough.

    Not proof when a search word is longer than the longest indexed prefix:
    then the index narrows the candidates and the plaintext decides.
    """
    query_words = words(text)
    labels = {"w:" + (word if len(word) < MIN_PREFIX else word[:MAX_PREFIX]) for word in query_words}
    if tag:
        labels.add("tag:" + tag.casefold())
    if domain:
        labels.add("domain:" + domain)
    return labels, all(len(word) <= MAX_PREFIX for word in query_words)


def matches_text(content: EntryContent, text: str) -> bool:
    """Whether every search word starts a word of the entry (short words: is one)."""
    wanted = words(text)
    if not wanted:
        return True
    have = set(words(_search_text(content)))
    return all(any(starts_word(candidate, word) for candidate in have) for word in wanted)


def starts_word(candidate: str, wanted: str) -> bool:
    """Whether a folded word of an entry matches a folded search word: its start, or all of a short one."""
    return candidate == wanted if len(wanted) < MIN_PREFIX else candidate.startswith(wanted)


def blind(owner_id: int, labels: Iterable[str]) -> set[bytes]:
    """Hash labels under the owner's index key: the same word gives other terms for another user."""
    key = index_key(owner_id)
    return {_term(key, label) for label in labels}


def _term(key: bytes, label: str) -> bytes:
    return hmac.digest(key, label.encode(), "sha256")[:TERM_BYTES]


def narrow(statement: Select, owner_id: int, labels: set[str]) -> Select:
    """Keep, of a select of ``Entry``, the entries that have every one of these terms.

    A join grouped by entry rather than ``id IN (grouped subquery)``: PostgreSQL,
    misled by stale statistics, ran that subquery's aggregate once per entry
    (seconds on 3,000 entries). With this shape and the two indexes of
    ``entry_terms`` every plan is index lookups, whichever side it starts from.
    """
    terms = blind(owner_id, labels)
    # (entry_id, term) is the primary key, so COUNT(*) counts distinct terms. The
    # statement already keeps to the owner's entries: no other user's term can match.
    return (
        statement.join(EntryTerm, EntryTerm.entry_id == Entry.id)
        .where(EntryTerm.term.in_(terms))
        .group_by(Entry.id)
        .having(func.count() == len(terms))
    )


# The summary: {"tags": {casefolded tag: [shown name, live entries with it]}, "live": live entries}.
# A summary sealed before "live" was kept has none; the next write or rebuild adds it.


def _read(summary: JournalSummary) -> tuple[dict[str, list], int | None]:
    payload = unseal_row(summary)
    return payload["tags"], payload.get("live")


def _write(summary: JournalSummary, tags: dict[str, list], live: int) -> None:
    summary.format = FORMAT
    seal_row(summary, {"tags": tags, "live": live})


def _count_live(owner_id: int) -> int:
    return db.session.scalar(select(func.count()).where(Entry.owner_id == owner_id, Entry.is_live))


def _count(tags: dict[str, list], content: EntryContent, step: int) -> None:
    for tag in content.tags:
        name, count = tags.get(tag.casefold(), [tag, 0])
        count += step
        if count > 0:
            tags[tag.casefold()] = [tag if step > 0 else name, count]
        else:
            tags.pop(tag.casefold(), None)


def _summary(owner_id: int, *, lock: bool) -> JournalSummary | None:
    statement = select(JournalSummary).where(JournalSummary.owner_id == owner_id)
    # On PostgreSQL two saves of one user queue here; SQLite already holds its write lock.
    return db.session.scalar(statement.with_for_update() if lock else statement)


def record_change(row: Entry, before: EntryContent | None, after: EntryContent | None, *, was_live: bool) -> None:
    """Bring the index and the summary in line with ``row`` as the session now holds it.

    ``before`` is the content the index knew (None for a new entry), ``after`` the
    content now (None once the row is deleted: its terms go by ON DELETE CASCADE).
    Part of the caller's transaction; does not commit.
    """
    db.session.flush()  # the entry's write comes first: on SQLite it takes the write lock
    summary = _summary(row.owner_id, lock=True)
    if summary is None or summary.format != FORMAT:
        _rebuild(row.owner_id, summary)  # reads the entries as they now stand, this one included
        return
    if after is not None and after != before:
        _replace_terms(row, after, fresh=before is None)
    tags, live = _read(summary)
    counted = {key: list(value) for key, value in tags.items()}
    left, joined = before is not None and was_live, after is not None and row.is_live
    if left:
        _count(counted, before, -1)
    if joined:
        _count(counted, after, +1)
    # The session holds this change already (flushed above), so a count taken now includes it.
    live_now = _count_live(row.owner_id) if live is None else live - left + joined
    if counted != tags or live_now != live:
        _write(summary, counted, live_now)


def _replace_terms(row: Entry, content: EntryContent, *, fresh: bool) -> None:
    wanted = blind(row.owner_id, entry_labels(content))
    have = set() if fresh else set(db.session.scalars(select(EntryTerm.term).where(EntryTerm.entry_id == row.id)))
    if have - wanted:
        db.session.execute(delete(EntryTerm).where(EntryTerm.entry_id == row.id, EntryTerm.term.in_(have - wanted)))
    if wanted - have:
        _insert([(row.id, term) for term in wanted - have])


def _insert(rows: list[tuple[uuid.UUID, bytes]]) -> None:
    # Core, not the ORM's bulk insert: a save writes a few hundred tiny rows and the ORM's bookkeeping doubled it.
    terms = cast(Table, EntryTerm.__table__)
    db.session.execute(insert(terms), [{"entry_id": entry_id, "term": term} for entry_id, term in rows])


@dataclass(frozen=True)
class _Stored:
    """An entry's sealed blob read as plain columns, so a rebuild holds no ORM objects."""

    __tablename__ = Entry.__tablename__
    id: uuid.UUID
    owner_id: int
    sealed: bytes


def _rebuild(owner_id: int, summary: JournalSummary | None) -> None:
    """Index every entry of one owner (trashed ones too, so a restore needs nothing) from scratch."""
    owned = select(Entry.id).where(Entry.owner_id == owner_id)
    db.session.execute(delete(EntryTerm).where(EntryTerm.entry_id.in_(owned)))
    tags: dict[str, list] = {}
    stored = db.session.execute(select(Entry.id, Entry.sealed, Entry.is_live).where(Entry.owner_id == owner_id)).all()
    for start in range(0, len(stored), REBUILD_BATCH):
        rows = []
        for entry_id, sealed, live in stored[start : start + REBUILD_BATCH]:
            content = EntryContent.from_payload(unseal_row(_Stored(entry_id, owner_id, sealed)))
            rows += [(entry_id, term) for term in blind(owner_id, entry_labels(content))]
            if live:
                _count(tags, content, +1)
        if rows:
            _insert(rows)
    if summary is None:
        summary = JournalSummary(owner_id=owner_id)
        db.session.add(summary)
    _write(summary, tags, sum(1 for *_, live in stored if live))
    db.session.flush()


def rebuild(owner_id: int) -> None:
    """Rebuild one owner's index and summary from their entries. Commits."""
    _rebuild(owner_id, _summary(owner_id, lock=True))
    db.session.commit()


def rebuild_all() -> int:
    """Rebuild every journal that has entries, one owner per transaction; return how many. Commits."""
    owners = db.session.scalars(select(Entry.owner_id).distinct()).all()
    for owner_id in owners:
        rebuild(owner_id)
    return len(owners)


def ensure_index(owner_id: int) -> JournalSummary:
    """Return the owner's summary, building index and summary first if missing or outdated.

    An installation upgraded from before the index builds each journal on its
    first visit (``flask reindex`` does all of them at once). Commits then.
    """
    summary = _summary(owner_id, lock=False)
    if summary is not None and summary.format == FORMAT:
        return summary
    try:
        rebuild(owner_id)
    except IntegrityError:  # another request built it in the same instant
        db.session.rollback()
    return _summary(owner_id, lock=False)


def tag_menu(owner_id: int) -> list[str]:
    """Every tag on the owner's live entries, sorted, from the summary alone."""
    return sorted((name for name, _ in _read(ensure_index(owner_id))[0].values()), key=str.casefold)


def tag_counts(owner_id: int) -> Counter:
    """Live entries per tag (casefolded), from the summary alone."""
    return Counter({key: count for key, (_, count) in _read(ensure_index(owner_id))[0].items()})


def live_entries(owner_id: int) -> int:
    """How many entries of the owner are live (not in the trash), from the summary alone when it knows."""
    live = _read(ensure_index(owner_id))[1]
    return _count_live(owner_id) if live is None else live
