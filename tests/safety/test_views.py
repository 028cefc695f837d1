"""The care card: offered after every kind of save that can carry risk, and only then; calm, the person's
region first, honest about what a therapist sees; and the flash behind it holds no word of the journal."""

from __future__ import annotations

import base64
import json
import re
import zlib

import pytest

from tests.entries.test_views import _two_tabs, editor_fields

ISSUE = "I thought about hurting myself tonight"
CARD = 'aria-labelledby="care-card-title"'


def new_entry(client, patient, journal, **fields):
    page = client.get("/entries/new").get_data(as_text=True)
    return client.post_form("/entries/new", {**editor_fields(page), **fields})


def edited_entry(client, patient, journal, **fields):
    entry_id = journal.entry(patient.id, "a quiet morning")
    page = client.get(f"/entries/{entry_id}/edit").get_data(as_text=True)
    return client.post_form(f"/entries/{entry_id}/edit", {**editor_fields(page), **fields})


def both_versions(client, patient, journal, **fields):
    """A stale tab's save, kept as a second entry: the conflict page carries the words to the final save."""
    entry_id = journal.entry(patient.id, "original")
    conflict = client.post_form(f"/entries/{entry_id}/edit", {**_two_tabs(client, entry_id), **fields})
    assert conflict.status_code == 409
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', conflict.get_data(as_text=True)))
    carried.pop("csrf_token", None)
    return client.post_form(f"/entries/{entry_id}/edit", {**carried, "resolution": "both"})


def questionnaire(client, patient, journal, item9="0", **_):
    return client.post_form("/measures/phq-9/new", {**{f"item{n}": "1" for n in range(1, 9)}, "item9": item9})


SAVES = [new_entry, edited_entry, both_versions]


@pytest.mark.parametrize("save", SAVES, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "fields",
    [
        {"answer_0": ISSUE},
        {"answer_0": "A grey day.", "mood": "-5"},
        {"answer_0": "A grey day.", "mood": "-4"},
        {"answer_0": "A grey day.", "after_effects": "urge_to_use"},
        {"answer_0": "A grey day.", "title": "Thinking of suicide"},
    ],
    ids=["words", "mood-5", "mood-4", "urge", "title"],
)
def test_every_entry_save_offers_the_card_when_risk_is_noticed(client, patient, journal, save, fields):
    response = save(client, patient, journal, **fields)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert CARD in page
    assert CARD not in client.get(response.headers["Location"]).get_data(as_text=True)  # once, not on every visit


@pytest.mark.parametrize("save", SAVES, ids=lambda f: f.__name__)
def test_an_ordinary_save_offers_no_card(client, patient, journal, save):
    response = save(client, patient, journal, answer_0="Warm hands, a slow walk.", mood="-3", after_effects="nausea")
    assert CARD not in client.get(response.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("item9, card", [("0", False), ("1", True), ("3", True)])
def test_a_phq9_with_item9_above_zero_offers_the_card(client, patient, journal, item9, card):
    response = questionnaire(client, patient, journal, item9=item9)
    assert (CARD in client.get(response.headers["Location"]).get_data(as_text=True)) is card


def test_the_card_puts_the_persons_region_first_and_is_honest_about_the_therapist(app, client, patient, journal):
    with app.app_context():
        from journal.extensions import db
        from journal.models import User

        db.session.get(User, patient.id).crisis_region = "United Kingdom"
        db.session.commit()
    response = new_entry(client, patient, journal, answer_0=ISSUE)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    card = page[page.index('<aside class="care-card"') : page.index("</aside>")]
    assert "<h3>United Kingdom</h3>" in card and "Samaritans" in card and 'href="tel:116123"' in card
    assert "988" not in card  # other regions are one link away, not crowding the card
    assert "Your therapist is not watching in real time. If you are in danger now, call 999." in card
    assert 'href="/help"' in card
    assert "diagnos" not in card.lower()


def test_the_flash_behind_the_card_holds_no_word_of_the_journal(client, patient, journal):
    new_entry(client, patient, journal, answer_0=ISSUE)
    cookie = client.get_cookie("session").value  # Flask's signed (not encrypted) cookie: readable JSON
    payload = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    text = (zlib.decompress(raw) if cookie.startswith(".") else raw).decode()
    assert {" t": ["care", ""]} in json.loads(text)["_flashes"]  # tuples are tagged " t"
    assert not re.search(r"hurt|myself|tonight", text, re.IGNORECASE)


def test_the_help_page_lists_every_region_with_name_number_text_and_hours(client):
    page = client.get("/help").get_data(as_text=True)
    for title in ("United States", "Canada", "United Kingdom", "Ireland", "Australia", "New Zealand", "Elsewhere"):
        assert f"<h2>{title}</h2>" in page
    assert 'href="tel:988"' in page and "text home to 741741" in page.lower() and "24 hours, every day" in page
