"""Questionnaire responses: the answers sealed, the total in plaintext for trends."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, SmallInteger, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from journal.clock import utcnow
from journal.extensions import Model
from journal.models.types import UTCDateTime


class MeasureResponse(Model):
    """One completed questionnaire.

    Plaintext: which instrument, when, the library version and the total (so
    trends and bands need no decryption). Sealed: every item answer, and
    PHQ-9's difficulty question, like entries.
    """

    __tablename__ = "measure_responses"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    instrument: Mapped[str] = mapped_column(String(8))
    library_version: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(SmallInteger)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
