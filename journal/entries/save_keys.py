"""Save keys: every editor page (an entry's, a session's, the safety plan) is saved once.

A page carries a save key. A page that makes something new (``/entries/new``, ``/sessions/new``) names its
key in its address: a GET without one answers 303 to ``?draft=<id>``, a fresh id that is both the page's
draft id and its save key; a draft reopened from the list gets a fresh key of its own (``&key=``), so two
pages of one draft still make two entries. Back and reload then bring the same address and the same key,
with or without JavaScript: the new record takes the key as its id, so the page sent again lands on it,
and its address, once the draft is used up, leads to it (``saved_by_page``).

A save records its page's key (``record_saved``) in its own transaction; an autosave that the page sends
afterwards (one still on its way, or the page brought back by Back) is refused (``was_saved``) and leaves
no draft behind. Records are kept for a week.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from flask import request, url_for
from flask_login import current_user
from sqlalchemy import delete
from werkzeug.datastructures import MultiDict

from journal.access import deny, owned_or_404, owned_or_none
from journal.clock import utcnow
from journal.entries.forms import parse_uuid
from journal.extensions import db
from journal.models import Draft, Entry, SavedPage, TreatmentSession

KEPT_FOR = timedelta(days=7)  # late autosaves come within seconds; a page restored from history, within days

Made = TypeVar("Made", Entry, TreatmentSession)


@dataclass(frozen=True)
class PageKeys:
    """The ids a new page's address names."""

    draft_id: uuid.UUID
    save_key: uuid.UUID


def _id_arg(args: MultiDict, name: str) -> uuid.UUID | None:
    value = args.get(name)
    if not value:
        return None
    return parse_uuid(value) or deny()


def page_keys(args: MultiDict) -> PageKeys | None:
    """The draft id and save key this address names; None when it must name them first (``keyed_address``).

    A malformed id, or a draft of someone else's, is a 404 here, before any redirect.
    """
    draft_id, key = _id_arg(args, "draft"), _id_arg(args, "key")
    if draft_id is None:
        return None
    reopened = db.session.get(Draft, draft_id) is not None
    if reopened:
        owned_or_404(Draft, draft_id)
        if key is None:
            return None
    return PageKeys(draft_id, key or draft_id)


def keyed_address(endpoint: str, args: MultiDict) -> str:
    """This address with a fresh draft id (also the save key), or, for a draft reopened, a fresh key."""
    params = args.to_dict()
    fresh = str(uuid.uuid4())
    if parse_uuid(params.get("draft")) is None:
        params["draft"] = fresh
    else:
        params["key"] = fresh
    return url_for(endpoint, **params)


def saved_by_page(model: type[Made], keys: PageKeys | None) -> Made | None:
    """What this page already made: once its draft is used up, the writer's record whose id is its save key."""
    if keys is None or db.session.get(Draft, keys.draft_id) is not None:
        return None
    return owned_or_none(model, keys.save_key)


def entry_saved_by_key(save_key: uuid.UUID | None) -> Entry | None:
    """The writer's live entry this key already made (its save recorded), or None."""
    if save_key is None or not was_saved(current_user.id, save_key):
        return None
    made = owned_or_none(Entry, save_key)
    return made if made is not None and made.is_live else None


def posted_save_key() -> uuid.UUID | None:
    """The save key a posted page was sent with."""
    return parse_uuid(request.form.get("save_key"))


def record_saved(owner_id: int, save_key: uuid.UUID | None) -> None:
    """Remember that the page with this key was saved; joins the save's transaction (no commit)."""
    db.session.execute(
        delete(SavedPage).where(SavedPage.owner_id == owner_id, SavedPage.saved_at < utcnow() - KEPT_FOR)
    )
    if save_key is not None and db.session.get(SavedPage, (owner_id, save_key)) is None:
        db.session.add(SavedPage(owner_id=owner_id, save_key=save_key, saved_at=utcnow()))


def was_saved(owner_id: int, save_key: uuid.UUID | None) -> bool:
    """Whether the page with this key was saved (its late autosaves keep nothing)."""
    return save_key is not None and db.session.get(SavedPage, (owner_id, save_key)) is not None
