"""Noticing risk on every save that can carry it: an entry (new, edited, or a draft's final save) and a
questionnaire. The one place the signals are read and the care team is told."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from journal.entries.content import CheckIn, EntryContent
from journal.measures.services import ResponseView
from journal.models import SafetyAlert, User
from journal.safety.alerts import raise_alerts
from journal.safety.risk import Risk, assess


@dataclass(frozen=True)
class Notice:
    """What one save brought: the signals, and the alerts raised for the care team."""

    risk: Risk
    alerts: list[SafetyAlert] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.risk)


def notice_entry(owner: User, entry_id: uuid.UUID, content: EntryContent, checkin: CheckIn) -> Notice:
    """The signals in an entry as saved (its words, mood and after-effects); alerts where allowed. Commits."""
    risk = assess(content.written, mood=checkin.mood, after_effects=content.after_effects)
    return Notice(risk, raise_alerts(owner, risk, entry_id=entry_id))


def notice_response(owner: User, view: ResponseView) -> Notice:
    """The signals in a questionnaire as saved (PHQ-9 item 9 above 0); alerts where allowed. Commits."""
    risk = assess([], phq9_item9=view.score.self_harm)
    return Notice(risk, raise_alerts(owner, risk, response_id=view.row.id))
