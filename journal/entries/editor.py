"""Setting up the editor: which prompts, which session, which draft.

Pages opened with GET are strict: an unknown set, session or entry, or a draft
of someone else's, is a 404 (an unused draft id names a new page's draft). A
posted editor is rebuilt from its own hidden fields and is never refused for
context that vanished meanwhile (a session deleted, a draft used up, an entry
trashed in another tab): the text it carries must be kept.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cached_property

from flask import abort, request
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from journal.access import deny, entry_or_404, owned_or_404, owned_or_none
from journal.clock import utcnow
from journal.entries.content import Answer
from journal.entries.draft_pages import load_draft
from journal.entries.drafts import DraftView, keep_as_draft, open_draft
from journal.entries.forms import FREE_PROMPT, EntryForm, build_entry_form, parse_uuid
from journal.entries.recall import recalled
from journal.entries.save_keys import PageKeys
from journal.entries.services import EntryView, open_entry
from journal.models import Draft, DraftKind, Entry, EntryKind, TreatmentSession
from journal.prompts import PromptSet, library
from journal.sessions.services import SessionView, open_session, session_menu
from journal.timezones import format_local, local_days_between, to_local


@dataclass
class Editor:
    form: EntryForm
    kind: EntryKind
    prompt_set: PromptSet | None = None
    session: SessionView | None = None
    entry: EntryView | None = None
    draft: DraftView | None = None
    # Set when the entry being edited was trashed or deleted while the page was open.
    entry_gone: bool = False

    @property
    def prompts(self) -> list[Answer]:
        return self.form.prompts

    @cached_property
    def recalled(self) -> dict[str, str]:
        """Earlier answers of this session that the prompts quote, for the author's eyes only."""
        return recalled(current_user.id, self.session, self.prompts)


def _prompts_of(prompt_set: PromptSet | None) -> list[Answer]:
    if prompt_set is None:
        return [FREE_PROMPT]
    return [Answer(p.id, p.theme, p.text, "") for p in prompt_set.prompts]


def _set_for(key: str | None, session: SessionView | None) -> PromptSet | None:
    """A prompt set in the wording for the session's medicine, and for the person's day since it, in the
    person's language: a new entry keeps its questions in the words it was asked in."""
    prompt_set = library().get_set(key)
    if prompt_set is None:
        return None
    if session is not None:
        days = local_days_between(session.occurred_at, utcnow(), current_user.time_zone)
        prompt_set = prompt_set.for_medicine(session.row.medicine.value).on_day(days)
    return prompt_set.translated()


def _session_choices(owner_id: int, *keep: uuid.UUID | None) -> list[tuple[str, str]]:
    """The session menu: the latest sessions, and those this entry or draft already names."""
    return session_menu(owner_id, current_user.time_zone, keep)


def _own_session(session_id: uuid.UUID | None) -> SessionView | None:
    row = owned_or_none(TreatmentSession, session_id)
    return open_session(row) if row else None


def _draft_formdata(draft: DraftView) -> dict:
    return {"formdata": MultiDict([(name, value) for name, values in draft.fields.items() for value in values])}


def _load_draft(draft_arg: str | None) -> DraftView | None:
    """The writer's entry draft named in the address (``draft_pages.load_draft``: one used up by a save is
    simply absent; anyone else's, or a session's or the safety plan's, is a 404)."""
    return load_draft(DraftKind.ENTRY, draft_arg)


def _default_title(prompt_set: PromptSet, session: SessionView) -> str:
    return f"{prompt_set.name} · {format_local(session.occurred_at, current_user.time_zone, '%-d %B')}"


def new_entry_editor(owner_id: int, args: MultiDict, keys: PageKeys | None) -> Editor:
    """A new entry's editor (GET), with the draft id and save key its address names (``keys``).

    Guided by ``set`` and ``session``, free, or resuming the draft ``draft`` when it exists.
    """
    draft = _load_draft(args.get("draft"))
    editor = _editor_from_draft(owner_id, draft) if draft is not None else _blank_editor(owner_id, args)
    if keys is not None:
        editor.form.draft_id.data, editor.form.save_key.data = str(keys.draft_id), str(keys.save_key)
    return editor


def _blank_editor(owner_id: int, args: MultiDict) -> Editor:
    """A blank editor: guided by ``set`` and ``session``, or free. Unknown ones are a 404."""
    set_key = args.get("set")
    prompt_set = library().get_set(set_key) if set_key else None
    if set_key and prompt_set is None:
        abort(404)  # prompt sets are the same for everyone: no record was refused, nothing to audit
    session_id = parse_uuid(args.get("session"))
    if args.get("session") and session_id is None:
        deny()
    session = open_session(owned_or_404(TreatmentSession, session_id)) if session_id else None
    if prompt_set and session is None:
        abort(404)  # a new guided entry starts from one of the user's sessions; none was named
    prompt_set = _set_for(set_key, session) if prompt_set else None
    form = build_entry_form(_prompts_of(prompt_set), _session_choices(owner_id, session.id if session else None))
    form.session_id.data = str(session.id) if session else ""
    form.prompt_set.data = prompt_set.key if prompt_set else ""
    if prompt_set and session:
        form.title.data = _default_title(prompt_set, session)
    return Editor(form, EntryKind.GUIDED if prompt_set else EntryKind.FREE, prompt_set, session)


def _editor_from_draft(owner_id: int, draft: DraftView) -> Editor:
    """Reopen a draft as a new entry, with the prompts it was written against."""
    session = _own_session(draft.row.session_id)
    prompt_set = _set_for(draft.row.prompt_set, session)
    prompts = draft.prompts or _prompts_of(prompt_set)
    form = build_entry_form(prompts, _session_choices(owner_id, draft.row.session_id), **_draft_formdata(draft))
    form.draft_id.data, form.entry_id.data, form.version.data = str(draft.id), "", ""
    form.prompt_set.data = prompt_set.key if prompt_set else ""
    if prompt_set:
        form.session_id.data = str(session.id) if session else ""
    return Editor(form, EntryKind.GUIDED if prompt_set else EntryKind.FREE, prompt_set, session, None, draft)


def edit_entry_editor(owner_id: int, entry_id: uuid.UUID, args: MultiDict) -> Editor:
    """An editor (GET) for a live entry, with its own prompt snapshot, maybe resuming a draft."""
    entry = open_entry(entry_or_404(entry_id))
    draft = _load_draft(args.get("draft"))
    if draft and draft.row.entry_id != entry.id:
        deny()
    form = build_entry_form(
        _entry_prompts(entry),
        _session_choices(owner_id, entry.row.session_id, draft.row.session_id if draft else None),
        **(_draft_formdata(draft) if draft else {}),
    )
    if draft is None:
        _fill_from_entry(form, entry)
    # A resumed draft keeps the version it was started from, so a save made
    # elsewhere in between is still detected as a conflict.
    form.version.data = form.version.data or str(entry.row.version)
    form.draft_id.data = str(draft.id) if draft else str(uuid.uuid4())
    form.entry_id.data, form.prompt_set.data = str(entry.id), entry.row.prompt_set or ""
    return _entry_editor(form, entry, draft)


def _entry_prompts(entry: EntryView) -> list[Answer]:
    return [Answer(a.prompt_id, a.theme, a.prompt, "") for a in entry.content.answers] or [FREE_PROMPT]


def _entry_day(entry: EntryView):
    """The entry's day in the writer's time zone, as the Day field shows it."""
    return to_local(entry.row.created_at, current_user.time_zone).date()


def _entry_editor(form: EntryForm, entry: EntryView, draft: DraftView | None = None) -> Editor:
    form.current_day = _entry_day(entry)
    session = _own_session(entry.row.session_id)
    return Editor(form, entry.row.kind, _set_for(entry.row.prompt_set, session), session, entry, draft)


def posted_editor(owner_id: int, entry_id: uuid.UUID | None) -> Editor:
    """Rebuild the editor a POST came from (``request.form``), keeping every word.

    ``entry_id`` is the entry being edited, if any: unknown ids are a 404, as
    everywhere. When the entry is in the trash the editor describes a new entry
    with the same prompts, and says ``entry_gone``.
    """
    data = request.form
    if entry_id is not None:
        entry = open_entry(owned_or_404(Entry, entry_id))
        if entry.row.is_live:
            choices = _session_choices(owner_id, entry.row.session_id, parse_uuid(data.get("session_id")))
            return _entry_editor(build_entry_form(_entry_prompts(entry), choices), entry)
        editor = _new_from_post(owner_id, data, _entry_prompts(entry))
        editor.entry_gone = True
        return editor
    return _new_from_post(owner_id, data)


def _new_from_post(owner_id: int, data: MultiDict, prompts: list[Answer] | None = None) -> Editor:
    session = _own_session(parse_uuid(data.get("session_id")))
    prompt_set = _set_for(data.get("prompt_set"), session)
    draft_row = owned_or_none(Draft, parse_uuid(data.get("draft_id")))
    if prompts is None:
        draft_prompts = open_draft(draft_row).prompts if draft_row else None
        prompts = draft_prompts or _prompts_of(prompt_set)
    form = build_entry_form(prompts, _session_choices(owner_id, parse_uuid(data.get("session_id"))))
    if prompt_set:  # the session of a guided entry is not chosen in the form: resolve it here
        form.session_id.data = str(session.id) if session else ""
    return Editor(form, EntryKind.GUIDED if prompt_set else EntryKind.FREE, prompt_set, session)


def _fill_from_entry(form: EntryForm, entry: EntryView) -> None:
    content, checkin = entry.content, entry.checkin
    form.title.data = content.title
    form.written_on.data = _entry_day(entry)
    for field, answer in zip(form.answer_fields, content.answers, strict=False):
        field.data = answer.text
    for field, value in (
        (form.mood, checkin.mood),
        (form.intensity, checkin.intensity),
        (form.detachment, checkin.detachment),
    ):
        field.data = "" if value is None else str(value)
    form.after_effects.data = content.after_effects
    form.after_effects_note.data = content.after_effects_note
    form.tags.data = ", ".join(content.tags)
    form.session_id.data = str(entry.row.session_id) if entry.row.session_id else ""


def draft_details(editor: Editor) -> dict:
    """What a draft of this editor stores besides its id and owner."""
    session_id = editor.form.chosen_session() or (editor.session.id if editor.session else None)
    return {
        "fields": editor.form.draft_fields(),
        "prompts": editor.prompts,
        "session_id": session_id,
        "prompt_set": editor.prompt_set.key if editor.prompt_set else None,
    }


def keep_editor_text(editor: Editor) -> uuid.UUID:
    """Keep whatever this posted editor holds as a draft; return the draft's id."""
    return keep_as_draft(
        owner_id=current_user.id,
        draft_id=editor.form.chosen_draft(),
        entry_id=editor.entry.id if editor.entry else None,
        **draft_details(editor),
    )
