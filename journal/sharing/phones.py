"""A phone number a patient gives one therapist, to be shown on that therapist's safety alerts.

Given on the consent screen or later on the Therapists page, one connection at a time: the row
(``AlertPhone``) is the consent, sealed under the patient's key. Only the safety alert page of that
therapist shows it (opening an alert is in the patient's access log); withdrawing it, or ending the
connection, deletes it.
"""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import AlertPhone, Connection, SafetyAlert
from journal.vault import seal_row, unseal_row

PHONE_MAX = 32
_ALLOWED = re.compile(r"\+?[0-9 ()./-]+")
MIN_DIGITS, MAX_DIGITS = 5, 15  # E.164 allows 15; short local numbers exist
NOT_A_PHONE = _l("Please write a phone number with its digits, such as +44 20 7946 0958.")


class PhoneError(ValueError):
    """Not a phone number; the message says what to write."""


def clean_phone(text: str | None) -> str:
    """The number as written (trimmed), or "" for none; raises PhoneError if it is not a phone number."""
    text = (text or "").strip()
    if not text:
        return ""
    digits = sum(character.isdigit() for character in text)
    if len(text) > PHONE_MAX or not _ALLOWED.fullmatch(text) or not MIN_DIGITS <= digits <= MAX_DIGITS:
        raise PhoneError(NOT_A_PHONE)
    return text


def tel_uri(phone: str) -> str:
    """A ``tel:`` link for a number as written: its digits, and a leading + if it has one."""
    return "tel:" + ("+" if phone.startswith("+") else "") + "".join(c for c in phone if c.isdigit())


def keep_phone(connection: Connection, phone: str) -> None:
    """Store (or replace) the number for this connection, or delete it for "". Part of the caller's
    transaction: flushes, never commits."""
    phone = clean_phone(phone)
    db.session.flush()  # a new connection needs its id
    db.session.execute(delete(AlertPhone).where(AlertPhone.connection_id == connection.id))
    if phone:
        row = AlertPhone(connection_id=connection.id, owner_id=connection.patient_id, updated_at=utcnow())
        seal_row(row, {"phone": phone})
        db.session.add(row)
    db.session.flush()


def set_phone(connection: Connection, phone: str) -> None:
    """Give, change or (with "") withdraw the number for one connection. Commits."""
    keep_phone(connection, phone)
    db.session.commit()


def phones_of(patient_id: int) -> dict[int, str]:
    """The patient's own numbers, by connection id (their Therapists page)."""
    rows = db.session.scalars(select(AlertPhone).where(AlertPhone.owner_id == patient_id))
    return {row.connection_id: unseal_row(row)["phone"] for row in rows}


def phone_for_alert(alert: SafetyAlert) -> str | None:
    """The number the patient gave the alert's therapist, while they are connected and it is given."""
    row = db.session.scalar(
        select(AlertPhone)
        .join(Connection, Connection.id == AlertPhone.connection_id)
        .where(
            Connection.patient_id == alert.patient_id,
            Connection.therapist_id == alert.therapist_id,
            Connection.is_active,
        )
    )
    return unseal_row(row)["phone"] if row is not None else None
