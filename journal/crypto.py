"""Envelope encryption of journal text with AES-256-GCM.

Each user has a random data key. It is stored wrapped (encrypted) by a master
key that lives outside the database: ``instance/master.key`` or
``JOURNAL_MASTER_KEY``. Each sealed blob is bound, through the associated
data, to its table, row, owner and data-key version, so a blob copied to
another row or user does not decrypt. Rotating the master key rewraps data
keys; the sealed rows stay as they are.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from journal.config import make_private_folder

KEY_BYTES = 32
NONCE_BYTES = 12
BLOB_FORMAT = 1
_HEADER = struct.Struct(">BH")  # format, data-key version
MASTER_KEY_FILE = "master.key"
FILE_HEADER = (
    "# Integration Journal master keys: one 'id:base64' per line, the last one is active.\n"
    "# Without this file the journals in the database cannot be read. Keep it secret and backed up.\n"
)


class DecryptionError(Exception):
    """A blob did not decrypt: wrong key, wrong row, or tampered."""


@dataclass
class Keyring:
    """Master keys by id; the last one added is the one that wraps new keys."""

    keys: dict[int, bytes] = field(default_factory=dict)

    @property
    def active_id(self) -> int:
        return max(self.keys)

    @classmethod
    def parse(cls, text: str) -> Keyring:
        """Read ``id:base64`` entries separated by newlines, commas or semicolons."""
        keys: dict[int, bytes] = {}
        lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
        for raw in "\n".join(lines).replace(",", "\n").replace(";", "\n").splitlines():
            line = raw.strip()
            if not line:
                continue
            key_id, _, encoded = line.partition(":")
            key = base64.b64decode(encoded, validate=True)
            if not key_id.isdigit() or len(key) != KEY_BYTES:
                raise ValueError("each master key must be 'id:base64' of 32 random bytes")
            keys[int(key_id)] = key
        if not keys:
            raise ValueError("no master key found")
        return cls(keys)

    def dump(self) -> str:
        lines = (f"{key_id}:{base64.b64encode(key).decode()}" for key_id, key in sorted(self.keys.items()))
        return FILE_HEADER + "\n".join(lines) + "\n"

    def add_new_key(self) -> int:
        new_id = (max(self.keys) + 1) if self.keys else 1
        self.keys[new_id] = AESGCM.generate_key(bit_length=256)
        return new_id

    def wrap(self, data_key: bytes, user_id: int) -> tuple[int, bytes]:
        """Encrypt a user's data key under the active master key."""
        key_id = self.active_id
        nonce = os.urandom(NONCE_BYTES)
        wrapped = AESGCM(self.keys[key_id]).encrypt(nonce, data_key, _wrap_aad(user_id, key_id))
        return key_id, nonce + wrapped

    def unwrap(self, key_id: int, blob: bytes, user_id: int) -> bytes:
        try:
            master = self.keys[key_id]
        except KeyError:
            raise DecryptionError(f"master key {key_id} is not configured") from None
        try:
            return AESGCM(master).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], _wrap_aad(user_id, key_id))
        except InvalidTag:
            raise DecryptionError("data key does not belong to this user or master key") from None


def _wrap_aad(user_id: int, key_id: int) -> bytes:
    return f"ij-data-key|user={user_id}|master={key_id}".encode()


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _seal_aad(table: str, row_id: str, owner_id: int, key_version: int) -> bytes:
    return f"ij-row|{table}|{row_id}|owner={owner_id}|key={key_version}".encode()


def seal(data_key: bytes, key_version: int, *, table: str, row_id: str, owner_id: int, payload: dict) -> bytes:
    """Encrypt a JSON-able payload for one row of one owner."""
    plaintext = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return seal_bytes(data_key, key_version, table=table, row_id=row_id, owner_id=owner_id, data=plaintext)


def seal_bytes(data_key: bytes, key_version: int, *, table: str, row_id: str, owner_id: int, data: bytes) -> bytes:
    """Encrypt raw bytes (a picture) for one row of one owner, exactly as ``seal`` does a payload."""
    nonce = os.urandom(NONCE_BYTES)
    aad = _seal_aad(table, row_id, owner_id, key_version)
    return _HEADER.pack(BLOB_FORMAT, key_version) + nonce + AESGCM(data_key).encrypt(nonce, data, aad)


def blob_key_version(blob: bytes) -> int:
    """Return the data-key version a blob was sealed with."""
    fmt, version = _HEADER.unpack_from(blob)
    if fmt != BLOB_FORMAT:
        raise DecryptionError(f"unknown blob format {fmt}")
    return version


def unseal(data_key: bytes, blob: bytes, *, table: str, row_id: str, owner_id: int) -> dict:
    """Decrypt a payload sealed by ``seal`` for this very row and owner."""
    return json.loads(unseal_bytes(data_key, blob, table=table, row_id=row_id, owner_id=owner_id))


def unseal_bytes(data_key: bytes, blob: bytes, *, table: str, row_id: str, owner_id: int) -> bytes:
    """Decrypt bytes sealed by ``seal_bytes`` (or ``seal``) for this very row and owner."""
    version = blob_key_version(blob)
    start = _HEADER.size
    nonce, ciphertext = blob[start : start + NONCE_BYTES], blob[start + NONCE_BYTES :]
    try:
        plaintext = AESGCM(data_key).decrypt(nonce, ciphertext, _seal_aad(table, row_id, owner_id, version))
    except InvalidTag:
        raise DecryptionError(f"{table} row does not decrypt for this owner") from None
    return plaintext


def _secret_key(secret: str, purpose: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose.encode()).derive(secret.encode())


def encrypt_with_secret(secret: str, purpose: str, text: str) -> str:
    """Encrypt a short value for a signed-but-readable place (the cookie session), under a key derived
    from ``secret`` for this one ``purpose``; URL-safe text."""
    nonce = os.urandom(NONCE_BYTES)
    sealed = nonce + AESGCM(_secret_key(secret, purpose)).encrypt(nonce, text.encode(), purpose.encode())
    return base64.urlsafe_b64encode(sealed).decode()


def decrypt_with_secret(secret: str, purpose: str, sealed: str) -> str | None:
    """The value ``encrypt_with_secret`` sealed for this purpose, or None for anything else."""
    try:
        blob = base64.urlsafe_b64decode(sealed.encode())
        nonce, ciphertext = blob[:NONCE_BYTES], blob[NONCE_BYTES:]
        return AESGCM(_secret_key(secret, purpose)).decrypt(nonce, ciphertext, purpose.encode()).decode()
    except (InvalidTag, ValueError, TypeError):
        return None


def load_or_create_keyring_file(instance: Path, create: bool) -> Keyring | None:
    """Read ``instance/master.key``; create it (mode 0600) when allowed and missing."""
    path = instance / MASTER_KEY_FILE
    if path.exists():
        return Keyring.parse(path.read_text(encoding="ascii"))
    if not create:
        return None
    keyring = Keyring()
    keyring.add_new_key()
    write_keyring_file(instance, keyring, exclusive=True)
    return Keyring.parse(path.read_text(encoding="ascii"))


def write_keyring_file(instance: Path, keyring: Keyring, exclusive: bool = False) -> None:
    """Write the keyring atomically with mode 0600; never overwrite when ``exclusive``."""
    make_private_folder(instance)
    path = instance / MASTER_KEY_FILE
    fd, tmp = tempfile.mkstemp(dir=instance, prefix=".master_key.")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(keyring.dump())
        if exclusive:
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass
        else:
            os.replace(tmp, path)
            tmp = None
    finally:
        if tmp:
            os.unlink(tmp)
