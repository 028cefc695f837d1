"""Treatment sessions, journal entries and drafts.

Everything a person writes lives in ``sealed`` (see ``journal.vault``).
Plain columns hold only what the app must sort, filter or chart without
decrypting: dates, the medicine and setting, numeric check-ins, and which
prompt set an entry answers.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Uuid,
)
from sqlalchemy import false as sa_false
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import ColumnElement

from journal.clock import utcnow
from journal.extensions import Model
from journal.models.types import UTCDateTime


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(
        cls,
        native_enum=False,
        create_constraint=True,
        length=24,
        name=name,
        values_callable=lambda members: [member.value for member in members],
    )


class Medicine(enum.StrEnum):
    KETAMINE_IV = "ketamine_iv"
    KETAMINE_IM = "ketamine_im"
    KETAMINE_ORAL = "ketamine_oral"
    ESKETAMINE_NASAL = "esketamine_nasal"
    MDMA = "mdma"
    PSILOCYBIN = "psilocybin"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(MEDICINE_LABELS[self])


MEDICINE_LABELS = {
    Medicine.KETAMINE_IV: _l("Ketamine, IV infusion"),
    Medicine.KETAMINE_IM: _l("Ketamine, IM injection"),
    Medicine.KETAMINE_ORAL: _l("Ketamine, oral or lozenge"),
    Medicine.ESKETAMINE_NASAL: _l("Esketamine nasal spray"),
    Medicine.MDMA: _l("MDMA"),
    Medicine.PSILOCYBIN: _l("Psilocybin"),
    Medicine.OTHER: _l("Other"),
}


class Setting(enum.StrEnum):
    CLINIC = "clinic"
    HOME_MONITORED = "home_monitored"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(SETTING_LABELS[self])


SETTING_LABELS = {
    Setting.CLINIC: _l("At a clinic"),
    Setting.HOME_MONITORED: _l("At home, with a monitor"),
    Setting.OTHER: _l("Somewhere else"),
}


class TreatmentSession(Model):
    """One dosing session, past or planned. Sealed: intention, notes, free-text medicine/setting."""

    __tablename__ = "treatment_sessions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    medicine: Mapped[Medicine] = mapped_column(_enum(Medicine, "medicine"))
    setting: Mapped[Setting] = mapped_column(_enum(Setting, "setting"))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}


class EntryKind(enum.StrEnum):
    GUIDED = "guided"
    FREE = "free"


class Entry(Model):
    """A saved journal entry. Sealed: title, prompts and answers, after-effects, tags.

    ``deleted_at`` set means the entry is in the trash; it is purged 30 days later.
    ``version`` grows with every save, so a stale form can be detected.
    """

    __tablename__ = "entries"
    __table_args__ = (
        CheckConstraint("mood BETWEEN -5 AND 5", name="mood_range"),
        CheckConstraint("intensity BETWEEN 0 AND 10", name="intensity_range"),
        CheckConstraint("detachment BETWEEN 0 AND 10", name="detachment_range"),
        # A page of the list walks one owner's entries newest first, without sorting the journal.
        Index("ix_entries_owner_id_created_at", "owner_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("treatment_sessions.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[EntryKind] = mapped_column(_enum(EntryKind, "entry_kind"))
    prompt_set: Mapped[str | None] = mapped_column(String(32))
    library_version: Mapped[int | None] = mapped_column(Integer)
    mood: Mapped[int | None] = mapped_column(SmallInteger)
    intensity: Mapped[int | None] = mapped_column(SmallInteger)
    detachment: Mapped[int | None] = mapped_column(SmallInteger)
    # "I'd like to talk about this": the patient's own mark, for the next appointment. Plaintext, so a
    # therapist's summary can list the marked entries without decrypting the others.
    to_discuss: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    # SQLAlchemy checks and bumps this on every UPDATE: a stale save fails.
    __mapper_args__ = {"version_id_col": version}

    @hybrid_property
    def is_live(self) -> bool:
        """Not in the trash. Usable in queries too."""
        return self.deleted_at is None

    @is_live.inplace.expression
    @classmethod
    def _is_live_expression(cls) -> ColumnElement[bool]:
        return cls.deleted_at.is_(None)


class DraftKind(enum.StrEnum):
    """The page a draft was written on, and goes back to."""

    ENTRY = "entry"
    SAFETY_PLAN = "safety_plan"
    SESSION = "session"


class Draft(Model):
    """Autosaved, unfinished writing: private, never shared.

    For an entry (``kind``), ``entry_id`` is set when the draft edits an
    existing entry; otherwise it becomes a new entry, guided (``prompt_set``
    and ``session_id``) or free. For a session, ``session_id`` is the session
    being edited, if any. The safety plan needs neither: there is one a person.
    """

    __tablename__ = "drafts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DraftKind] = mapped_column(_enum(DraftKind, "draft_kind"), default=DraftKind.ENTRY)
    # A draft outlives its entry: deleting the entry for good turns the draft into a new entry's.
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("entries.id", ondelete="SET NULL"))
    session_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("treatment_sessions.id", ondelete="SET NULL"))
    prompt_set: Mapped[str | None] = mapped_column(String(32))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class SavedPage(Model):
    """The save key of an editor page that was saved, for a week: an autosave that the page sends
    afterwards (one still on its way, or the page brought back by Back) is refused, not kept as a draft.

    The key is drawn by the page, so it is unique only per owner.
    """

    __tablename__ = "saved_pages"

    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    save_key: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SavedSearch(Model):
    """A search of the entry list, sealed, for a short while.

    The search form is a POST (words never go into a URL); the answer
    redirects to the list with this row's random id, so Back and reload show
    the results again instead of asking to resend a form.
    """

    __tablename__ = "saved_searches"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class EntryPicture(Model):
    """A picture or drawing of an entry: re-encoded without metadata, sealed like the entry's text.

    Kept in the database, not in files: one backup holds it, it goes with its
    entry and its owner (ON DELETE CASCADE), and it is saved in one
    transaction or not at all. ``position`` orders an entry's pictures.
    """

    __tablename__ = "entry_pictures"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    mimetype: Mapped[str] = mapped_column(String(16))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
