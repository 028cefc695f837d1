"""The VAPID key pair that signs every push (RFC 8292), kept in ``instance/vapid_private.pem``.

A browser subscribes with our public key as its ``applicationServerKey``; from then on the push service
takes a message for that subscription only when it is signed with the matching private key. The key is
made on first use, like ``secret_key`` and ``master.key``: private to the app (0600), written once, never
overwritten. Replacing it ends every subscription (docs/notifications.md says how to rotate it).
"""

from __future__ import annotations

import base64
import os
import tempfile
from email.utils import parseaddr
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import current_app
from py_vapid import Vapid

from journal.config import make_private_folder

VAPID_KEY_FILE = "vapid_private.pem"


def key_path(instance: Path) -> Path:
    return instance / VAPID_KEY_FILE


def load_or_create_private_key(instance: Path) -> ec.EllipticCurvePrivateKey:
    """Read ``instance/vapid_private.pem``, creating a P-256 key (mode 0600) on first use."""
    path = key_path(instance)
    if not path.exists():
        make_private_folder(instance)
        pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        # Written privately, then linked into place: two processes starting at once agree on one key.
        fd, tmp = tempfile.mkstemp(dir=instance, prefix=".vapid_private.")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise RuntimeError(f"{path} must hold a P-256 (prime256v1) private key for VAPID")
    return key


def private_key() -> ec.EllipticCurvePrivateKey:
    """This installation's VAPID private key (made on first use)."""
    return load_or_create_private_key(Path(current_app.instance_path))


def signer() -> Vapid:
    """What pywebpush signs each push's VAPID header with (RFC 8292: ``vapid t=…, k=…``)."""
    return Vapid(private_key())


def public_key_b64() -> str:
    """The public key as the browser's ``applicationServerKey`` wants it: the uncompressed point, URL-safe
    base64 without padding."""
    point = (
        private_key()
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    return base64.urlsafe_b64encode(point).rstrip(b"=").decode("ascii")


def subject() -> str:
    """Who runs this sender, for the push services (the JWT's ``sub``): ``PUSH_VAPID_SUBJECT``, else a
    ``mailto:`` of ``MAIL_FROM``'s address, else an ``https://`` ``PUBLIC_URL``."""
    config = current_app.config
    if config.get("PUSH_VAPID_SUBJECT"):
        return str(config["PUSH_VAPID_SUBJECT"])
    address = parseaddr(str(config.get("MAIL_FROM") or ""))[1]
    if "@" in address:
        return f"mailto:{address}"
    public = str(config.get("PUBLIC_URL") or "")
    return public.rstrip("/") if public.startswith("https://") else "mailto:no-reply@localhost"
