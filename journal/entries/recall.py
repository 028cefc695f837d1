"""Carried forward: a patient's own earlier answer, quoted above the prompt that recalls it.

A prompt of the library may recall an earlier prompt of the same session (the
small thing to practise, the image that stayed) or the session's intention.
The quote is read from the author's own entries when the editor is drawn and
is never stored again: the new entry keeps only what is written in it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from journal.entries.content import Answer
from journal.entries.services import open_entry
from journal.extensions import db
from journal.models import Entry
from journal.prompts import RECALL_INTENTION, library
from journal.sessions.services import SessionView

QUOTE_CHARS = 400
# Entries of one session in the sets recalled: a handful; more would be rewritten copies.
MAX_ENTRIES = 20


def recalled(owner_id: int, session: SessionView | None, prompts: list[Answer]) -> dict[str, str]:
    """Map each prompt id that recalls something to the author's earlier answer, if there is one."""
    if session is None:
        return {}
    lib = library()
    wanted = {
        answer.prompt_id: prompt.recall
        for answer in prompts
        if (prompt := lib.prompt(answer.prompt_id)) is not None and prompt.recall
    }
    if session.details.intention.strip():  # the editor shows it above every prompt already
        wanted = {prompt_id: source for prompt_id, source in wanted.items() if source != RECALL_INTENTION}
    if not wanted:
        return {}
    # The intention written in the before set stands in when the session has none written.
    sources = {
        prompt_id: lib.intention_prompt if source == RECALL_INTENTION else source
        for prompt_id, source in wanted.items()
    }
    answers = _latest_answers(owner_id, session.id, set(sources.values()))
    result = {}
    for prompt_id, source in sources.items():
        text = answers.get(source, "").strip()
        if text:
            result[prompt_id] = text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rstrip() + "…"
    return result


def _latest_answers(owner_id: int, session_id: uuid.UUID, prompt_ids: set[str]) -> dict[str, str]:
    """The newest non-empty answer to each of these prompts in the session's live entries."""
    lib = library()
    set_keys = {prompt_set.key for prompt_id in prompt_ids if (prompt_set := lib.set_of(prompt_id))}
    rows = db.session.scalars(
        select(Entry)
        .where(
            Entry.owner_id == owner_id, Entry.session_id == session_id, Entry.is_live, Entry.prompt_set.in_(set_keys)
        )
        .order_by(Entry.created_at.desc())
        .limit(MAX_ENTRIES)
    )
    found: dict[str, str] = {}
    for row in rows:
        for answer in open_entry(row).content.answers:
            if answer.prompt_id in prompt_ids and answer.text.strip():
                found.setdefault(answer.prompt_id, answer.text)
    return found
