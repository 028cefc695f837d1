"""The safety loop's records: a patient's safety plan, and the alerts their care team works through."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from journal.clock import utcnow
from journal.extensions import Model
from journal.models.types import UTCDateTime


class SafetyPlan(Model):
    """A patient's own safety plan (the Stanley–Brown sections), sealed like an entry; one per patient.

    ``version`` counts saves, so a save from a stale tab is refused rather than overwriting.
    """

    __tablename__ = "safety_plans"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # SQLAlchemy's version counter: the UPDATE itself checks the version, so two saves racing in the
    # same instant cannot both win (SQLite has no row locks to rely on).
    __mapper_args__ = {"version_id_col": version}


class AlertAction(enum.StrEnum):
    """What a therapist did when acknowledging an alert."""

    CALLED = "called"
    MESSAGED = "messaged"
    SCHEDULED = "scheduled"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(
            {
                "called": _l("called"),
                "messaged": _l("sent a message"),
                "scheduled": _l("scheduled a session"),
                "other": _l("followed up"),
            }[self.value]
        )


class AlertOutcome(enum.StrEnum):
    """How an alert was closed."""

    SAFE = "safe"
    FOLLOW_UP = "follow_up"
    CRISIS_SERVICES = "crisis_services"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(
            {
                "safe": _l("safe for now, plan in place"),
                "follow_up": _l("follow-up arranged"),
                "crisis_services": _l("referred to crisis or emergency services"),
                "other": _l("closed"),
            }[self.value]
        )


class SafetyAlert(Model):
    """A safety concern noticed in what a patient saved, sent to one therapist they allowed to be told.

    Plaintext: who, when, which kinds of signal (never a word of what was written), which entry or
    questionnaire, and each step's time and choice. Sealed under the patient's key: the therapist's
    free-text notes on acknowledging and resolving, which the patient never sees.
    """

    __tablename__ = "safety_alerts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    patient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    signals: Mapped[str] = mapped_column(String(120))  # comma-separated safety.risk.Signal values
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("entries.id", ondelete="SET NULL"), index=True)
    response_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("measure_responses.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    action: Mapped[str | None] = mapped_column(String(16))  # AlertAction
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(16))  # AlertOutcome
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # {"acknowledged": note, "resolved": note}

    @property
    def owner_id(self) -> int:
        """The notes are sealed under the patient's data key, bound to this row."""
        return self.patient_id


class AlertMail(Model):
    """The outbox: one email about an alert to its therapist, the first notice (``number`` 0) or a
    reminder while the alert waits unacknowledged (1, 2, ...). Written in the same transaction as the
    alert, so an alert is never raised without its email; sent right after, and by ``flask send-alerts``.

    ``claimed_at`` is a lease (a send under way; a killed sender's lease lapses); ``sent_at``: the mail
    server took it; ``given_up_at``: it never will be (a permanent refusal, too many attempts, an
    unconfirmed address, an alert closed before its reminder went), ``reason`` says which: an SMTP code
    and class, never a word of the message.
    """

    __tablename__ = "alert_mails"
    __table_args__ = (UniqueConstraint("alert_id", "number", name="uq_alert_mails_alert_number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    alert_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("safety_alerts.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    given_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str | None] = mapped_column(String(120))


class ClinicianNote(Model):
    """A therapist's private note on a patient: sealed under the therapist's own key, never shown to the
    patient, never in the patient's export; the patient's access log says only that a note was written."""

    __tablename__ = "clinician_notes"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)  # the therapist
    patient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
