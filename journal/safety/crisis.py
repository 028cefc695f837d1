"""Crisis lines by country: ``journal/data/crisis-countries.json``, or the operator's ``CRISIS_RESOURCES``.

A person's country is the one they chose in Settings, else the one their IANA time zone lies in (the tz
database's ``zone.tab``, shipped by ``tzdata``). A country we hold no lines for gets an international
directory and "call your local emergency number", never another country's numbers.

A region, as pages and the PDF read it, is ``{"title", "code", "lines"}``; a line is ``{"name", "number",
"text", "sms", "chat", "hours", "emergency", "source", "source_date"}`` (any of number and text may be
null), or, in an operator's own list, a plain sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources as package_files
from pathlib import Path

from flask import current_app

DATA = Path(__file__).resolve().parent.parent / "data" / "crisis-countries.json"
STALE_MONTHS = 18  # a number checked longer ago than this is flagged for an operator to check again
EMERGENCY_HOURS = "If you or someone else is in immediate danger"


@cache
def packaged() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _line(raw: dict) -> dict:
    sms = raw.get("sms")
    text = None
    if sms:
        text = f"Text {sms['body']} to {sms['number']}" if sms.get("body") else f"Text {sms['number']}"
    return {
        "name": raw["name"],
        "number": raw.get("phone"),
        "text": text,
        "sms": sms,
        "chat": raw.get("chat"),
        "hours": raw.get("hours"),
        "emergency": False,
        "source": raw.get("source"),
        "source_date": raw.get("source_date"),
    }


@cache
def packaged_regions() -> list[dict]:
    """Every country of the packaged file as a region, by name, its emergency number last."""
    regions = []
    for code, country in sorted(packaged()["countries"].items(), key=lambda item: item[1]["name"]):
        emergency = {
            "name": "Emergency services",
            "number": country["emergency"],
            "text": None,
            "hours": EMERGENCY_HOURS,
            "emergency": True,
            "source": country.get("emergency_source"),
            "source_date": country.get("emergency_source_date"),
        }
        regions.append(
            {"title": country["name"], "code": code, "lines": [*(_line(raw) for raw in country["lines"]), emergency]}
        )
    return regions


def international() -> dict:
    """Where to look when we hold no lines for a country."""
    return packaged()["international"]


def regions() -> list[dict]:
    """The configured regions (the packaged countries unless the operator set a list of their own)."""
    configured = current_app.config.get("CRISIS_RESOURCES")
    return packaged_regions() if configured is None else configured


def region_titles() -> list[str]:
    return [region["title"] for region in regions()]


@cache
def _zone_countries() -> dict[str, str]:
    table = package_files.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    return {
        fields[2]: fields[0]
        for fields in (line.split("\t") for line in table.splitlines())
        if len(fields) >= 3 and not fields[0].startswith("#")
    }


def country_of_zone(zone: str | None) -> str | None:
    """The ISO 3166 country an IANA zone lies in ("Europe/London" -> "GB"), or None ("UTC")."""
    return _zone_countries().get(zone or "")


def own_region(chosen: str | None, zone: str | None) -> dict | None:
    """A person's own region: the one they chose (while it is still listed), else their time zone's country,
    else an operator's only region; None when we hold none for them."""
    listed = regions()
    found = next((region for region in listed if chosen and region["title"] == chosen), None)
    if found is None:
        code = country_of_zone(zone)
        found = next((region for region in listed if code and region.get("code") == code), None)
    if found is None and len(listed) == 1:  # a clinic's own list of one region serves everyone
        found = listed[0]
    return found


def resources(own: dict | None) -> list[dict]:
    """Every region, the person's own first."""
    return sorted(regions(), key=lambda region: region is not own)


def danger_number(region: dict | None) -> str | None:
    """The number to call when in danger now: the region's emergency line; None for an unknown country."""
    lines = [line for line in (region or {"lines": []})["lines"] if isinstance(line, dict) and line.get("number")]
    emergency = [line for line in lines if line.get("emergency")]
    return (emergency or [{"number": None}])[0]["number"]


def stale(today: date, months: int = STALE_MONTHS) -> list[tuple[str, str, str]]:
    """(country, line, date) of every packaged number last checked more than ``months`` before ``today``.

    A number is as fresh as its last check: the file's ``checked`` date (every line was confirmed against its
    source then), or a line's own ``checked`` where an operator re-verified one line.
    """
    checked_all = date.fromisoformat(packaged()["checked"])
    found = []
    for region in packaged_regions():
        for line in region["lines"]:
            checked = date.fromisoformat(line["checked"]) if line.get("checked") else checked_all
            if _months_between(checked, today) > months:
                found.append((region["title"], line["name"], checked.isoformat()))
    return found


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


@dataclass(frozen=True)
class Line:
    """One crisis line as the page, the card and the PDF show it."""

    name: str
    number: str | None = None
    tel: str | None = None  # what a phone dials: the first number, digits only ("112 or 999" dials 112)
    text: str | None = None  # "text HOME to 741741", lower-cased after a number ("call 988, text 988")
    hours: str | None = None
    emergency: bool = False
    sms: str | None = None  # an sms: address with its body, for phones that open a message
    chat: str | None = None

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
    number, text, sms = raw.get("number"), raw.get("text"), raw.get("sms")
    dial = re.match(r"[+\d][\d -]*", number or "")
    address = None
    if sms:
        address = f"sms:{sms['number'].replace(' ', '')}" + (f"?&body={sms['body']}" if sms.get("body") else "")
    return Line(
        raw["name"],
        number,
        re.sub(r"[ -]", "", dial.group()).strip() if dial else None,
        (text[0].lower() + text[1:] if number else text) if text else None,
        raw.get("hours"),
        bool(raw.get("emergency")),
        address,
        raw.get("chat"),
    )
