"""What a therapist keeps of a patient who deleted their account: their own clinical record, for a time."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from journal.extensions import Model
from journal.models.types import UTCDateTime


class RetainedRecord(Model):
    """A therapist's record of a former patient, kept after the patient deleted their account until
    ``purge_after`` (``CLINICAL_RECORD_RETENTION_DAYS``), then purged by ``flask purge-records``.

    Sealed under the therapist's own key, bound to this row: the patient's display name, the therapist's
    notes and the history of the safety alerts sent to them (``journal.therapist.records``). No column
    points at the deleted account: its id may be given to a new one.
    """

    __tablename__ = "retained_records"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    therapist_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    connected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)  # when the patient deleted their account
    purge_after: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)

    @property
    def owner_id(self) -> int:
        """Sealed under the therapist's data key: the patient's is gone."""
        return self.therapist_id
