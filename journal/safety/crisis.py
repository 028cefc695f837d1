"""Crisis lines by country: ``journal/data/crisis-countries.json``, or the operator's ``CRISIS_RESOURCES``.

A person's country is the one they chose in Settings, else the one their IANA time zone lies in (the tz
database's ``zone.tab``, shipped by ``tzdata``). A country we hold no lines for gets an international
directory and "call your local emergency number", never another country's numbers.

A region, as pages and the PDF read it, is ``{"title", "code", "lines"}``; a line is ``{"name", "local_name",
"languages", "number", "text", "sms", "chat", "hours", "emergency", "source", "source_date"}`` (any of number and
text may be null), or, in an operator's own list, a plain sentence.

Languages: a region's ``title`` is data (the English name a person's choice in Settings is stored under); the name
shown is ``region_name``, the country's name in the reader's language from Babel (CLDR). A line's ``name`` and
``local_name`` (the service's own name in its country's language, where the file gives one) are names, never
translated. Our own words around them ("call", "Emergency services", the packaged opening hours) are translated
when a line is read (``line``), never in the cached data.
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
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

DATA = Path(__file__).resolve().parent.parent / "data" / "crisis-countries.json"
STALE_MONTHS = 18  # a number checked longer ago than this is flagged for an operator to check again
EMERGENCY_NAME = "Emergency services"
EMERGENCY_HOURS = "If you or someone else is in immediate danger"

# Our own words in the packaged lines, by their English text in the data: shown in the reader's language. A
# phrase changed in the file and not listed here is shown as written (in English) until it is added.
OWN_WORDS = {
    EMERGENCY_NAME: _l("Emergency services"),
    EMERGENCY_HOURS: _l("If you or someone else is in immediate danger"),
    "24 hours, every day": _l("24 hours, every day"),
    "24 hours, every day (per a 2015 listing; not reconfirmed)": _l(
        "24 hours, every day (per a 2015 listing; not reconfirmed)"
    ),
    "24 hours, every day (Finnish line)": _l("24 hours, every day (Finnish line)"),
    "Every day 15:30–00:30": _l("Every day 15:30–00:30"),
    "Not 24/7: usually 10:00 to midnight every day (2020 report); check telefonoamico.it": _l(
        "Not 24/7: usually 10:00 to midnight every day (2020 report); check telefonoamico.it"
    ),
    "Phone 24 hours, every day; chat every day 17:00–24:00 (from December 2021)": _l(
        "Phone 24 hours, every day; chat every day 17:00–24:00 (from December 2021)"
    ),
    "Not confirmed; check livslinien.dk": _l("Not confirmed; check livslinien.dk"),
    "Normally non-stop; weekend and holiday service was suspended in December 2024 for lack of funding – check "
    "current hours": _l(
        "Normally non-stop; weekend and holiday service was suspended in December 2024 for lack of funding – check "
        "current hours"
    ),
    "Only on the 10th of each month, 08:00 to 08:00 the next day (plus special campaign weeks)": _l(
        "Only on the 10th of each month, 08:00 to 08:00 the next day (plus special campaign weeks)"
    ),
    "Not confirmed for this number (SADAG said in 2025 that it runs 24-hour suicide helplines)": _l(
        "Not confirmed for this number (SADAG said in 2025 that it runs 24-hour suicide helplines)"
    ),
}


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
        "local_name": raw.get("local_name"),
        "languages": raw.get("languages"),
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
            "name": EMERGENCY_NAME,
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
    """The regions' titles: the values a choice in Settings is stored as (English for the packaged countries)."""
    return [region["title"] for region in regions()]


def region_name(region: dict) -> str:
    """The name a person reads: a packaged country's name in the active language (Babel's, from its ISO code),
    else the region's own title (an operator's region, or a code Babel does not know)."""
    code = region.get("code")
    locale = get_locale() if code else None
    if locale is not None:
        name = locale.territories.get(code)
        if name:
            return name
    return region["title"]


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
    """One crisis line as the page, the card and the PDF show it, our own words in the active language."""

    name: str
    number: str | None = None
    tel: str | None = None  # what a phone dials: the first number, digits only ("112 or 999" dials 112)
    text: str | None = None  # "text HOME to 741741", lower-cased after a number ("call 988, text 988")
    hours: str | None = None
    emergency: bool = False
    sms: str | None = None  # an sms: address with its body, for phones that open a message
    chat: str | None = None
    local_name: str | None = None  # the service's own name in its country's language
    lang: str | None = None  # that language, as a BCP 47 tag ("de", "pt")
    proper: bool = True  # the name is the service's own (never translated); False for our "Emergency services"

    @property
    def extra_local_name(self) -> str | None:
        """The local name, where the name shown does not already say it."""
        return self.local_name if self.local_name and self.local_name not in self.name else None

    @property
    def name_lang(self) -> str | None:
        """The name's language, where it is (or holds) the service's local name."""
        return self.lang if self.local_name and self.local_name in self.name else None

    @property
    def sentence(self) -> str:
        """The line in one sentence, for print."""
        name = f"{self.name} ({self.extra_local_name})" if self.extra_local_name else self.name
        if self.number and self.text:
            said = _("%(name)s: call %(number)s, %(text)s", name=name, number=self.number, text=self.text)
        elif self.number:
            said = _("%(name)s: call %(number)s", name=name, number=self.number)
        elif self.text:
            said = _("%(name)s: %(text)s", name=name, text=self.text)
        else:
            said = name
        return _("%(line)s (%(hours)s)", line=said, hours=self.hours) if self.hours else said


def _sms_words(sms: dict, after_number: bool) -> str:
    """How to text a line, in the active language: a sentence's start, or its second part after a number."""
    number, keyword = sms["number"], sms.get("body")
    if after_number:
        if keyword:
            return _("text %(keyword)s to %(number)s", keyword=keyword, number=number)
        return _("text %(number)s", number=number)
    if keyword:
        return _("Text %(keyword)s to %(number)s", keyword=keyword, number=number)
    return _("Text %(number)s", number=number)


def _own_words(text: str | None) -> str | None:
    """A packaged phrase of ours in the active language; anything else (an operator's words) as written."""
    return str(OWN_WORDS[text]) if text in OWN_WORDS else text


def line(raw: dict | str) -> Line:
    """A configured line (or an operator's plain sentence) read once, for every place that shows it."""
    if isinstance(raw, str):
        return Line(raw)
    number, text, sms = raw.get("number"), raw.get("text"), raw.get("sms")
    dial = re.match(r"[+\d][\d -]*", number or "")
    address = None
    if sms:
        address = f"sms:{sms['number'].replace(' ', '')}" + (f"?&body={sms['body']}" if sms.get("body") else "")
    if isinstance(sms, dict) and sms.get("number"):
        text = _sms_words(sms, after_number=bool(number))  # our words: in the reader's language
    elif text:
        text = text[0].lower() + text[1:] if number else text  # an operator's own words, as written
    emergency = bool(raw.get("emergency"))
    languages = raw.get("languages") or []
    return Line(
        _own_words(raw["name"]) if emergency else raw["name"],
        number,
        re.sub(r"[ -]", "", dial.group()).strip() if dial else None,
        text or None,
        _own_words(raw.get("hours")),
        emergency,
        address,
        raw.get("chat"),
        raw.get("local_name"),
        languages[0].replace("_", "-") if languages else None,
        proper=not (emergency and raw["name"] in OWN_WORDS),
    )


def help_page(user) -> dict:
    """What the help page shows a person: every region's lines, their own region first (none for a visitor)."""
    own = own_region(user.crisis_region, user.time_zone) if user.is_authenticated else None
    return {"resources": resources(own), "own": own, "directory": international()}
