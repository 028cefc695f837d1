"""TOTP two-factor authentication: enrol, verify once, recover."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid

import pyotp
import segno
from flask import current_app
from sqlalchemy import delete, select

from journal import audit
from journal.clock import utcnow
from journal.extensions import db
from journal.models import MfaCredential, RecoveryCode, User
from journal.vault import seal_row, unseal_row

ISSUER = "Integration Journal"
RECOVERY_CODES = 10


def credential(user: User) -> MfaCredential | None:
    return db.session.scalar(select(MfaCredential).where(MfaCredential.owner_id == user.id))


def enabled(user: User) -> bool:
    row = credential(user)
    return bool(row and row.confirmed)


def required(user: User) -> bool:
    """Therapists and admins reach patient data: for them a second factor is not optional."""
    return user.role.value in current_app.config["MFA_REQUIRED_ROLES"]


def start_enrolment(user: User) -> str:
    """Create (or replace) an unconfirmed secret; return it. Commits."""
    row = credential(user)
    if row is None:
        row = MfaCredential(id=uuid.uuid4(), owner_id=user.id, created_at=utcnow())
    row.confirmed, row.last_step = False, 0
    secret = pyotp.random_base32()
    seal_row(row, {"secret": secret})
    db.session.add(row)
    db.session.commit()
    return secret


def secret_of(row: MfaCredential) -> str:
    return unseal_row(row)["secret"]


def provisioning_svg(user: User, secret: str) -> str:
    """The otpauth:// URI as an inline SVG QR code (no image request, no third party)."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return segno.make(uri, error="m").svg_inline(scale=5, title="QR code for your authenticator app")


def _accept(row: MfaCredential, code: str) -> bool:
    """Check a 6-digit code within one step of now, and refuse any step already used."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return False
    totp = pyotp.TOTP(secret_of(row))
    now = utcnow()
    for offset in (-1, 0, 1):
        step = totp.timecode(now) + offset
        if step > row.last_step and hmac.compare_digest(totp.generate_otp(step), code):
            row.last_step = step
            db.session.commit()
            return True
    return False


def confirm_enrolment(user: User, code: str) -> list[str] | None:
    """Turn MFA on if the code is right; return the new recovery codes (shown once). Commits."""
    row = credential(user)
    if row is None or not _accept(row, code):
        return None
    row.confirmed = True
    codes = _new_recovery_codes(user)
    audit.record("mfa_enabled", subject_id=user.id)
    return codes


def _hash(code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, code.replace("-", "").lower().encode(), hashlib.sha256).hexdigest()


def _new_recovery_codes(user: User) -> list[str]:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(code)) for code in codes)
    db.session.commit()
    return codes


def verify(user: User, code: str) -> bool:
    """A current TOTP code (once) or an unused recovery code. Commits."""
    row = credential(user)
    if row is None or not row.confirmed:
        return False
    if _accept(row, code):
        return True
    recovery = db.session.scalar(select(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _hash(code.strip()), RecoveryCode.used_at.is_(None)))
    if recovery is None:
        return False
    recovery.used_at = utcnow()
    db.session.commit()
    audit.record("recovery_code_used", subject_id=user.id)
    return True


def disable(user: User) -> None:
    """Turn MFA off (patients only; the caller checks). Commits."""
    db.session.execute(delete(MfaCredential).where(MfaCredential.owner_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.commit()
    audit.record("mfa_disabled", subject_id=user.id)
