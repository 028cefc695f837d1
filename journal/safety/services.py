"""Noticing risk on every save that can carry it: an entry (new, edited, or a draft's final save) and a
questionnaire. The one place the signals are read; the care card and, later, alerts hang off it."""

from __future__ import annotations

from journal.entries.content import CheckIn, EntryContent
from journal.measures.services import ResponseView
from journal.safety.risk import Risk, assess


def notice_entry(content: EntryContent, checkin: CheckIn) -> Risk:
    """The signals in an entry as saved: its words, its mood and its after-effects."""
    return assess(content.written, mood=checkin.mood, after_effects=content.after_effects)


def notice_response(view: ResponseView) -> Risk:
    """The signals in a questionnaire as saved: PHQ-9 item 9 above 0."""
    return assess([], phq9_item9=view.score.self_harm)
