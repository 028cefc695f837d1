"""One place for time zones: a local day or wall-clock time, read in a person's zone, as UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from journal.timezones import local_midnight_utc, resolve_time_zone, to_local, to_utc


@pytest.mark.parametrize(
    ("day", "zone", "expected"),
    [
        (date(2026, 1, 15), "Europe/Berlin", datetime(2026, 1, 14, 23, 0, tzinfo=UTC)),  # winter, UTC+1
        (date(2026, 7, 15), "Europe/Berlin", datetime(2026, 7, 14, 22, 0, tzinfo=UTC)),  # summer, UTC+2
        (date(2026, 3, 8), "America/New_York", datetime(2026, 3, 8, 5, 0, tzinfo=UTC)),  # the day clocks go forward
        (date(2026, 1, 15), "Pacific/Kiritimati", datetime(2026, 1, 14, 10, 0, tzinfo=UTC)),  # UTC+14
        (date(2026, 1, 15), "UTC", datetime(2026, 1, 15, 0, 0, tzinfo=UTC)),
    ],
)
def test_a_local_day_begins_at_its_own_midnight(day, zone, expected):
    assert local_midnight_utc(day, zone) == expected
    assert to_local(expected, zone).date() == day and to_local(expected, zone).hour == 0


def test_a_wall_clock_time_is_read_in_the_persons_zone():
    assert to_utc(datetime(2026, 10, 1, 9, 30), "Australia/Sydney") == datetime(2026, 9, 30, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Lisbon", "Europe/Lisbon"),
        ("lisbon", "Europe/Lisbon"),
        ("  New York ", "America/New_York"),
        ("sao paulo", "America/Sao_Paulo"),
        ("São Paulo", "America/Sao_Paulo"),
        ("port au prince", "America/Port-au-Prince"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),  # an old alias shares the city: the current name
        ("Europe/Lisbon", "Europe/Lisbon"),
        ("america/new york", "America/New_York"),
        ("Etc/GMT-1", "Etc/GMT-1"),
        ("UTC", "UTC"),
        ("Mars", None),
        ("", None),
    ],
)
def test_a_typed_city_or_zone_is_read_as_its_zone(typed, zone):
    assert resolve_time_zone(typed) == zone
