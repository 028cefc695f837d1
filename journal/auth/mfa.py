"""TOTP two-factor authentication: enrol, verify once, recover, change only with the factor.

A credential row holds, sealed, the confirmed ``secret`` and, while a new
authenticator app is being set up, a ``pending`` one. The confirmed secret
keeps working until the pending one is confirmed: restarting setup never
turns the second factor off. A pending secret belongs to the login that
started it and lasts ``PENDING_FOR``: no other login (a copied cookie) ever
sees its key or confirms it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import datetime, timedelta

import pyotp
import segno
from flask import current_app, g
from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update

from journal import audit
from journal.audit import Event
from journal.auth.logins import is_fresh
from journal.clock import utcnow
from journal.database import changed_rows
from journal.extensions import db
from journal.models import MfaCredential, RecoveryCode, User
from journal.ratelimits import check_login_allowed, count_failed_login
from journal.vault import seal_row, unseal_row

ISSUER = "Integration Journal"
RECOVERY_CODES = 10
PENDING_FOR = timedelta(minutes=15)


class MfaChangeRefused(Exception):
    """A change to the second factor without a fresh login and a current code; the message is for the user."""


class FreshLoginNeeded(MfaChangeRefused):
    """The password was typed too long ago on this login: ask for it again first."""


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
        return {}
    return data


def secret_of(row: MfaCredential) -> str | None:
    """The confirmed secret, if any."""
    return _secrets(row).get("secret")


def _this_login() -> str:
    row = getattr(g, "login_session", None)
    return row.id if row is not None else ""


def pending_secret(row: MfaCredential | None) -> str | None:
    """The secret being set up on this very login, if any and not too old; None for every other login."""
    data = _secrets(row) if row is not None else {}
    if "pending" not in data or not _this_login():
        return None
    mine = hmac.compare_digest(data.get("pending_login", ""), _this_login())
    return data["pending"] if mine and utcnow() <= datetime.fromisoformat(data["pending_until"]) else None


def key_groups(secret: str) -> list[str]:
    """The key in groups of four, to read and type without losing one's place."""
    return [secret[start : start + 4] for start in range(0, len(secret), 4)]


def provisioning_svg(user: User, secret: str) -> str:
    """The otpauth:// URI as an inline SVG QR code (no image request, no third party)."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return segno.make(uri, error="m").svg_inline(scale=5, title=_("QR code for your authenticator app"))


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


def _verify(user: User, code: str) -> bool:
    """A current TOTP code (each accepted once) or an unused recovery code. Commits.

    The bare check: callers go through ``check_code``, which applies the rate
    limits. Each code is spent by a conditional UPDATE, so two requests racing
    with one code cannot both succeed.
    """
    row = credential(user)
    if row is None or not row.confirmed:
        return False
    step = _accepted_step(secret_of(row), code, row.last_step)
    if step is not None:
        spent = changed_rows(
            update(MfaCredential)
            .where(MfaCredential.id == row.id, MfaCredential.last_step < step)
            .values(last_step=step)
        )
        db.session.commit()
        return spent == 1
    spent = changed_rows(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _hash(code.strip()),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=utcnow())
    )
    db.session.commit()
    if spent != 1:
        return False
    audit.record(Event.RECOVERY_CODE_USED, subject_id=user.id)
    return True


def check_code(user: User, code: str) -> bool:
    """Verify a second-factor code under the login rate limits; a wrong one counts as a failed login.

    Raises LoginLimited when the account or the address has failed too often. Commits.
    """
    check_login_allowed(user.email)
    if _verify(user, code or ""):
        return True
    count_failed_login(user.email)
    audit.record(Event.MFA_FAILED, subject_id=user.id)
    return False


def authorize_change(user: User, code: str | None) -> None:
    """Refuse a change to the second factor without a fresh login and, when it is on, a current code.

    A stolen session alone must never be able to remove or replace the factor.
    Raises FreshLoginNeeded, MfaChangeRefused or LoginLimited.
    """
    if not is_fresh():
        raise FreshLoginNeeded(_("Please confirm your password first."))
    if enabled(user) and not check_code(user, code or ""):
        raise MfaChangeRefused(_("That code didn't work. Enter a current code from your app, or a recovery code."))


def start_enrolment(user: User, code: str | None = None) -> str:
    """Begin setting up an authenticator app; the current one (if any) stays on. Commits.

    Returns the new secret. Raises MfaChangeRefused unless ``authorize_change`` passes.
    """
    authorize_change(user, code)
    row = credential(user)
    if row is None:
        row = MfaCredential(id=uuid.uuid4(), owner_id=user.id, created_at=utcnow(), confirmed=False, last_step=0)
    data = {"secret": secret_of(row)} if row.confirmed else {}
    data.update(
        pending=pyotp.random_base32(), pending_login=_this_login(), pending_until=(utcnow() + PENDING_FOR).isoformat()
    )
    seal_row(row, data)
    db.session.add(row)
    db.session.commit()
    return data["pending"]


def cancel_enrolment(user: User) -> None:
    """Drop this login's setup that was not confirmed; a confirmed factor is untouched. Commits."""
    row = credential(user)
    if row is None or pending_secret(row) is None:
        return
    if row.confirmed:
        seal_row(row, {"secret": secret_of(row)})
    else:
        db.session.delete(row)
    db.session.commit()


def confirm_enrolment(user: User, code: str) -> list[str] | None:
    """Make this login's pending secret the factor if the code is right; return new recovery codes. Commits.

    The codes are shown once. Raises FreshLoginNeeded when the password was typed too long ago.
    """
    if not is_fresh():
        raise FreshLoginNeeded(_("Please confirm your password first."))
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
        raise MfaChangeRefused(_("Two-factor authentication is not on."))
    codes = _new_recovery_codes(user)
    audit.record(Event.RECOVERY_CODES_REGENERATED, subject_id=user.id)
    return codes


def current_recovery_codes(user: User, codes: list[str]) -> bool:
    """Whether ``codes`` are exactly this user's unused recovery codes: the set just made, none used yet.

    Codes are kept only as hashes, so a download can hold nothing but what the page that showed them posts
    back; this check makes that file the real, current set, never text of the sender's choosing.
    """
    unused = db.session.scalars(
        select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    ).all()
    return len(codes) == len(unused) == RECOVERY_CODES and {_hash(code) for code in codes} == set(unused)


def recovery_codes_left(user: User) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(RecoveryCode)
            .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
        )
        or 0
    )


def disable(user: User, code: str | None) -> None:
    """Turn the second factor off (never for roles that require it). Commits.

    Raises MfaChangeRefused unless ``authorize_change`` passes.
    """
    if required(user):
        raise MfaChangeRefused(_("Your account reaches patients' data, so two-factor authentication stays on."))
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
