"""The questionnaires' published texts, from ``journal/data/measures.json`` (versioned)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

DATA = Path(__file__).resolve().parent.parent / "data" / "measures.json"
WORDING = "en"  # the language of the instruments' wording: never translated here, only ever a validated translation


def _differs(lang: str) -> bool:
    from journal.i18n import current_locale

    return lang.replace("-", "_").split("_")[0] != current_locale().split("_")[0]


def wording_lang(lang: str = WORDING) -> Markup:
    """The ``lang`` attribute for an instrument's own wording (` lang="en"`) on a page in another language;
    nothing on a page in the wording's own language."""
    return Markup(' lang="{}"').format(lang) if _differs(lang) else Markup("")


def in_wording(text: str, lang: str = WORDING) -> Markup:
    """A piece of an instrument's wording inside a sentence of ours (a band, an answer): in a ``<span lang>``
    on a page in another language, as it is on a page in its own."""
    return Markup('<span lang="{}">{}</span>').format(lang, text) if _differs(lang) else escape(text)


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str


@dataclass(frozen=True)
class Instrument:
    key: str  # phq-9, gad-7, pcl-5: the URL's name
    name: str
    title: str
    question: str
    responses: tuple[str, ...]  # index = item score
    items: tuple[str, ...]
    attribution: str
    instructions: str = ""
    bands: tuple[Band, ...] = ()
    difficulty: tuple[str, tuple[str, ...]] | None = None  # PHQ-9's unscored last question
    clusters: dict[str, tuple[int, int]] | None = None  # PCL-5: criterion -> (first item, last item)
    cutoff: int | None = None  # PCL-5's provisional cut-off

    @property
    def max_item(self) -> int:
        return len(self.responses) - 1

    @property
    def max_total(self) -> int:
        return self.max_item * len(self.items)


@dataclass(frozen=True)
class Library:
    version: int
    instruments: dict[str, Instrument]


@cache
def measures() -> Library:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    instruments = {}
    for item in raw["instruments"]:
        difficulty = item.get("difficulty")
        instruments[item["key"]] = Instrument(
            key=item["key"],
            name=item["name"],
            title=item["title"],
            question=item["question"],
            responses=tuple(item["responses"]),
            items=tuple(item["items"]),
            attribution=item["attribution"],
            instructions=item.get("instructions", ""),
            bands=tuple(Band(*band) for band in item.get("bands", [])),
            difficulty=(difficulty["question"], tuple(difficulty["responses"])) if difficulty else None,
            clusters={k: (v[0], v[1]) for k, v in item["clusters"].items()} if "clusters" in item else None,
            cutoff=item.get("cutoff"),
        )
    return Library(raw["version"], instruments)
