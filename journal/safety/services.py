"""Noticing risk on every save that can carry it: an entry (new, edited, or a draft's final save) and a
questionnaire. The one place the signals are read and the care team is told.

The signals are read before the save; the alerts are raised inside the save's own transaction (its
``also``), so an entry is never saved without the alerts its words called for.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from journal.entries.content import CheckIn, EntryContent
from journal.i18n import reader_locale
from journal.measures.scoring import Score
from journal.models import Entry, MeasureResponse, SafetyAlert, User
from journal.safety.alerts import raise_alerts
from journal.safety.risk import Risk, assess


@dataclass
class Notice:
    """What one save brought: the signals, and the alerts raised for the care team."""

    risk: Risk
    owner: User
    alerts: list[SafetyAlert] = field(default_factory=list)
    entry_id: uuid.UUID | None = None  # the entry saved, so the card can offer "that's not what I meant"

    def __bool__(self) -> bool:
        return bool(self.risk)

    def raise_for_entry(self, row: Entry) -> None:
        """Part of the entry's save (``also=``): alerts to each therapist allowed, in its transaction."""
        self.entry_id = row.id
        self.alerts += raise_alerts(self.owner, self.risk, entry_id=row.id)


def writing_language(writer: User) -> str:
    """The language an entry is read in (with English, always): the writer's, as everything written to them is
    (``journal.i18n.reader_locale``)."""
    return reader_locale(writer)


def assess_entry(content: EntryContent, checkin: CheckIn, writer: User) -> Risk:
    """The signals in an entry: its words (read in the writer's language and in English), its mood and its
    after-effects."""
    return assess(
        content.written, mood=checkin.mood, after_effects=content.after_effects, language=writing_language(writer)
    )


def notice_entry(owner: User, content: EntryContent, checkin: CheckIn) -> Notice:
    """Read an entry about to be saved; pass ``notice.raise_for_entry`` to the save.

    What the engine found (categories, rules and their language, never the words) goes into the entry's sealed
    content, so a decision can be explained later.
    """
    risk = assess_entry(content, checkin, owner)
    content.risk = risk.explain()
    return Notice(risk, owner)


class ResponseNotice(Notice):
    def raise_for_response(self, row: MeasureResponse, score: Score) -> None:
        """Part of the questionnaire's save (``also=``): PHQ-9 item 9 above 0."""
        self.risk = assess([], phq9_item9=score.item9)
        self.alerts += raise_alerts(self.owner, self.risk, response_id=row.id)


def notice_response(owner: User) -> ResponseNotice:
    """Watch a questionnaire's save; pass ``notice.raise_for_response`` to ``save_response``."""
    return ResponseNotice(Risk(), owner)
