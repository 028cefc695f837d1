"""Drafts: the autosaved state of an editor, private to its author.

A draft keeps the editor's raw field values and the prompts they answer, so
it can always be reopened, even if its session or entry is gone.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from journal.clock import utcnow
from journal.entries.content import Answer
from journal.extensions import db
from journal.models import Draft, DraftKind
from journal.vault import seal_row, unseal_row


class DraftTaken(Exception):
    """The draft id belongs to someone else (treated as not found)."""


@dataclass
class DraftView:
    row: Draft
    fields: dict[str, list[str]]
    prompts: list[Answer]

    @property
    def id(self) -> uuid.UUID:
        return self.row.id

    @property
    def title(self) -> str:
        return (self.fields.get("title") or [""])[0]

    @property
    def preview(self) -> str:
        """The first words written, for the drafts list."""
        answers = sorted((name for name in self.fields if name.startswith("answer_")), key=lambda n: int(n[7:]))
        return self.preview_of(answers)

    def preview_of(self, names) -> str:
        """The first words written in these fields, in this order."""
        words = " ".join(value for name in names for value in self.fields.get(name, [])).split()
        return " ".join(words[:24]) + (" …" if len(words) > 24 else "")


def open_draft(row: Draft) -> DraftView:
    payload = unseal_row(row)
    prompts = [Answer(prompt_id, theme, prompt, "") for prompt_id, theme, prompt in payload.get("prompts", [])]
    return DraftView(row, payload["fields"], prompts)


def save_draft(
    *,
    owner_id: int,
    draft_id: uuid.UUID,
    fields: dict[str, list[str]],
    prompts: list[Answer],
    entry_id: uuid.UUID | None,
    session_id: uuid.UUID | None,
    prompt_set: str | None,
    kind: DraftKind = DraftKind.ENTRY,
) -> Draft:
    """Create or replace the draft with this id. Commits.

    The caller has checked ``entry_id`` and ``session_id`` belong to the owner
    and cleaned the fields; the id is chosen by the page. A draft stays the
    draft of the page (``kind``) it was started on.
    """
    row = db.session.get(Draft, draft_id)
    made = row is None
    if row is None:
        row = Draft(id=draft_id, owner_id=owner_id, kind=kind, created_at=utcnow())
    elif row.owner_id != owner_id or row.kind != kind:
        raise DraftTaken(str(draft_id))
    row.entry_id, row.session_id, row.prompt_set = entry_id, session_id, prompt_set
    row.updated_at = utcnow()
    payload = {"fields": fields, "prompts": [[p.prompt_id, p.theme, p.prompt] for p in prompts]}
    seal_row(row, payload)
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:
        # Two requests of one page made this draft at the same instant (an autosave and a save seen as a
        # conflict): the second replaces the first, as it would have a moment later.
        db.session.rollback()
        if not made:
            raise
        return save_draft(
            owner_id=owner_id,
            draft_id=draft_id,
            fields=fields,
            prompts=prompts,
            entry_id=entry_id,
            session_id=session_id,
            prompt_set=prompt_set,
            kind=kind,
        )
    return row


def keep_as_draft(*, owner_id: int, draft_id: uuid.UUID | None, entry_id: uuid.UUID | None, **details) -> uuid.UUID:
    """Save text that must not be lost; reuse ``draft_id`` only if it is this writer's draft of this entry or page."""
    existing = db.session.get(Draft, draft_id) if draft_id else None
    kind = details.get("kind", DraftKind.ENTRY)
    if draft_id is None or (
        existing and (existing.owner_id != owner_id or existing.entry_id != entry_id or existing.kind != kind)
    ):
        draft_id = uuid.uuid4()
    save_draft(owner_id=owner_id, draft_id=draft_id, entry_id=entry_id, **details)
    return draft_id


def list_drafts(owner_id: int) -> list[DraftView]:
    rows = db.session.scalars(select(Draft).where(Draft.owner_id == owner_id).order_by(Draft.updated_at.desc()))
    return [open_draft(row) for row in rows]


def discard_draft(row: Draft) -> None:
    """Delete a draft. Commits."""
    db.session.delete(row)
    db.session.commit()


def discard_draft_by_id(owner_id: int, draft_id: uuid.UUID | None) -> None:
    """Delete the owner's draft with this id, if any. Commits (with whatever the session holds)."""
    if draft_id:
        db.session.execute(delete(Draft).where(Draft.id == draft_id, Draft.owner_id == owner_id))
    db.session.commit()
