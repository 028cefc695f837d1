"""Treatment sessions: create, read, update, delete, with the private parts sealed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import select

from journal.extensions import db
from journal.models import Medicine, Setting, TreatmentSession
from journal.timezones import to_local
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
    row: TreatmentSession | None, *, owner_id: int, occurred_at: datetime, medicine: Medicine,
    setting: Setting, details: SessionDetails,
) -> TreatmentSession:
    """Create (row None) or update a session. Commits."""
    if row is None:
        row = TreatmentSession(id=uuid.uuid4(), owner_id=owner_id)
    row.occurred_at, row.medicine, row.setting = occurred_at, medicine, setting
    seal_row(row, details.__dict__)
    db.session.add(row)
    db.session.commit()
    return row


def delete_session(row: TreatmentSession) -> None:
    """Delete a session; its entries stay in the journal, no longer tied to it. Commits."""
    db.session.delete(row)
    db.session.commit()


def session_options(sessions: list[SessionView], zone: str) -> list[tuple[str, str]]:
    """(id, label) pairs naming each session by its local date and medicine."""
    return [(str(s.id), f"{to_local(s.occurred_at, zone):%-d %b %Y} · {s.medicine_label}") for s in sessions]


def list_sessions(owner_id: int) -> list[SessionView]:
    """All of a patient's sessions, latest first, decrypted (one query)."""
    rows = db.session.scalars(
        select(TreatmentSession).where(TreatmentSession.owner_id == owner_id)
        .order_by(TreatmentSession.occurred_at.desc())
    )
    return [open_session(row) for row in rows]
