"""The blind index and the sealed per-user summary that make search and the tag menu cheap.

Neither holds a word in the clear: terms are keyed hashes (see
``journal.entries.index``), the summary is one sealed blob.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from journal.clock import utcnow
from journal.extensions import Model
from journal.models.types import UTCDateTime


class EntryTerm(Model):
    """One blind-index term of an entry: a truncated HMAC of a word, prefix, tag or theme.

    No owner column: a term is keyed by its owner's index key, and every search
    joins it to that owner's entries.
    """

    __tablename__ = "entry_terms"
    # (term, entry_id) finds the entries of a term; the primary key (entry_id, term) an
    # entry's terms. Either way round the planner starts, a search stays an index lookup.
    # Without SQLite's hidden rowid the table is one B-tree fewer: these rows are many and small.
    __table_args__ = (
        Index("ix_entry_terms_term", "term", "entry_id"),
        {"sqlite_with_rowid": False},
    )

    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    term: Mapped[bytes] = mapped_column(LargeBinary(16), primary_key=True)


class JournalSummary(Model):
    """What the entry list needs about the whole journal (tags and their counts), sealed.

    ``format`` names the shape of the summary and of the index; a row of an
    older format is rebuilt from the entries.
    """

    __tablename__ = "journal_summaries"

    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    format: Mapped[int] = mapped_column(Integer)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @property
    def id(self) -> int:
        """One row per owner: the owner's id names the row in the seal's associated data."""
        return self.owner_id
