"""Time zones: which ones are offered, and showing UTC times in the user's zone."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo, available_timezones


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


CLOCKS = {"24h": "24-hour (14:30)", "12h": "12-hour (2:30 PM)"}


def format_local(moment: datetime, zone: str, fmt: str, clock: str = "24h") -> str:
    """Show a UTC moment in a zone with a strftime format, on the person's clock.

    Formats are written for the 24-hour clock (``%H:%M``); the 12-hour clock
    swaps that for ``%-I:%M %p`` (with seconds, ``%-I:%M:%S %p``). Every date and time a person reads (pages,
    emails, PDFs) is formatted here.
    """
    if clock == "12h":
        fmt = fmt.replace("%H:%M:%S", "%-I:%M:%S %p").replace("%H:%M", "%-I:%M %p")
    return to_local(moment, zone).strftime(fmt)
