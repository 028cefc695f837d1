"""The app's side of encryption: the keyring, users' data keys, sealing rows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask, current_app, g
from sqlalchemy import select

from journal import crypto
from journal.extensions import db
from journal.models.keys import DataKey

EXTENSION = "journal.keyring"
INDEX_KEY_INFO = "journal blind index v1"


class SealedRow(Protocol):
    """A row whose private content is one encrypted blob (read-only members, so mapped columns fit)."""

    @property
    def __tablename__(self) -> str: ...

    @property
    def id(self) -> object: ...

    @property
    def owner_id(self) -> int: ...

    @property
    def sealed(self) -> bytes: ...


class WritableSealedRow(SealedRow, Protocol):
    """A row to seal: its blob can be written."""

    @property
    def sealed(self) -> bytes: ...

    @sealed.setter
    def sealed(self, value: bytes) -> None: ...


def init_vault(app: Flask) -> None:
    """Load the master keyring from ``JOURNAL_MASTER_KEY`` or ``instance/master.key``.

    Outside production a missing key file is created; production refuses to
    start without one, since a key made by accident would be lost with the host.
    """
    configured = app.config.get("MASTER_KEY")
    if configured:
        keyring = crypto.Keyring.parse(str(configured))
    else:
        create = app.config["ENV_NAME"] != "production"
        keyring = crypto.load_or_create_keyring_file(Path(app.instance_path), create=create)
        if keyring is None:
            raise RuntimeError(
                "Production needs a master key: run 'flask --app journal keys init' "
                "or set JOURNAL_MASTER_KEY (see README, Encryption)."
            )
    app.extensions[EXTENSION] = keyring


def keyring() -> crypto.Keyring:
    return current_app.extensions[EXTENSION]


def _cache() -> dict[int, tuple[int, bytes]]:
    if "data_keys" not in g:
        g.data_keys = {}
    return g.data_keys


def data_key(user_id: int) -> tuple[int, bytes]:
    """Return (version, key) for a user, creating the key on first use."""
    cache = _cache()
    if user_id not in cache:
        with db.session.no_autoflush:  # the row being sealed is not complete yet
            row = db.session.scalar(
                select(DataKey).where(DataKey.user_id == user_id).order_by(DataKey.version.desc()).limit(1)
            )
        if row is None:
            key = crypto.new_data_key()
            master_id, wrapped = keyring().wrap(key, user_id)
            db.session.add(DataKey(user_id=user_id, version=1, master_key_id=master_id, wrapped=wrapped))
            cache[user_id] = (1, key)
        else:
            cache[user_id] = (row.version, keyring().unwrap(row.master_key_id, row.wrapped, user_id))
    return cache[user_id]


def index_key(user_id: int) -> bytes:
    """Return the user's blind-index key, derived from their data key (HKDF-SHA256).

    Derived, not stored: it changes only if the data key does, and master-key
    rotation rewraps data keys without changing them, so the index survives it.
    """
    if "index_keys" not in g:
        g.index_keys = {}
    if user_id not in g.index_keys:
        version, key = data_key(user_id)
        info = f"{INDEX_KEY_INFO}|user={user_id}|key={version}".encode()
        g.index_keys[user_id] = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)
    return g.index_keys[user_id]


def preload_data_keys(user_ids) -> None:
    """Load several users' data keys in one query, so unsealing one row each costs no query per user."""
    cache = _cache()
    missing = set(user_ids) - cache.keys()
    if missing:
        for row in db.session.scalars(select(DataKey).where(DataKey.user_id.in_(missing)).order_by(DataKey.version)):
            cache[row.user_id] = (row.version, keyring().unwrap(row.master_key_id, row.wrapped, row.user_id))


def seal_row(row: WritableSealedRow, payload: dict) -> None:
    """Encrypt ``payload`` into ``row.sealed``, bound to that row and owner."""
    version, key = data_key(row.owner_id)
    row.sealed = crypto.seal(
        key, version, table=row.__tablename__, row_id=str(row.id), owner_id=row.owner_id, payload=payload
    )


def _key_for(row: SealedRow) -> bytes:
    """The owner's data key that sealed this row."""
    version = crypto.blob_key_version(row.sealed)
    key_version, key = data_key(row.owner_id)
    if version != key_version:  # only one data-key version exists today
        raise crypto.DecryptionError(f"data key version {version} is not available")
    return key


def unseal_row(row: SealedRow) -> dict:
    """Decrypt ``row.sealed``; raises crypto.DecryptionError if it was moved or altered."""
    return crypto.unseal(_key_for(row), row.sealed, table=row.__tablename__, row_id=str(row.id), owner_id=row.owner_id)


def seal_row_bytes(row: WritableSealedRow, data: bytes) -> None:
    """Encrypt raw bytes (a picture) into ``row.sealed``, bound to that row and owner, as ``seal_row`` does."""
    version, key = data_key(row.owner_id)
    row.sealed = crypto.seal_bytes(
        key, version, table=row.__tablename__, row_id=str(row.id), owner_id=row.owner_id, data=data
    )


def unseal_row_bytes(row: SealedRow) -> bytes:
    """Decrypt ``row.sealed`` to bytes; raises crypto.DecryptionError if it was moved or altered."""
    return crypto.unseal_bytes(
        _key_for(row), row.sealed, table=row.__tablename__, row_id=str(row.id), owner_id=row.owner_id
    )


def rewrap_all() -> Counter:
    """Rewrap every data key under the active master key; return counts by old key id. Commits."""
    ring = keyring()
    moved: Counter = Counter()
    for row in db.session.scalars(select(DataKey)):
        if row.master_key_id == ring.active_id:
            continue
        key = ring.unwrap(row.master_key_id, row.wrapped, row.user_id)
        moved[row.master_key_id] += 1
        row.master_key_id, row.wrapped = ring.wrap(key, row.user_id)
    db.session.commit()
    return moved


def master_keys_open_data_keys() -> bool:
    """Whether every master key that wraps a data key is configured and opens one of them (for readiness)."""
    ring = keyring()
    for master_id in db.session.scalars(select(DataKey.master_key_id).distinct()):
        sample = db.session.scalars(select(DataKey).where(DataKey.master_key_id == master_id).limit(1)).one()
        try:
            ring.unwrap(sample.master_key_id, sample.wrapped, sample.user_id)
        except crypto.DecryptionError:
            return False
    return True


def keys_in_use() -> Counter:
    """Count data keys by the master key that wraps them."""
    return Counter(db.session.scalars(select(DataKey.master_key_id)))
