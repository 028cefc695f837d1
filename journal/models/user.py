"""Accounts: patients, therapists and admins."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, Enum, Integer, String
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from journal.clock import utcnow
from journal.extensions import Model
from journal.models.types import UTCDateTime

EMAIL_MAX_LENGTH = 254
DISPLAY_NAME_MAX_LENGTH = 80
TIME_ZONE_MAX_LENGTH = 64
CRISIS_REGION_MAX_LENGTH = 120
AFTER_HOURS_MAX_LENGTH = 200
LOCALE_MAX_LENGTH = 16


class Role(enum.StrEnum):
    """What kind of account a user has; each role sees a different app."""

    PATIENT = "patient"
    THERAPIST = "therapist"
    ADMIN = "admin"


class User(UserMixin, Model):
    """A person who logs in. Emails are stored normalized (see ``normalize_email``)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(EMAIL_MAX_LENGTH), unique=True)
    display_name: Mapped[str] = mapped_column(String(DISPLAY_NAME_MAX_LENGTH))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(
        Enum(
            Role,
            native_enum=False,
            create_constraint=True,
            length=16,
            name="role",
            values_callable=lambda roles: [role.value for role in roles],
        ),
        default=Role.PATIENT,
    )
    time_zone: Mapped[str] = mapped_column(String(TIME_ZONE_MAX_LENGTH), default="UTC")
    # "24h" or "12h": how times are shown in pages, emails and PDFs.
    clock: Mapped[str] = mapped_column(String(3), default="24h", server_default="24h")
    # The language of pages, mail and PDFs (a code of journal.i18n.LANGUAGES); None: the browser's.
    locale: Mapped[str | None] = mapped_column(String(LOCALE_MAX_LENGTH))
    # The title of the CRISIS_RESOURCES group the help page shows first; None: the configured order.
    crisis_region: Mapped[str | None] = mapped_column(String(CRISIS_REGION_MAX_LENGTH))
    # A therapist's clinic after-hours line, shown to their patients on the care card.
    after_hours_line: Mapped[str | None] = mapped_column(String(AFTER_HOURS_MAX_LENGTH))
    # Reminders: opt-in; at this local hour (0-23), never between quiet_from and quiet_until (local hours).
    reminders: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    reminder_hour: Mapped[int] = mapped_column(Integer, default=18, server_default="18")
    quiet_from: Mapped[int] = mapped_column(Integer, default=22, server_default="22")
    quiet_until: Mapped[int] = mapped_column(Integer, default=8, server_default="8")
    # A therapist's daily digest (counts and a link, no names, no journal text): opt-in, at this local hour.
    digest: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    digest_hour: Mapped[int] = mapped_column(Integer, default=8, server_default="8")
    # The questionnaires the patient chose to be asked about (comma-separated keys); any can be taken anytime.
    measures_asked: Mapped[str] = mapped_column(
        String(40), default="phq-9,gad-7,pcl-5", server_default="phq-9,gad-7,pcl-5"
    )
    # "a4" or "letter": remembered from the last PDF export.
    paper_size: Mapped[str] = mapped_column(String(8), default="a4", server_default="a4")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the person last followed a verification link sent to ``email``; None: not verified.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def is_active(self) -> bool:
        return self.active

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role.value}>"
