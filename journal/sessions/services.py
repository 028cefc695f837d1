"""Treatment sessions: create, read, update, delete, with the private parts sealed."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import func, select

from journal.extensions import db
from journal.models import Medicine, Setting, TreatmentSession
from journal.timezones import format_local
from journal.vault import seal_row, unseal_row


@dataclass
class SessionDetails:
    """What a patient writes about a session; sealed as one blob."""

    intention: str = ""
    notes: str = ""
    medicine_other: str = ""
    setting_other: str = ""


@dataclass
class SessionView:
    """A session whose private details are decrypted on first use, for one request.

    Lists name sessions by date and medicine, which are plain columns: only a
    session whose medicine is "other" is decrypted to be named.
    """

    row: TreatmentSession

    @cached_property
    def details(self) -> SessionDetails:
        return SessionDetails(**unseal_row(self.row))

    @property
    def id(self) -> uuid.UUID:
        return self.row.id

    @property
    def occurred_at(self) -> datetime:
        return self.row.occurred_at

    @property
    def medicine_label(self) -> str:
        if self.row.medicine == Medicine.OTHER and self.details.medicine_other:
            return self.details.medicine_other
        return self.row.medicine.label

    @property
    def setting_label(self) -> str:
        if self.row.setting == Setting.OTHER and self.details.setting_other:
            return self.details.setting_other
        return self.row.setting.label


def open_session(row: TreatmentSession) -> SessionView:
    return SessionView(row)


def save_session(
    row: TreatmentSession | None,
    *,
    owner_id: int,
    occurred_at: datetime,
    medicine: Medicine,
    setting: Setting,
    details: SessionDetails,
    session_id: uuid.UUID | None = None,
    commit: bool = True,
) -> TreatmentSession:
    """Create (row None) or update a session. Commits, unless an import asks it not to.

    ``session_id`` names a new session (imports derive it from the source's id).
    """
    if row is None:
        row = TreatmentSession(id=session_id or uuid.uuid4(), owner_id=owner_id)
    row.occurred_at, row.medicine, row.setting = occurred_at, medicine, setting
    seal_row(row, details.__dict__)
    db.session.add(row)
    if commit:
        db.session.commit()
    return row


def save_new_session(*, owner_id: int, save_key: uuid.UUID | None, **fields) -> TreatmentSession:
    """Create the session a new-session page makes; that page sent again updates it instead.

    The page's ``save_key`` becomes the session's id, so a form sent twice (Back and Save, a retry, a
    double click) makes one session, with the latest text. Another person's id is never reused.
    ``fields`` are ``save_session``'s.
    """
    earlier = db.session.get(TreatmentSession, save_key) if save_key is not None else None
    if earlier is not None and earlier.owner_id == owner_id:
        return save_session(earlier, owner_id=owner_id, **fields)
    return save_session(None, owner_id=owner_id, session_id=save_key if earlier is None else None, **fields)


def delete_session(row: TreatmentSession) -> None:
    """Delete a session; its entries stay in the journal, no longer tied to it. Commits."""
    db.session.delete(row)
    db.session.commit()


def session_options(sessions: list[SessionView], zone: str) -> list[tuple[str, str]]:
    """(id, label) pairs naming each session by its local date and medicine."""
    return [(str(s.id), f"{format_local(s.occurred_at, zone, '%-d %b %Y')} · {s.medicine_label}") for s in sessions]


MENU_SIZE = 30  # sessions offered in a menu, latest first; an older one is reached from its own page
PAGE_SIZE = 20  # sessions per page of the timeline


def session_menu(owner_id: int, zone: str, keep: Iterable[uuid.UUID | None] = ()) -> list[tuple[str, str]]:
    """(id, label) for a session menu: the latest MENU_SIZE sessions, and ``keep`` (already chosen) if older."""
    sessions = latest_sessions(owner_id, MENU_SIZE)
    missing = {session_id for session_id in keep if session_id} - {s.id for s in sessions}
    if missing:
        sessions += sorted(sessions_by_id(owner_id, missing).values(), key=lambda s: s.occurred_at, reverse=True)
    return session_options(sessions, zone)


def latest_sessions(owner_id: int, limit: int, offset: int = 0) -> list[SessionView]:
    """A window of a patient's sessions, latest first (one query; details decrypted on first use)."""
    rows = db.session.scalars(
        select(TreatmentSession)
        .where(TreatmentSession.owner_id == owner_id)
        .order_by(TreatmentSession.occurred_at.desc(), TreatmentSession.id)
        .limit(limit)
        .offset(offset)
    )
    return [open_session(row) for row in rows]


def sessions_since(owner_id: int, moment: datetime) -> list[SessionView]:
    """Sessions at or after ``moment`` (planned ones included), latest first (one query)."""
    rows = db.session.scalars(
        select(TreatmentSession)
        .where(TreatmentSession.owner_id == owner_id, TreatmentSession.occurred_at >= moment)
        .order_by(TreatmentSession.occurred_at.desc())
    )
    return [open_session(row) for row in rows]


def count_sessions(owner_id: int) -> int:
    return db.session.scalar(select(func.count()).where(TreatmentSession.owner_id == owner_id))


def sessions_by_id(owner_id: int, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, SessionView]:
    """The patient's own sessions among ``ids``, by id (one query)."""
    wanted = {session_id for session_id in ids if session_id}
    if not wanted:
        return {}
    rows = db.session.scalars(
        select(TreatmentSession).where(TreatmentSession.owner_id == owner_id, TreatmentSession.id.in_(wanted))
    )
    return {row.id: open_session(row) for row in rows}


def list_sessions(owner_id: int) -> list[SessionView]:
    """All of a patient's sessions, latest first, decrypted (one query)."""
    rows = db.session.scalars(
        select(TreatmentSession)
        .where(TreatmentSession.owner_id == owner_id)
        .order_by(TreatmentSession.occurred_at.desc())
    )
    return [open_session(row) for row in rows]
