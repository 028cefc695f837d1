"""Connections between patients and therapists, what is shared, replies, and the access log."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, Enum, ForeignKey, Integer, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy import false as sa_false
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import ColumnElement

from journal.clock import utcnow
from journal.extensions import Model
from journal.models.types import UTCDateTime


class TherapistInvite(Model):
    """A therapist's current connection code and invite link token; renewing replaces both."""

    __tablename__ = "therapist_invites"

    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Connection(Model):
    """A patient's consent for one therapist to see what they share. ``ended_at`` ends it at once."""

    __tablename__ = "connections"
    __table_args__ = (UniqueConstraint("patient_id", "therapist_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    auto_share: Mapped[bool] = mapped_column(Boolean, default=False)
    # Questionnaires and progress charts: a choice of their own, off until the patient turns it on.
    share_measures: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    # Safety alerts: asked as its own choice when connecting; the safety plan: shared like an entry.
    safety_alerts: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    share_safety_plan: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Bumped by every write that could change this pair's ShareSummary: a summary built
    # from an older generation is stale, even if it was stored after the write.
    summary_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    @hybrid_property
    def is_active(self) -> bool:
        """Not ended: the therapist may see what is shared. Usable in queries too."""
        return self.ended_at is None

    @is_active.inplace.expression
    @classmethod
    def _is_active_expression(cls) -> ColumnElement[bool]:
        return cls.ended_at.is_(None)


class EntryShare(Model):
    """One entry shared with one therapist, and when that therapist marked it reviewed."""

    __tablename__ = "entry_shares"
    __table_args__ = (UniqueConstraint("entry_id", "therapist_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    shared_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ShareSummary(Model):
    """What one therapist's dashboard shows of one patient's shared entries (counts, moods, after-effects), sealed.

    Sealed with the patient's data key (``owner_id`` is the patient), like the
    entries it summarises. Dropped by every write that could change it and
    rebuilt on the therapist's next dashboard view (``journal.sharing.summaries``).
    """

    __tablename__ = "share_summaries"

    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    generation: Mapped[int] = mapped_column(Integer, default=0)  # the connection's, when it was built

    @property
    def owner_id(self) -> int:
        return self.patient_id

    @property
    def id(self) -> str:
        """The row id the seal is bound to: a blob copied to another pair does not open."""
        return f"{self.therapist_id}:{self.patient_id}"


class SessionShare(Model):
    """A session record (date, medicine, intention) shared with one therapist."""

    __tablename__ = "session_shares"
    __table_args__ = (UniqueConstraint("session_id", "therapist_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("treatment_sessions.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    shared_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Reply(Model):
    """One message in the thread between a patient and one therapist about one entry.

    Sealed with the patient's data key (``owner_id`` is the patient), like the entry.
    """

    __tablename__ = "replies"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AccessAction(enum.StrEnum):
    VIEW_PATIENT = "view_patient"
    VIEW_ENTRY = "view_entry"
    REPLY = "reply"
    EXPORT = "export"
    VIEW_MEASURES = "view_measures"
    VIEW_SAFETY_PLAN = "view_safety_plan"
    VIEW_ALERT = "view_alert"
    ACKNOWLEDGE_ALERT = "acknowledge_alert"
    RESOLVE_ALERT = "resolve_alert"
    WRITE_NOTE = "write_note"
    EXPORT_RECORD = "export_record"
    NOT_WHAT_I_MEANT = "not_what_i_meant"  # the patient's own line: a safety card was not what they meant

    @property
    def label(self) -> str:
        return str(
            {
                AccessAction.VIEW_PATIENT: _l("opened your journal page"),
                AccessAction.VIEW_ENTRY: _l("read an entry"),
                AccessAction.REPLY: _l("replied to an entry"),
                AccessAction.EXPORT: _l("exported your shared entries"),
                AccessAction.VIEW_MEASURES: _l("looked at your questionnaires and progress"),
                AccessAction.VIEW_SAFETY_PLAN: _l("read your safety plan"),
                AccessAction.VIEW_ALERT: _l("opened a safety alert"),
                AccessAction.ACKNOWLEDGE_ALERT: _l("acknowledged a safety alert"),
                AccessAction.RESOLVE_ALERT: _l("closed a safety alert"),
                AccessAction.WRITE_NOTE: _l("wrote a private clinical note"),
                AccessAction.EXPORT_RECORD: _l("exported their own clinical record of you (notes and safety alerts)"),
                AccessAction.NOT_WHAT_I_MEANT: _l("said a safety card was not what you meant"),
            }[self]
        )


class AccessLog(Model):
    """Who looked at which part of a patient's journal, and when. Never any text. Append-only."""

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    therapist_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[AccessAction] = mapped_column(
        Enum(
            AccessAction,
            native_enum=False,
            create_constraint=True,
            length=24,
            name="access_action",
            values_callable=lambda members: [m.value for m in members],
        )
    )
    entry_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class ClosedConnection(Model):
    """A patient who closed their account, as their therapist is told: no name, no email, nothing they wrote."""

    __tablename__ = "closed_connections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    former_patient_id: Mapped[int] = mapped_column(Integer)  # the deleted account's id: old links say what happened
    connected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PatientLabel(Model):
    """A therapist's private label for one connected patient, beside the name the patient chose.

    Sealed under the therapist's own data key (``owner_id`` is the therapist): their words, never shown
    to the patient.
    """

    __tablename__ = "patient_labels"

    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def owner_id(self) -> int:
        return self.therapist_id

    @property
    def id(self) -> str:
        """The row id the seal is bound to: a blob copied to another pair does not open."""
        return f"{self.therapist_id}:{self.patient_id}"


class AlertPhone(Model):
    """A phone number the patient gave one therapist, to be shown on that therapist's safety alerts.

    The row is the consent: no row, no number. Sealed under the patient's data key (``owner_id``);
    withdrawn by the patient at any time, and with the connection when it ends.
    """

    __tablename__ = "alert_phones"

    connection_id: Mapped[int] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)  # the patient
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def id(self) -> int:
        return self.connection_id
