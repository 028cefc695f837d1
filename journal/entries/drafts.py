"""Drafts: the autosaved state of an editor, private to its author."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import Draft
from journal.vault import seal_row, unseal_row


class DraftTaken(Exception):
    """The draft id belongs to someone else (treated as not found)."""


@dataclass
class DraftView:
    row: Draft
    fields: dict[str, list[str]]

    @property
    def id(self) -> uuid.UUID:
        return self.row.id

    @property
    def title(self) -> str:
        return (self.fields.get("title") or [""])[0]

    @property
    def preview(self) -> str:
        """The first words written, for the drafts list."""
        text = " ".join(
            value for name, values in sorted(self.fields.items()) if name.startswith("answer_") for value in values
        )
        words = text.split()
        return " ".join(words[:24]) + (" …" if len(words) > 24 else "")


def open_draft(row: Draft) -> DraftView:
    return DraftView(row, unseal_row(row)["fields"])


def save_draft(
    *, owner_id: int, draft_id: uuid.UUID, fields: dict[str, list[str]], entry_id: uuid.UUID | None,
    session_id: uuid.UUID | None, prompt_set: str | None,
) -> Draft:
    """Create or replace the draft with this id. Commits.

    The caller has checked ``entry_id`` and ``session_id`` belong to the owner
    and cleaned the fields; the id is chosen by the editor page.
    """
    row = db.session.get(Draft, draft_id)
    if row is None:
        row = Draft(id=draft_id, owner_id=owner_id, created_at=utcnow())
    elif row.owner_id != owner_id:
        raise DraftTaken(str(draft_id))
    row.entry_id, row.session_id, row.prompt_set = entry_id, session_id, prompt_set
    row.updated_at = utcnow()
    seal_row(row, {"fields": fields})
    db.session.add(row)
    db.session.commit()
    return row


def list_drafts(owner_id: int) -> list[DraftView]:
    rows = db.session.scalars(select(Draft).where(Draft.owner_id == owner_id).order_by(Draft.updated_at.desc()))
    return [open_draft(row) for row in rows]


def discard_draft(row: Draft) -> None:
    """Delete a draft. Commits."""
    db.session.delete(row)
    db.session.commit()


def discard_draft_by_id(owner_id: int, draft_id: uuid.UUID | None) -> None:
    """Delete the owner's draft with this id, if any. Commits."""
    if draft_id:
        db.session.execute(delete(Draft).where(Draft.id == draft_id, Draft.owner_id == owner_id))
        db.session.commit()
