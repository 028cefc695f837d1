"""Deleting an account, so that it stays deleted, even in an old backup.

Deleting a user removes every row they own (sessions, entries, drafts,
shares, connections, replies, login sessions, tokens) and their data key, by
the database's ON DELETE CASCADE. A database backup taken before still holds
that data key, wrapped by the master key, so the deletion is also written to
the **deletion ledger** (``DELETION_LEDGER``, by default
``instance/deletions.ledger``): a file kept with the keys, apart from the
database backups, holding only account ids and times. ``flask restore``
applies the ledger after every restore, so a journal deleted after a backup
was taken does not come back with it.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, select

from journal import audit
from journal.audit import Event
from journal.clock import utcnow
from journal.extensions import db
from journal.models import ClosedConnection, Connection, DataKey, Role, User

log = logging.getLogger(__name__)

CONFIRM_WORD = "DELETE"


def ledger_path() -> Path:
    configured = current_app.config.get("DELETION_LEDGER")
    return Path(configured) if configured else Path(current_app.instance_path) / "deletions.ledger"


def _append_to_ledger(user_id: int, when: str) -> None:
    """Append one line, flushed to disk before the database forgets anything (0600, created if missing)."""
    path = ledger_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps({"user_id": user_id, "deleted_at": when}) + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def deleted_ids() -> set[int]:
    """Every account id the ledger says was deleted."""
    path = ledger_path()
    if not path.exists():
        return set()
    ids = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                ids.add(int(json.loads(line)["user_id"]))
            except (ValueError, KeyError, TypeError):
                raise RuntimeError(f"{path}, line {number}: not a deletion record") from None
    return ids


def delete_account(user: User) -> None:
    """Delete a patient's account and everything in it, for good. Commits; audited without name or email.

    The caller has checked the password, the second factor and the typed word.
    """
    if user.role != Role.PATIENT:
        raise ValueError("only patients delete their own accounts here")
    now = utcnow()
    _append_to_ledger(user.id, now.isoformat())
    for connection in db.session.scalars(select(Connection).where(Connection.patient_id == user.id,
                                                                  Connection.is_active)):
        db.session.add(ClosedConnection(therapist_id=connection.therapist_id, former_patient_id=user.id,
                                        connected_at=connection.created_at, closed_at=now))
    _forget(user.id)
    db.session.commit()
    audit.record(Event.ACCOUNT_DELETED, subject_id=user.id, actor_id=user.id)
    log.info("account deleted: user=%s", user.id)


def _forget(user_id: int) -> None:
    """Delete the data key first (crypto-shredding), then the account row; the database cascades the rest."""
    db.session.execute(delete(DataKey).where(DataKey.user_id == user_id))
    db.session.execute(delete(User).where(User.id == user_id))
    db.session.expunge_all()  # nothing of theirs lingers in this session


def apply_ledger() -> int:
    """Delete again every ledger account that a restored backup brought back; return how many. Commits."""
    ledger = deleted_ids()
    back = set(db.session.scalars(select(User.id).where(User.id.in_(ledger)))) if ledger else set()
    for user_id in back:
        _forget(user_id)
    db.session.commit()
    return len(back)
