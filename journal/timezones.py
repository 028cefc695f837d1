"""Time zones: which ones are offered, and showing UTC times in the user's zone."""

from __future__ import annotations

from datetime import datetime
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


def to_local(moment: datetime, zone: str) -> datetime:
    """Convert an aware UTC datetime to the given zone."""
    return moment.astimezone(ZoneInfo(zone))
