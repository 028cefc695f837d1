"""Drafts of pages other than the entry editor: the safety plan, a session's form.

Each of those pages registers itself from its own blueprint (``register``), so the
drafts list, autosave and the rescue of an expired form can keep, reopen and show
again its text without this package importing the feature. The same rules as for
entries hold: a draft is sealed on the server, never kept in the browser.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, current_app, request
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from journal.access import deny, owned_or_404, owned_or_none
from journal.entries.drafts import DraftView, discard_draft_by_id, keep_as_draft, open_draft
from journal.entries.forms import parse_uuid
from journal.entries.save_keys import PageKeys, posted_save_key, record_saved
from journal.extensions import db
from journal.models import Draft, DraftKind, TreatmentSession

EXTENSION = "journal.draft_pages"
# Never stored in a draft: the form's token and the context the page carries in hidden fields.
NOT_STORED = frozenset({"csrf_token", "draft_id", "draft_kind", "session_id", "save_key"})


@dataclass(frozen=True)
class DraftPage:
    """How one page keeps its unsaved text: its form, its writing, where a draft reopens."""

    kind: DraftKind
    label: str  # the draft's name in the drafts list (a lazy string: it is set when the page registers)
    endpoints: frozenset[str]  # where the page's form is posted: rescued when the login or token ended
    text_fields: tuple[str, ...]  # the fields that hold writing, previewed and shown on the rescue page
    form: Callable[[], FlaskForm]  # the page's form, bound to the posted data
    address: Callable[[Draft], str]  # where a draft of this kind reopens
    show_again: Callable[[], str]  # the page drawn again from the posted form, with a fresh token


def register(bp: Blueprint, page: DraftPage) -> None:
    """Make ``page`` known to drafts and rescue in every app that registers ``bp``."""
    bp.record_once(lambda state: state.app.extensions.setdefault(EXTENSION, {}).__setitem__(page.kind, page))


def pages() -> dict[DraftKind, DraftPage]:
    return current_app.extensions.get(EXTENSION, {})


def page_for_endpoint(endpoint: str | None) -> DraftPage | None:
    return next((page for page in pages().values() if endpoint in page.endpoints), None)


def _named_page() -> DraftPage | None:
    kind = request.form.get("draft_kind", "")
    return pages().get(DraftKind(kind)) if kind in DraftKind._value2member_map_ else None


def posted_page() -> DraftPage | None:
    """The page a posted form says it came from (``draft_kind``); None for the entry editor."""
    if request.form.get("draft_kind", DraftKind.ENTRY.value) == DraftKind.ENTRY.value:
        return None
    return _named_page() or deny()


def page_of_post() -> DraftPage | None:
    """The page this post is sent to, or came from (the rescue page's log-in); None for the entry editor."""
    return page_for_endpoint(request.endpoint) or _named_page()


def page_details(page: DraftPage) -> dict:
    """What a draft of this posted page stores: its own fields as sent, and the writer's session it edits."""
    form = page.form()
    session = owned_or_none(TreatmentSession, parse_uuid(request.form.get("session_id")))
    fields = {field.name: request.form.getlist(field.name) for field in form if field.name not in NOT_STORED}
    return {"kind": page.kind, "fields": fields, "prompts": [], "session_id": session.id if session else None}


def keep_page_text(owner_id: int, page: DraftPage) -> uuid.UUID:
    """Keep whatever this posted page holds as a draft; return the draft's id. Commits."""
    return keep_as_draft(
        owner_id=owner_id,
        draft_id=parse_uuid(request.form.get("draft_id")),
        entry_id=None,
        prompt_set=None,
        **page_details(page),
    )


def load_draft(kind: DraftKind, draft_arg: str | None) -> DraftView | None:
    """The writer's draft of this kind named in the address (``?draft=``).

    One used up by a save is simply absent (Back after saving); anyone else's,
    or one of another page, is a 404.
    """
    if not draft_arg:
        return None
    draft_id = parse_uuid(draft_arg)
    if draft_id is None:
        deny()
    if db.session.get(Draft, draft_id) is None:
        return None
    draft = owned_or_404(Draft, draft_id)
    if draft.kind != kind:
        deny()
    return open_draft(draft)


def draft_formdata(draft: DraftView) -> MultiDict:
    """A draft's fields as form data, to fill the page's form with."""
    return MultiDict([(name, value) for name, values in draft.fields.items() for value in values])


def page_ids(draft: DraftView | None = None, keys: PageKeys | None = None) -> dict[str, str]:
    """The ``draft_id`` a page autosaves to and the ``save_key`` its save records.

    Opened (GET): those its address names (``keys``, a new session's page), else the resumed draft's id
    or a fresh one, and a fresh key. Shown again after a post: the ones it was sent with.
    """
    if request.method != "GET":
        draft_id, save_key = parse_uuid(request.form.get("draft_id")), posted_save_key()
    elif keys is not None:
        draft_id, save_key = keys.draft_id, keys.save_key
    else:
        draft_id, save_key = draft.id if draft else None, None
    return {"draft_id": str(draft_id or uuid.uuid4()), "save_key": str(save_key or uuid.uuid4())}


def page_saved(owner_id: int) -> None:
    """After a page's save (not committed yet): record its key and delete its draft, if any. Commits."""
    record_saved(owner_id, posted_save_key())
    discard_draft_by_id(owner_id, parse_uuid(request.form.get("draft_id")))


def describe(draft: DraftView) -> tuple[str, str]:
    """A draft's name and first words, for the drafts list: an entry's title, or the page's label."""
    page = pages().get(draft.row.kind)
    if page is None:
        return draft.title or _("Untitled draft"), draft.preview
    return str(page.label), draft.preview_of(page.text_fields)
