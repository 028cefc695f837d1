"""The crisis lines: every region the issue names, each line complete; the operator's list replaces them."""

from __future__ import annotations

import pytest

from journal.safety import crisis

REGIONS = ["United States", "Canada", "United Kingdom", "Ireland", "Australia", "New Zealand", "Elsewhere"]


def test_the_packaged_list_has_every_region_and_complete_lines():
    assert [region["title"] for region in crisis.packaged()] == REGIONS
    for region in crisis.packaged():
        assert any(line["emergency"] for line in region["lines"]), region["title"]
        for line in region["lines"]:
            assert set(line) == {"name", "number", "text", "hours", "emergency"}
            assert line["name"] and line["hours"]


@pytest.mark.parametrize(
    "region, number",
    [
        ("United States", "911"),
        ("Canada", "911"),
        ("United Kingdom", "999"),
        ("Ireland", "112 or 999"),
        ("Australia", "000"),
        ("New Zealand", "111"),
        ("Elsewhere", "112"),
        (None, "911"),
        ("Atlantis", "911"),
    ],
)
def test_the_number_to_call_in_danger_is_the_regions_emergency_line(app, region, number):
    with app.app_context():
        assert crisis.danger_number(region) == number
        assert crisis.resources(region)[0]["title"] == (region if region in REGIONS else "United States")


def test_an_operators_list_replaces_the_packaged_one(app):
    app.config["CRISIS_RESOURCES"] = [
        {"title": "Clinic", "lines": ["Call the clinic on 555 0100."]},
        {"title": "Other", "lines": [{"name": "Line", "number": "555 0199"}]},
    ]
    with app.app_context():
        assert crisis.region_titles() == ["Clinic", "Other"]
        assert crisis.danger_number("Clinic") is None  # a sentence has no number: the card says "local emergency"
        assert crisis.danger_number("Other") == "555 0199"


@pytest.mark.parametrize(
    "number, tel",
    [("988", "988"), ("112 or 999", "112"), ("1-800-668-6868", "18006686868"), ("13 11 14", "131114"), (None, None)],
)
def test_a_number_is_dialled_as_its_first_number_in_digits(number, tel):
    assert crisis.line({"name": "A line", "number": number}).tel == tel


def test_a_line_reads_the_same_in_print_and_keeps_its_keyword():
    line = crisis.line({"name": "Lifeline", "number": "13 11 14", "text": "Text 0477 13 11 14", "hours": "24/7"})
    assert line.sentence == "Lifeline: call 13 11 14, text 0477 13 11 14 (24/7)"
    assert crisis.line({"name": "Shout", "number": None, "text": "Text SHOUT to 85258"}).text == "Text SHOUT to 85258"
    assert crisis.line("Call the clinic.").sentence == "Call the clinic."
