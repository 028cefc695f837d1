"""Crisis lines by region, from ``journal/data/crisis-lines.json`` or the operator's ``CRISIS_RESOURCES``.

A region is ``{"title": ..., "lines": [...]}``; a line is ``{"name", "number",
"text", "hours", "emergency"}`` (any of number and text may be null), or, in
an operator's own list, a plain sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask import current_app

DATA = Path(__file__).resolve().parent.parent / "data" / "crisis-lines.json"


@cache
def packaged() -> list[dict]:
    return json.loads(DATA.read_text(encoding="utf-8"))["regions"]


def regions() -> list[dict]:
    """The configured regions, in their configured order (the packaged list unless the operator set one)."""
    configured = current_app.config.get("CRISIS_RESOURCES")
    return packaged() if configured is None else configured


def region_titles() -> list[str]:
    return [region["title"] for region in regions()]


def resources(region: str | None) -> list[dict]:
    """Every region, the person's own first."""
    return sorted(regions(), key=lambda group: group["title"] != region)


def danger_number(region: str | None) -> str | None:
    """The number to call when in danger now: the person's region's emergency line (else its first number)."""
    lines = [
        line
        for line in (resources(region) or [{"lines": []}])[0]["lines"]
        if isinstance(line, dict) and line.get("number")
    ]
    emergency = [line for line in lines if line.get("emergency")]
    return (emergency or lines or [{"number": None}])[0]["number"]


@dataclass(frozen=True)
class Line:
    """One crisis line as the page, the card and the PDF show it."""

    name: str
    number: str | None = None
    tel: str | None = None  # what a phone dials: the first number, digits only ("112 or 999" dials 112)
    text: str | None = None  # "text HOME to 741741", lower-cased after a number ("call 988, text 988")
    hours: str | None = None
    emergency: bool = False

    @property
    def sentence(self) -> str:
        """The line in one sentence, for print."""
        how = [f"call {self.number}"] if self.number else []
        how += [self.text] if self.text else []
        return self.name + (": " + ", ".join(how) if how else "") + (f" ({self.hours})" if self.hours else "")


def line(raw: dict | str) -> Line:
    """A configured line (or an operator's plain sentence) read once, for every place that shows it."""
    if isinstance(raw, str):
        return Line(raw)
    number, text = raw.get("number"), raw.get("text")
    dial = re.match(r"[+\d][\d -]*", number or "")
    return Line(
        raw["name"],
        number,
        re.sub(r"[ -]", "", dial.group()).strip() if dial else None,
        (text[0].lower() + text[1:] if number else text) if text else None,
        raw.get("hours"),
        bool(raw.get("emergency")),
    )
