"""Connections, sharing, replies and the access log: the rules, in one module."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from journal import audit
from journal.audit import Event
from journal.clock import utcnow
from journal.extensions import db
from journal.models import (
    AccessAction,
    AccessLog,
    Connection,
    Entry,
    EntryShare,
    Reply,
    Role,
    SessionShare,
    TherapistInvite,
    TreatmentSession,
    User,
)
from journal.sharing import phones, summaries
from journal.vault import seal_row, unseal_row

# No 0/O or 1/I/L: codes are read aloud and typed by hand.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
REPLY_MAX = 20_000


class SharingError(ValueError):
    """A sharing request that cannot be granted; the message is for the user."""


# Invites ------------------------------------------------------------------


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def current_invite(therapist: User) -> TherapistInvite:
    """The therapist's code and link token, created on first use. Commits."""
    invite = db.session.get(TherapistInvite, therapist.id)
    if invite is None:
        invite = TherapistInvite(therapist_id=therapist.id, code=_new_code(), token=secrets.token_urlsafe(32))
        db.session.add(invite)
        db.session.commit()
    return invite


def renew_invite(therapist: User) -> TherapistInvite:
    """Replace the code and link; the old ones stop working at once. Commits."""
    invite = current_invite(therapist)
    invite.code, invite.token, invite.created_at = _new_code(), secrets.token_urlsafe(32), utcnow()
    db.session.commit()
    return invite


def normalize_code(code: str) -> str:
    """Accept codes typed in any case, with spaces or dashes."""
    return "".join(char for char in code.upper() if char.isalnum())


def therapist_for_invite(*, code: str | None = None, token: str | None = None) -> User | None:
    """The active therapist behind a code or link token, or None."""
    if code:
        condition = TherapistInvite.code == normalize_code(code)
    elif token:
        condition = TherapistInvite.token == token
    else:
        return None
    return db.session.scalar(
        select(User)
        .join(TherapistInvite, TherapistInvite.therapist_id == User.id)
        .where(condition, User.role == Role.THERAPIST, User.active.is_(True))
    )


# Connections --------------------------------------------------------------


def connect(patient: User, therapist: User, *, safety_alerts: bool = False, phone: str = "") -> Connection:
    """Record the patient's consent to connect (again), with their own choice on safety alerts and the phone
    number (if any) they give this therapist for them. Commits."""
    connection = db.session.scalar(
        select(Connection).where(Connection.patient_id == patient.id, Connection.therapist_id == therapist.id)
    )
    if connection is None:
        connection = Connection(
            patient_id=patient.id, therapist_id=therapist.id, auto_share=False, safety_alerts=safety_alerts
        )
        db.session.add(connection)
    elif connection.is_active:
        raise SharingError(_("You are already connected with %(name)s.", name=therapist.display_name))
    else:
        connection.ended_at, connection.auto_share, connection.created_at = None, False, utcnow()
        connection.safety_alerts = safety_alerts
    phones.keep_phone(connection, phone)
    summaries.invalidate(patient.id, therapist.id)
    db.session.commit()
    return connection


def end_connection(connection: Connection) -> None:
    """End a connection and withdraw everything shared under it, at once. Commits.

    Every choice made under it goes too: connecting again asks afresh.
    """
    connection.ended_at = utcnow()
    connection.share_measures = connection.share_safety_plan = connection.safety_alerts = False
    phones.keep_phone(connection, "")
    patient_entries = select(Entry.id).where(Entry.owner_id == connection.patient_id)
    patient_sessions = select(TreatmentSession.id).where(TreatmentSession.owner_id == connection.patient_id)
    db.session.execute(
        delete(EntryShare).where(
            EntryShare.therapist_id == connection.therapist_id, EntryShare.entry_id.in_(patient_entries)
        )
    )
    db.session.execute(
        delete(SessionShare).where(
            SessionShare.therapist_id == connection.therapist_id, SessionShare.session_id.in_(patient_sessions)
        )
    )
    summaries.invalidate(connection.patient_id, connection.therapist_id)
    db.session.commit()


def active_connection(patient_id: int, therapist_id: int) -> Connection | None:
    return db.session.scalar(
        select(Connection).where(
            Connection.patient_id == patient_id, Connection.therapist_id == therapist_id, Connection.is_active
        )
    )


def patient_connections(patient_id: int) -> list[tuple[Connection, User]]:
    """The patient's active connections with their therapists, oldest first."""
    return list(
        db.session.execute(
            select(Connection, User)
            .join(User, User.id == Connection.therapist_id)
            .where(Connection.patient_id == patient_id, Connection.is_active)
            .order_by(Connection.created_at)
        ).all()
    )


# Sharing ------------------------------------------------------------------


def _connected_therapist_ids(patient_id: int) -> set[int]:
    return {connection.therapist_id for connection, _ in patient_connections(patient_id)}


def _set_shares(model, column: str, record, therapist_ids: set[int]) -> None:
    """Make ``model`` rows for ``record`` match exactly these connected therapists. Commits."""
    if therapist_ids - _connected_therapist_ids(record.owner_id):
        raise SharingError(_("You can only share with a therapist you are connected with."))
    record_column = getattr(model, column)
    current = set(db.session.scalars(select(model.therapist_id).where(record_column == record.id)))
    db.session.execute(delete(model).where(record_column == record.id, model.therapist_id.in_(current - therapist_ids)))
    db.session.add_all(model(**{column: record.id, "therapist_id": t}) for t in therapist_ids - current)
    for therapist_id in current ^ therapist_ids:
        summaries.invalidate(record.owner_id, therapist_id)
    db.session.commit()


def set_entry_sharing(entry: Entry, therapist_ids: set[int]) -> None:
    """Share a live entry with exactly these connected therapists. Commits."""
    if not entry.is_live:
        raise SharingError(_("Entries in the trash cannot be shared."))
    _set_shares(EntryShare, "entry_id", entry, therapist_ids)


def set_session_sharing(session: TreatmentSession, therapist_ids: set[int]) -> None:
    """Show a session's date, medicine and intention to exactly these connected therapists. Commits."""
    _set_shares(SessionShare, "session_id", session, therapist_ids)


def share_automatically(entry: Entry) -> None:
    """Share a new entry with every therapist the patient chose to share new entries with.

    Part of the caller's transaction: ``create_entry(also=share_automatically)``.
    Safe to call again for the same entry (a final save sent twice): existing shares are kept as they are.
    """
    db.session.flush()  # the entry's row comes first
    therapist_ids = set(
        db.session.scalars(
            select(Connection.therapist_id).where(
                Connection.patient_id == entry.owner_id, Connection.is_active, Connection.auto_share.is_(True)
            )
        )
    )
    therapist_ids -= shared_with([entry.id])[entry.id]
    if therapist_ids:
        db.session.add_all(EntryShare(entry_id=entry.id, therapist_id=t) for t in therapist_ids)
        summaries.invalidate(entry.owner_id)


def shared_with(entry_ids: list[uuid.UUID]) -> dict[uuid.UUID, set[int]]:
    """Which therapists each entry is shared with (one query)."""
    result: dict[uuid.UUID, set[int]] = {entry_id: set() for entry_id in entry_ids}
    for entry_id, therapist_id in db.session.execute(
        select(EntryShare.entry_id, EntryShare.therapist_id).where(EntryShare.entry_id.in_(entry_ids))
    ):
        result[entry_id].add(therapist_id)
    return result


def session_shared_with(session_id: uuid.UUID) -> set[int]:
    return set(db.session.scalars(select(SessionShare.therapist_id).where(SessionShare.session_id == session_id)))


def mark_changed(entry: Entry) -> None:
    """An edited entry is new again for every therapist it is shared with. Joins the caller's transaction
    (``update_entry``'s ``on_change``)."""
    for share in db.session.scalars(select(EntryShare).where(EntryShare.entry_id == entry.id)):
        share.reviewed_at = None
    summaries.invalidate(entry.owner_id)


def thread_partners(patient_id: int, entry_id: uuid.UUID) -> list[tuple[User, bool]]:
    """Therapists with a thread on this entry or connected now; True where the patient can still write."""
    connected = {therapist.id: therapist for _, therapist in patient_connections(patient_id)}
    past_ids = set(db.session.scalars(select(Reply.therapist_id).where(Reply.entry_id == entry_id))) - connected.keys()
    past = db.session.scalars(select(User).where(User.id.in_(past_ids))).all()
    return [(t, True) for t in connected.values()] + [(t, False) for t in past]


def mark_reviewed(share: EntryShare) -> None:
    """Mark one shared entry reviewed by its therapist. Commits."""
    if share.reviewed_at is None:
        share.reviewed_at = utcnow()
        summaries.invalidate(db.session.get(Entry, share.entry_id).owner_id, share.therapist_id)
    db.session.commit()


# Replies ------------------------------------------------------------------


@dataclass
class ReplyView:
    row: Reply
    text: str
    author_name: str

    @property
    def from_therapist(self) -> bool:
        return self.row.author_id == self.row.therapist_id


def add_reply(entry: Entry, therapist_id: int, author: User, text: str) -> Reply:
    """Add a message to the thread of one entry between its author and one therapist. Commits."""
    reply = Reply(
        id=uuid.uuid4(),
        entry_id=entry.id,
        owner_id=entry.owner_id,
        therapist_id=therapist_id,
        author_id=author.id,
        created_at=utcnow(),
    )
    seal_row(reply, {"text": text})
    db.session.add(reply)
    db.session.commit()
    return reply


def thread(entry: Entry, therapist_id: int) -> list[ReplyView]:
    rows = db.session.execute(
        select(Reply, User.display_name)
        .join(User, User.id == Reply.author_id)
        .where(Reply.entry_id == entry.id, Reply.therapist_id == therapist_id)
        .order_by(Reply.created_at)
    )
    return [ReplyView(row, unseal_row(row)["text"], name) for row, name in rows]


def mark_thread_read(entry: Entry, therapist_id: int, reader: User) -> None:
    """Mark the other side's messages in a thread as read by ``reader``. Commits."""
    unread = db.session.scalars(
        select(Reply).where(
            Reply.entry_id == entry.id,
            Reply.therapist_id == therapist_id,
            Reply.author_id != reader.id,
            Reply.read_at.is_(None),
        )
    )
    now = utcnow()
    for reply in unread:
        reply.read_at = now
    db.session.commit()


def _unread_for_patient(patient_id: int):
    """Select the therapist messages the patient has not opened yet, from therapists still connected."""
    return (
        select(Reply)
        .join(
            Connection,
            (Connection.patient_id == Reply.owner_id)
            & (Connection.therapist_id == Reply.therapist_id)
            & Connection.is_active,
        )
        .join(Entry, (Entry.id == Reply.entry_id) & Entry.is_live)
        .where(Reply.owner_id == patient_id, Reply.author_id == Reply.therapist_id, Reply.read_at.is_(None))
    )


def unread_replies_for_patient(patient_id: int) -> int:
    """How many therapist messages the patient has not opened yet (the Therapists badge)."""
    return db.session.scalar(_unread_for_patient(patient_id).with_only_columns(func.count())) or 0


def first_unread_for_patient(patient_id: int) -> tuple[uuid.UUID, int] | None:
    """The entry and therapist of the oldest message the patient has not opened yet: where the badge leads."""
    return db.session.execute(
        _unread_for_patient(patient_id)
        .with_only_columns(Reply.entry_id, Reply.therapist_id)
        .order_by(Reply.created_at, Reply.id)
        .limit(1)
    ).first()


# Access log ---------------------------------------------------------------


def record_access(patient_id: int, therapist_id: int, action: AccessAction, entry_id: uuid.UUID | None = None) -> None:
    """Write one line of the patient's access log (never any text). Commits."""
    db.session.add(
        AccessLog(patient_id=patient_id, therapist_id=therapist_id, action=action, entry_id=entry_id, at=utcnow())
    )
    db.session.commit()
    audit.record(
        Event.THERAPIST_ACCESS,
        subject_id=patient_id,
        actor_id=therapist_id,
        detail=f"{action.value}" + (f" entry={entry_id}" if entry_id else ""),
    )


ACCESS_LOG_PAGE = 100


def access_log(patient_id: int, page: int = 1) -> tuple[list[tuple[AccessLog, str | None]], bool]:
    """One page of accesses to a patient's journal, newest first, and whether older ones exist."""
    rows: list[tuple[AccessLog, str | None]] = list(
        db.session.execute(
            select(AccessLog, User.display_name)
            .outerjoin(User, User.id == AccessLog.therapist_id)
            .where(AccessLog.patient_id == patient_id)
            .order_by(AccessLog.at.desc(), AccessLog.id.desc())
            .limit(ACCESS_LOG_PAGE + 1)
            .offset((page - 1) * ACCESS_LOG_PAGE)
        ).all()
    )
    return rows[:ACCESS_LOG_PAGE], len(rows) > ACCESS_LOG_PAGE


def last_views(entry_id: uuid.UUID) -> list[tuple[str, datetime]]:
    """For one entry: each therapist who read it, and when they last did."""
    return list(
        db.session.execute(
            select(User.display_name, func.max(AccessLog.at))
            .join(User, User.id == AccessLog.therapist_id)
            .where(AccessLog.entry_id == entry_id, AccessLog.action == AccessAction.VIEW_ENTRY)
            .group_by(User.id, User.display_name)
            .order_by(func.max(AccessLog.at).desc())
        ).all()
    )
