"""Setting up the editor: which prompts, which session, which draft."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from flask import abort
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from journal.access import entry_or_404, owned_or_404
from journal.entries.content import Answer
from journal.entries.drafts import DraftView, open_draft
from journal.entries.forms import FREE_PROMPT, EntryForm, build_entry_form, parse_uuid
from journal.entries.services import EntryView, open_entry
from journal.models import Draft, EntryKind, TreatmentSession
from journal.prompts import PromptSet, library
from journal.sessions.services import SessionView, list_sessions, open_session, session_options


@dataclass
class Editor:
    form: EntryForm
    kind: EntryKind
    prompt_set: PromptSet | None = None
    session: SessionView | None = None
    entry: EntryView | None = None
    draft: DraftView | None = None


def _prompts_of(prompt_set: PromptSet | None) -> list[Answer]:
    if prompt_set is None:
        return [FREE_PROMPT]
    return [Answer(p.id, p.theme, p.text, "") for p in prompt_set.prompts]


def _session_choices(owner_id: int) -> list[tuple[str, str]]:
    return session_options(list_sessions(owner_id), current_user.time_zone)


def _form_source(draft: DraftView | None, posting: bool) -> dict:
    """Posted forms read the request; a resumed draft fills the form on GET."""
    if posting or draft is None:
        return {}
    return {"formdata": MultiDict([(name, value) for name, values in draft.fields.items() for value in values])}


def _load_draft(draft_arg: str | None) -> DraftView | None:
    if not draft_arg:
        return None
    draft_id = parse_uuid(draft_arg)
    if draft_id is None:
        abort(404)
    return open_draft(owned_or_404(Draft, draft_id))


def new_entry_editor(owner_id: int, args: MultiDict, posting: bool) -> Editor:
    """An editor for a new entry: guided (``set`` and ``session``) or free, maybe from a draft."""
    draft = _load_draft(args.get("draft"))
    set_key = draft.row.prompt_set if draft else args.get("set")
    prompt_set = library().get_set(set_key) if set_key else None
    if set_key and prompt_set is None:
        abort(404)
    session_id = draft.row.session_id if draft else parse_uuid(args.get("session"))
    if args.get("session") and session_id is None:
        abort(404)
    session = open_session(owned_or_404(TreatmentSession, session_id)) if session_id else None
    if prompt_set and session is None:
        abort(404)  # a guided entry always belongs to one of the user's sessions

    form = build_entry_form(_prompts_of(prompt_set), _session_choices(owner_id), **_form_source(draft, posting))
    if not posting:
        form.session_id.data = form.session_id.data or (str(session.id) if session else "")
        form.draft_id.data = str(draft.id) if draft else str(uuid.uuid4())
        form.prompt_set.data = prompt_set.key if prompt_set else ""
        if prompt_set and not form.title.data and session:
            form.title.data = f"{prompt_set.name} · {session.occurred_at:%-d %B}"
    kind = EntryKind.GUIDED if prompt_set else EntryKind.FREE
    return Editor(form, kind, prompt_set, session, None, draft)


def edit_entry_editor(owner_id: int, entry_id: uuid.UUID, args: MultiDict, posting: bool) -> Editor:
    """An editor for an existing entry, with its own prompt snapshot, maybe from a draft."""
    entry = open_entry(entry_or_404(entry_id))
    draft = _load_draft(args.get("draft"))
    if draft and draft.row.entry_id != entry.id:
        abort(404)
    prompts = [Answer(a.prompt_id, a.theme, a.prompt, "") for a in entry.content.answers] or [FREE_PROMPT]
    form = build_entry_form(prompts, _session_choices(owner_id), **_form_source(draft, posting))
    if not posting:
        if draft is None:
            _fill_from_entry(form, entry)
        form.version.data = str(entry.row.version)
        form.draft_id.data = str(draft.id) if draft else str(uuid.uuid4())
        form.entry_id.data = str(entry.id)
        form.prompt_set.data = entry.row.prompt_set or ""
    prompt_set = library().get_set(entry.row.prompt_set)
    session = open_session(owned_or_404(TreatmentSession, entry.row.session_id)) if entry.row.session_id else None
    return Editor(form, entry.row.kind, prompt_set, session, entry, draft)


def _fill_from_entry(form: EntryForm, entry: EntryView) -> None:
    content, checkin = entry.content, entry.checkin
    form.title.data = content.title
    for field, answer in zip(form.answer_fields, content.answers):
        field.data = answer.text
    for field, value in ((form.mood, checkin.mood), (form.intensity, checkin.intensity),
                         (form.detachment, checkin.detachment)):
        field.data = "" if value is None else str(value)
    form.after_effects.data = content.after_effects
    form.after_effects_note.data = content.after_effects_note
    form.tags.data = ", ".join(content.tags)
    form.session_id.data = str(entry.row.session_id) if entry.row.session_id else ""
