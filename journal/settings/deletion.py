"""Deleting an account, so that it stays deleted, even in an old backup.

Deleting a user removes every row they own (sessions, entries, drafts,
shares, connections, replies, login sessions, tokens) and their data key, by
the database's ON DELETE CASCADE. What their therapists wrote about them is
kept apart first, as those therapists' own clinical records
(``journal.therapist.records``), for ``CLINICAL_RECORD_RETENTION_DAYS``.

A database backup taken before still holds that data key, wrapped by the
master key, so the deletion is also written to the **deletion ledger**
(``DELETION_LEDGER``, by default ``instance/deletions.ledger``): a file kept
with the keys, apart from the database backups, holding only account ids and
times. ``flask restore`` applies the ledger after every restore, so a journal
deleted after a backup was taken does not come back with it.
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
from journal.therapist.records import retain_records

log = logging.getLogger(__name__)

CONFIRM_WORD = "DELETE"


def ledger_path() -> Path:
    configured = current_app.config.get("DELETION_LEDGER")
    return Path(configured) if configured else Path(current_app.instance_path) / "deletions.ledger"


def _append_to_ledger(user_id: int, created_at: str, when: str) -> None:
    """Append one line, flushed to disk before the database forgets anything (0600, created if missing)."""
    path = ledger_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        record = {"user_id": user_id, "created_at": created_at, "deleted_at": when}
        os.write(fd, (json.dumps(record) + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def deleted_accounts() -> set[tuple[int, str]]:
    """Every (account id, creation time) the ledger says was deleted.

    The creation time tells a deleted account from a newer one that was given
    the same id (SQLite reuses the highest id; a restored PostgreSQL sequence
    hands out ids again). Raises LedgerUnreadable on a damaged line.
    """
    path = ledger_path()
    if not path.exists():
        return set()
    accounts = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                record = json.loads(line)
                accounts.add((int(record["user_id"]), str(record["created_at"])))
            except (ValueError, KeyError, TypeError):
                raise LedgerUnreadable(f"{path}, line {number}: not a deletion record") from None
    return accounts


class LedgerUnreadable(RuntimeError):
    """The deletion ledger has a line that is not a deletion record; nothing was restored."""


def delete_account(user: User) -> None:
    """Delete a patient's account and everything in it, for good. Commits; audited without name or email.

    Each therapist keeps their own record of the patient (``therapist.records``: their notes and the
    alert history, no journal text), sealed under their key, until the retention time ends.
    The caller has checked the password, the second factor and the typed word.
    """
    if user.role != Role.PATIENT:
        raise ValueError("only patients delete their own accounts here")
    now = utcnow()
    _append_to_ledger(user.id, user.created_at.isoformat(), now.isoformat())
    for connection in db.session.scalars(
        select(Connection).where(Connection.patient_id == user.id, Connection.is_active)
    ):
        db.session.add(
            ClosedConnection(
                therapist_id=connection.therapist_id,
                former_patient_id=user.id,
                connected_at=connection.created_at,
                closed_at=now,
            )
        )
    retain_records(user, now)  # before the data key goes: the alert notes are sealed under it
    _forget(user.id)
    db.session.commit()
    audit.record(Event.ACCOUNT_DELETED, subject_id=user.id, actor_id=user.id)
    log.info("account deleted: user=%s", user.id)


def _forget(user_id: int) -> None:
    """Delete the data key first (crypto-shredding), then the account row; the database cascades the rest."""
    db.session.execute(delete(DataKey).where(DataKey.user_id == user_id))
    db.session.execute(delete(User).where(User.id == user_id))
    db.session.expunge_all()  # nothing of theirs lingers in this session


def apply_ledger(ledger: set[tuple[int, str]]) -> int:
    """Delete again every ledger account that a restored backup brought back; return how many. Commits.

    ``ledger`` is read (``deleted_accounts``) before the restore, so a damaged ledger stops it first. The
    backup predates the deletion, so it predates the therapists' retained records too: they are made again
    here, dated from now (kept a little longer, never lost).
    """
    ids = {user_id for user_id, _ in ledger}
    rows = db.session.execute(select(User.id, User.created_at).where(User.id.in_(ids))).all() if ids else []
    back = {user_id for user_id, created_at in rows if (user_id, created_at.isoformat()) in ledger}
    for user_id in back:
        retain_records(db.session.get_one(User, user_id), utcnow())
        _forget(user_id)
    db.session.commit()
    return len(back)
