"""Crisis lines by country: the packaged data's promises, the country read from the time zone, and the rule that
an unknown country gets a directory and "your local emergency number", never another country's numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from journal.models import Role
from journal.safety import crisis

REQUIRED = {
    "US",
    "CA",
    "GB",
    "IE",
    "AU",
    "NZ",
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "BE",
    "AT",
    "PT",
    "SE",
    "DK",
    "FI",
    "NO",
    "PL",
    "BR",
    "MX",
    "IN",
    "JP",
    "ZA",
}


def test_the_packaged_data_covers_at_least_25_countries_each_with_a_sourced_and_dated_line():
    countries = crisis.packaged()["countries"]
    assert len(countries) >= 25 and REQUIRED <= set(countries)
    for code, country in countries.items():
        assert country["emergency"].replace(" ", "").isdigit(), code
        assert country["lines"], code
        for line in country["lines"]:
            assert line["name"] and (line.get("phone") or line.get("sms")), (code, line["name"])
            assert line["source"].startswith("http") and date.fromisoformat(line["source_date"]), line["name"]
            assert line["hours"] and line["languages"], line["name"]
    assert crisis.international()["url"].startswith("https://")


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/London", "GB"),
        ("Australia/Sydney", "AU"),
        ("America/Toronto", "CA"),
        ("Asia/Kolkata", "IN"),
        ("UTC", None),
    ],
)
def test_the_country_is_read_from_the_time_zone(zone, country):
    assert crisis.country_of_zone(zone) == country


@pytest.mark.parametrize(
    ("zone", "danger", "line", "absent"),
    [
        ("Europe/London", "999", "116 123", "911"),
        ("Australia/Sydney", "000", "13 11 14", "911"),
        ("America/New_York", "911", "988", "999"),
    ],
)
def test_a_person_gets_their_own_countrys_emergency_number_and_lines(app, zone, danger, line, absent):
    with app.app_context():
        own = crisis.own_region(None, zone)
        numbers = {entry["number"] for entry in own["lines"]}
        assert crisis.danger_number(own) == danger and line in numbers and absent not in numbers


def test_the_country_chosen_in_settings_wins_over_the_time_zone(app):
    with app.app_context():
        assert crisis.own_region("Ireland", "Europe/London")["code"] == "IE"


@pytest.mark.parametrize("zone", ["Pacific/Fiji", "Asia/Kathmandu", "UTC", None])
def test_an_unknown_country_gets_no_other_countrys_numbers(app, zone):
    with app.app_context():
        own = crisis.own_region(None, zone)
        assert own is None and crisis.danger_number(own) is None


def test_an_operators_list_replaces_the_packaged_one(app):
    app.config["CRISIS_RESOURCES"] = [
        {"title": "Clinic", "lines": ["Call the clinic on 555 0100."]},
        {"title": "Other", "lines": [{"name": "Line", "number": "555 0199", "emergency": True}]},
    ]
    with app.app_context():
        assert crisis.region_titles() == ["Clinic", "Other"]
        assert crisis.danger_number(crisis.own_region("Clinic", None)) is None  # a sentence has no number
        assert crisis.danger_number(crisis.own_region("Other", None)) == "555 0199"


def test_numbers_last_checked_over_18_months_ago_are_flagged():
    checked = date.fromisoformat(crisis.packaged()["checked"])
    assert crisis.stale(checked) == []
    assert crisis.stale(date(checked.year + 1, checked.month, 1)) == []
    every = sum(len(region["lines"]) for region in crisis.packaged_regions())
    assert len(crisis.stale(date(checked.year + 2, checked.month, 1))) == every


def test_a_region_chosen_under_a_title_no_longer_listed_falls_back_to_the_time_zone(app):
    with app.app_context():
        assert crisis.own_region("Elsewhere", "Europe/London")["code"] == "GB"


def test_an_operators_single_region_serves_everyone(app):
    app.config["CRISIS_RESOURCES"] = [{"title": "Clinic", "lines": [{"name": "Clinic line", "number": "555 0100"}]}]
    with app.app_context():
        assert crisis.own_region(None, "Europe/London")["title"] == "Clinic"


@pytest.mark.parametrize(
    "number, tel",
    [("988", "988"), ("112 or 999", "112"), ("1-800-668-6868", "18006686868"), ("13 11 14", "131114"), (None, None)],
)
def test_a_number_is_dialled_as_its_first_number_in_digits(number, tel):
    assert crisis.line({"name": "A line", "number": number}).tel == tel


def test_a_text_line_is_an_sms_link_with_its_keyword():
    shout = crisis.line(
        {"name": "Shout", "number": None, "text": "Text SHOUT to 85258", "sms": {"number": "85258", "body": "SHOUT"}}
    )
    assert shout.sms == "sms:85258?&body=SHOUT" and shout.text == "Text SHOUT to 85258"
    line = crisis.line({"name": "Lifeline", "number": "13 11 14", "text": "Text 0477 13 11 14", "hours": "24/7"})
    assert line.sentence == "Lifeline: call 13 11 14, text 0477 13 11 14 (24/7)"
    assert crisis.line("Call the clinic.").sentence == "Call the clinic."


def test_the_check_command_lists_old_sources_by_the_frozen_clock(runner, raw_clock):
    raw_clock(datetime(2026, 12, 3, tzinfo=UTC))
    result = runner.invoke(args=["crisis-lines", "check", "--months", "1200"])
    assert result.exit_code == 0 and "30 countries" in result.output
    raw_clock(datetime(2031, 1, 1, tzinfo=UTC))  # every source is then older than 18 months
    flagged = runner.invoke(args=["crisis-lines", "check"])
    assert flagged.exit_code == 1 and "United Kingdom: Samaritans (last checked 2026-12-03)" in flagged.output


def test_the_admin_page_flags_lines_to_check_again_and_only_admins_see_it(app, make_user, clock):
    from tests.conftest import login_client

    make_user(Role.ADMIN, email="admin@example.org")
    make_user(email="p@example.org")
    admin = login_client(app, "admin@example.org")
    clock(datetime(2026, 12, 3, tzinfo=UTC))
    page = admin.get("/admin/crisis-lines").get_data(as_text=True)
    assert "Samaritans" in page and "116 123" in page and ">check again<" not in page
    clock(datetime(2031, 1, 1, tzinfo=UTC))
    assert admin.get("/admin/crisis-lines").get_data(as_text=True).count(">check again<") == sum(
        len(region["lines"]) for region in crisis.packaged_regions()
    )
    assert login_client(app, "p@example.org").get("/admin/crisis-lines").status_code == 404
