"""TOTP two-factor authentication: enrol, verify once, recover, change only with the factor.

A credential row holds, sealed, the confirmed ``secret`` and, while a new
authenticator app is being set up, a ``pending`` one. The confirmed secret
keeps working until the pending one is confirmed: restarting setup never
turns the second factor off.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid

import pyotp
import segno
from flask import current_app
from sqlalchemy import delete, func, select

from journal import audit
from journal.audit import Event
from journal.auth.logins import is_fresh
from journal.clock import utcnow
from journal.extensions import db
from journal.models import MfaCredential, RecoveryCode, User
from journal.ratelimits import check_login_allowed, count_failed_login
from journal.vault import seal_row, unseal_row

ISSUER = "Integration Journal"
RECOVERY_CODES = 10


class MfaChangeRefused(Exception):
    """A change to the second factor without a fresh login and a current code; the message is for the user."""


def credential(user: User) -> MfaCredential | None:
    return db.session.scalar(select(MfaCredential).where(MfaCredential.owner_id == user.id))


def enabled(user: User) -> bool:
    row = credential(user)
    return bool(row and row.confirmed)


def required(user: User) -> bool:
    """Therapists and admins reach patient data: for them a second factor is not optional."""
    return user.role.value in current_app.config["MFA_REQUIRED_ROLES"]


def _secrets(row: MfaCredential) -> dict[str, str]:
    data = unseal_row(row)
    if not row.confirmed and "pending" not in data:  # rows sealed before pending secrets existed
        return {"pending": data["secret"]}
    return data


def secret_of(row: MfaCredential) -> str | None:
    """The confirmed secret, if any."""
    return _secrets(row).get("secret")


def pending_secret(row: MfaCredential | None) -> str | None:
    """The secret being set up and not yet confirmed, if any."""
    return _secrets(row).get("pending") if row is not None else None


def provisioning_svg(user: User, secret: str) -> str:
    """The otpauth:// URI as an inline SVG QR code (no image request, no third party)."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return segno.make(uri, error="m").svg_inline(scale=5, title="QR code for your authenticator app")


def _accepted_step(secret: str, code: str, after_step: int) -> int | None:
    """The 30-second step (within one of now, after ``after_step``) whose code this is, or None."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(utcnow())
    for step in (now - 1, now, now + 1):
        if step > after_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def verify(user: User, code: str) -> bool:
    """A current TOTP code (each accepted once) or an unused recovery code. Commits.

    This is the bare check; logins and changes go through ``check_code``, which
    also applies the rate limits.
    """
    row = credential(user)
    if row is None or not row.confirmed:
        return False
    step = _accepted_step(secret_of(row), code, row.last_step)
    if step is not None:
        row.last_step = step
        db.session.commit()
        return True
    recovery = db.session.scalar(select(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _hash(code.strip()), RecoveryCode.used_at.is_(None)))
    if recovery is None:
        return False
    recovery.used_at = utcnow()
    db.session.commit()
    audit.record(Event.RECOVERY_CODE_USED, subject_id=user.id)
    return True


def check_code(user: User, code: str) -> bool:
    """Verify a second-factor code under the login rate limits; a wrong one counts as a failed login.

    Raises LoginLimited when the account or the address has failed too often. Commits.
    """
    check_login_allowed(user.email)
    if verify(user, code or ""):
        return True
    count_failed_login(user.email)
    audit.record(Event.MFA_FAILED, subject_id=user.id)
    return False


def authorize_change(user: User, code: str | None) -> None:
    """Refuse a change to the second factor without a fresh login and, when it is on, a current code.

    A stolen session alone must never be able to remove or replace the factor.
    Raises MfaChangeRefused (or LoginLimited).
    """
    if not is_fresh():
        raise MfaChangeRefused("Please confirm your password first.")
    if enabled(user) and not check_code(user, code or ""):
        raise MfaChangeRefused("That code didn't work. Enter a current code from your app, or a recovery code.")


def start_enrolment(user: User, code: str | None = None) -> str:
    """Begin setting up an authenticator app; the current one (if any) stays on. Commits.

    Returns the new secret. Raises MfaChangeRefused unless ``authorize_change`` passes.
    """
    authorize_change(user, code)
    row = credential(user)
    if row is None:
        row = MfaCredential(id=uuid.uuid4(), owner_id=user.id, created_at=utcnow(), confirmed=False, last_step=0)
    data = {"secret": secret_of(row)} if row.confirmed else {}
    data["pending"] = pyotp.random_base32()
    seal_row(row, data)
    db.session.add(row)
    db.session.commit()
    return data["pending"]


def cancel_enrolment(user: User) -> None:
    """Drop a setup that was not confirmed; a confirmed factor is untouched. Commits."""
    row = credential(user)
    if row is None or pending_secret(row) is None:
        return
    if row.confirmed:
        seal_row(row, {"secret": secret_of(row)})
    else:
        db.session.delete(row)
    db.session.commit()


def confirm_enrolment(user: User, code: str) -> list[str] | None:
    """Make the pending secret the factor if the code is right; return new recovery codes (shown once). Commits."""
    row = credential(user)
    pending = pending_secret(row)
    if pending is None:
        return None
    step = _accepted_step(pending, code, 0)
    if step is None:
        return None
    replacing = row.confirmed
    seal_row(row, {"secret": pending})
    row.confirmed, row.last_step = True, max(row.last_step or 0, step)
    codes = _new_recovery_codes(user)
    audit.record(Event.MFA_REPLACED if replacing else Event.MFA_ENABLED, subject_id=user.id)
    return codes


def regenerate_recovery_codes(user: User, code: str | None) -> list[str]:
    """Replace every recovery code (the old ones stop working). Commits.

    Raises MfaChangeRefused unless ``authorize_change`` passes, or when the factor is off.
    """
    authorize_change(user, code)
    if not enabled(user):
        raise MfaChangeRefused("Two-factor authentication is not on.")
    codes = _new_recovery_codes(user)
    audit.record(Event.RECOVERY_CODES_REGENERATED, subject_id=user.id)
    return codes


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(select(func.count()).select_from(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))) or 0


def disable(user: User, code: str | None) -> None:
    """Turn the second factor off (never for roles that require it). Commits.

    Raises MfaChangeRefused unless ``authorize_change`` passes.
    """
    if required(user):
        raise MfaChangeRefused("Your account reaches patients' data, so two-factor authentication stays on.")
    authorize_change(user, code)
    db.session.execute(delete(MfaCredential).where(MfaCredential.owner_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.commit()
    audit.record(Event.MFA_DISABLED, subject_id=user.id)


def _hash(code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, code.replace("-", "").lower().encode(), hashlib.sha256).hexdigest()


def _new_recovery_codes(user: User) -> list[str]:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(code)) for code in codes)
    db.session.commit()
    return codes
