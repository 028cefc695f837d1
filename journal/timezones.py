"""Time zones: which ones are offered, and showing UTC times in the user's zone."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from flask_babel import lazy_gettext as _l


@cache
def time_zone_names() -> frozenset[str]:
    """Return the IANA zones offered to users (regional names and UTC)."""
    return frozenset(zone for zone in available_timezones() if "/" in zone or zone == "UTC")


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    """List the zones as (value, label) pairs, sorted, with readable labels."""
    return [(zone, zone.replace("_", " ")) for zone in sorted(time_zone_names())]


def is_valid_time_zone(name: str) -> bool:
    """Tell whether a name is one of the offered IANA zones."""
    return name in time_zone_names()


# Zones under these areas are named after a city, so typing the city alone finds them.
CITY_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


def _key(text: str) -> str:
    """A name as compared when typed: without accents, case, spaces, underscores or hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.casefold() if ch.isalnum() or ch in "/+")


@cache
def _by_key() -> dict[str, str]:
    """Typed forms of the offered zones: each full name, and the city alone.

    A city in two zones (old aliases such as America/Buenos_Aires) goes to the longer, current name.
    """
    by_city: dict[str, str] = {}
    for zone in sorted(time_zone_names(), key=lambda name: (len(name), name)):
        if zone.startswith(CITY_AREAS):
            by_city[_key(zone.rsplit("/", 1)[-1])] = zone
    return by_city | {_key(zone): zone for zone in time_zone_names()}


def resolve_time_zone(typed: str) -> str | None:
    """The IANA zone a person means by what they typed ("Lisbon", "new york", "São Paulo",
    "Europe/Lisbon"), or None. Every time zone field reads its value here."""
    exact = typed.strip().replace(" ", "_")
    if exact in time_zone_names():
        return exact
    return _by_key().get(_key(exact))


def to_local(moment: datetime, zone: str) -> datetime:
    """Convert an aware UTC datetime to the given zone."""
    return moment.astimezone(ZoneInfo(zone))


def to_utc(local: datetime, zone: str) -> datetime:
    """Read a wall-clock time (naive, as a person typed or chose it) in a zone, as an aware UTC moment."""
    return local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local_midnight_utc(day: date, zone: str) -> datetime:
    """The moment a day begins in a time zone, in UTC: where "that day" starts for a person."""
    return to_utc(datetime.combine(day, time.min), zone)


def local_days_between(earlier: datetime, later: datetime, zone: str) -> int:
    """How many of a person's calendar days lie between two moments: 0 on the same local date."""
    return (to_local(later, zone).date() - to_local(earlier, zone).date()).days


# The values are stored; the labels are shown (lazy: translated when drawn).
CLOCKS = {"24h": _l("24-hour (14:30)"), "12h": _l("12-hour (2:30 PM)")}


def format_local(moment: datetime, zone: str, fmt: str, clock: str = "24h") -> str:
    """Show a UTC moment in a zone with a strftime format, on the person's clock, in the active language.

    Formats are written for the 24-hour clock (``%H:%M``); the 12-hour clock
    swaps that for ``%-I:%M %p`` (with seconds, ``%-I:%M:%S %p``). In a language other than English the format
    is read as what it shows (day, month name, year, time) and written the way that language does with Babel
    ("3. Dezember 2026"); machine formats (ISO dates) stay as they are. Every date and time a person reads
    (pages, emails, PDFs) is formatted here.
    """
    local = to_local(moment, zone)
    locale = _active_locale()
    if locale is not None and not locale.startswith("en") and "%Y-%m" not in fmt:
        return _babel_format(local, fmt, clock, locale)
    if clock == "12h":
        fmt = fmt.replace("%H:%M:%S", "%-I:%M:%S %p").replace("%H:%M", "%-I:%M %p")
    return local.strftime(fmt)


def _active_locale() -> str | None:
    from flask_babel import get_locale  # the app's language, where there is an app

    try:
        locale = get_locale()
    except RuntimeError:  # no application context
        return None
    return str(locale) if locale is not None else None


# strftime directives and the CLDR skeleton letters that show the same thing.
_DATE_PARTS = (("%A", "EEEE"), ("%a", "EEE"), ("%Y", "y"), ("%B", "MMMM"), ("%b", "MMM"), ("%m", "MM"), ("%-d", "d"))


def _babel_format(local: datetime, fmt: str, clock: str, locale: str) -> str:
    from babel import Locale
    from babel.dates import format_skeleton

    date_skeleton = "".join(letters for directive, letters in _DATE_PARTS if directive in fmt)
    if "%d" in fmt and "d" not in date_skeleton:
        date_skeleton += "d"
    time_skeleton = ""
    if "%H:%M" in fmt:
        time_skeleton = ("h" if clock == "12h" else "H") + ("ms" if "%H:%M:%S" in fmt else "m")
    date_text = format_skeleton(date_skeleton, local, locale=locale, fuzzy=True) if date_skeleton else ""
    time_text = format_skeleton(time_skeleton, local, locale=locale, fuzzy=True) if time_skeleton else ""
    if date_text and time_text:
        return str(Locale.parse(locale).datetime_formats["medium"]).format(time_text, date_text)
    return date_text or time_text or local.strftime(fmt)
