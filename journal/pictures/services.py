"""Adding, reading and removing an entry's pictures. Who may reach them is decided in ``journal.access``."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import delete, func, select
from sqlalchemy.orm import defer

from journal.extensions import db
from journal.models import Entry, EntryPicture
from journal.pictures.processing import PictureRefused, Prepared, allow_pixels, prepare
from journal.vault import seal_row_bytes, unseal_row_bytes

MAX_PER_ENTRY = 10


def count_pictures(entry_id: uuid.UUID) -> int:
    return db.session.scalar(select(func.count()).select_from(EntryPicture).where(EntryPicture.entry_id == entry_id))


def add_pictures(entry: Entry, files: list[bytes], *, commit: bool = True) -> list[EntryPicture]:
    """Re-encode, seal and add pictures to an entry: all of them or, on any refusal, none.

    Commits, unless ``commit=False`` (an import adds them in its own transaction).
    """
    if not files:
        raise PictureRefused(_("Please choose a picture first."))
    check_room(entry.id, len(files))
    return add_prepared(entry, prepare_all(files), commit=commit)


def check_room(entry_id: uuid.UUID, adding: int, already: int | None = None) -> None:
    """Refuse more than ``MAX_PER_ENTRY`` pictures on one entry."""
    already = count_pictures(entry_id) if already is None else already
    if already + adding > MAX_PER_ENTRY:
        room = MAX_PER_ENTRY - already
        raise PictureRefused(
            ngettext(
                "An entry holds up to %(max)d pictures; there is room for %(num)d more here.",
                "An entry holds up to %(max)d pictures; there is room for %(num)d more here.",
                room,
                max=MAX_PER_ENTRY,
            )
        )


def prepare_one(data: bytes) -> Prepared:
    """Check, decode and re-encode one file within the configured pixel cap (``PICTURE_MAX_PIXELS``)."""
    max_pixels = current_app.config["PICTURE_MAX_PIXELS"]
    allow_pixels(max_pixels)
    return prepare(data, max_pixels)


def prepare_all(files: list[bytes]) -> list[Prepared]:
    """Every file checked and re-encoded, or PictureRefused naming the first that is not a picture we keep."""
    prepared = []
    for number, data in enumerate(files, 1):
        try:
            prepared.append(prepare_one(data))
        except PictureRefused as refused:
            raise PictureRefused(
                _("Picture %(number)d: %(reason)s Nothing was added.", number=number, reason=refused)
            ) from None
    return prepared


def add_prepared(entry: Entry, prepared: list[Prepared], *, commit: bool = True) -> list[EntryPicture]:
    """Seal and add pictures already checked (``prepare_all``) after the entry's own. Commits unless told not to."""
    last = db.session.scalar(select(func.max(EntryPicture.position)).where(EntryPicture.entry_id == entry.id))
    rows = []
    for position, picture in enumerate(prepared, 0 if last is None else last + 1):
        row = EntryPicture(
            id=uuid.uuid4(),
            owner_id=entry.owner_id,
            entry_id=entry.id,
            position=position,
            mimetype=picture.mimetype,
            width=picture.width,
            height=picture.height,
        )
        seal_row_bytes(row, picture.data)
        rows.append(row)
    db.session.add_all(rows)
    if commit:
        db.session.commit()
    return rows


def pictures_of(entry_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[EntryPicture]]:
    """Each entry's pictures in order (one query): what they are, not the pictures themselves."""
    ids = list(entry_ids)
    result: dict[uuid.UUID, list[EntryPicture]] = {entry_id: [] for entry_id in ids}
    if ids:
        rows = db.session.scalars(
            select(EntryPicture)
            .options(defer(EntryPicture.sealed))
            .where(EntryPicture.entry_id.in_(ids))
            .order_by(EntryPicture.entry_id, EntryPicture.position)
        )
        for row in rows:
            result[row.entry_id].append(row)
    return result


def picture_bytes(row: EntryPicture) -> bytes:
    """The picture itself, decrypted in memory; the sealed copy is let go at once (an export reads many)."""
    data = unseal_row_bytes(row)
    db.session.expire(row, ["sealed"])
    return data


def remove_picture(row: EntryPicture) -> None:
    """Delete a picture for good. Commits."""
    db.session.execute(delete(EntryPicture).where(EntryPicture.id == row.id))
    db.session.commit()
