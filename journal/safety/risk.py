"""Noticing risk in what a patient saves. Pure functions: no database, no request.

Four signals, each named for the care team, never a diagnosis: words about
suicide or self-harm (``journal/data/risk-phrases.json``), a mood of -4 or -5,
an urge to use outside treatment, and PHQ-9 item 9 answered above 0.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from journal.text import fold

DATA = Path(__file__).resolve().parent.parent / "data" / "risk-phrases.json"
LOW_MOOD = -4  # this or lower
_WORD = re.compile(r"\w+")


class Signal:
    WORDS = "words"
    LOW_MOOD = "low_mood"
    URGE_TO_USE = "urge_to_use"
    PHQ9_ITEM9 = "phq9_item9"


LABELS = {
    Signal.WORDS: "Words about suicide or self-harm",
    Signal.LOW_MOOD: "A very low mood (−4 or −5)",
    Signal.URGE_TO_USE: "An urge to use outside treatment",
    Signal.PHQ9_ITEM9: "PHQ-9 question 9 answered above 0",
}


@dataclass(frozen=True)
class Phrases:
    version: int
    phrases: tuple[tuple[str, ...], ...]  # each a sequence of folded words
    negations: frozenset[str]
    window: int
    by_first_word: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Risk:
    """What was noticed: the signals, and whether every phrase found followed a negation."""

    signals: tuple[str, ...] = ()
    negated: bool = False
    phrases_version: int | None = None  # which list noticed the words

    def __bool__(self) -> bool:
        return bool(self.signals)

    @property
    def labels(self) -> list[str]:
        return [LABELS[signal] for signal in self.signals]


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text).replace("'", "").replace("\u2019", ""))


@cache
def phrases() -> Phrases:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    phrases = tuple(tuple(_words(p)) for p in data["phrases"])
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_first_word.setdefault(phrase[0], []).append(phrase)
    return Phrases(
        data["version"],
        phrases,
        frozenset(data["negations"]),
        int(data["negation_window"]),
        {word: tuple(found) for word, found in by_first_word.items()},
    )


def find_phrases(text: str) -> list[tuple[str, bool]]:
    """Each phrase found on whole words, with whether a negation comes shortly before it."""
    library, words = phrases(), _words(text)
    found = []
    for start, word in enumerate(words):  # one pass: only phrases starting with this word are compared
        for phrase in library.by_first_word.get(word, ()):
            if tuple(words[start : start + len(phrase)]) == phrase:
                before = words[max(0, start - library.window) : start]
                found.append((" ".join(phrase), any(w in library.negations for w in before)))
    return found


def assess(
    texts: list[str], *, mood: int | None = None, after_effects: list[str] | tuple = (), phq9_item9: bool = False
) -> Risk:
    """The signals in one save: its texts, its check-in and after-effects, or a PHQ-9's item 9."""
    signals = []
    found = [match for text in texts for match in find_phrases(text)]
    if found:
        signals.append(Signal.WORDS)
    if mood is not None and mood <= LOW_MOOD:
        signals.append(Signal.LOW_MOOD)
    if "urge_to_use" in after_effects:
        signals.append(Signal.URGE_TO_USE)
    if phq9_item9:
        signals.append(Signal.PHQ9_ITEM9)
    return Risk(
        tuple(signals), negated=bool(found) and all(negated for _, negated in found), phrases_version=phrases().version
    )
