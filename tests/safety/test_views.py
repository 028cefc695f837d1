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


def without_forms(card: str) -> str:
    """The card without its forms, whose addresses and CSRF tokens are random digits ("...a911373")."""
    return re.sub(r"<form.*?</form>", "", card, flags=re.S)


def new_entry(client, patient, journal, **fields):
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
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
    card = page[page.index('<aside class="care-card care-card-urgent"') : page.index("</aside>")]
    assert "<h3>United Kingdom</h3>" in card and "Samaritans" in card and 'href="tel:116123"' in card
    assert "988" not in without_forms(card)  # other regions are one link away, not crowding the card
    assert 'If you are in danger now, call <a href="tel:999">999</a>.' in card
    assert 'href="/help"' in card
    assert "diagnos" not in card.lower()


def test_the_flash_behind_the_card_holds_no_word_of_the_journal(client, patient, journal):
    new_entry(client, patient, journal, answer_0=ISSUE)
    cookie = client.get_cookie("session").value  # Flask's signed (not encrypted) cookie: readable JSON
    payload = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    text = (zlib.decompress(raw) if cookie.startswith(".") else raw).decode()
    assert {" t": ["care", "urgent"]} in json.loads(text)["_flashes"]  # tuples are tagged " t"; the level only
    assert not re.search(r"hurt|myself|tonight", text, re.IGNORECASE)


def test_the_help_page_lists_every_region_with_name_number_text_and_hours(client):
    page = client.get("/help").get_data(as_text=True)
    for title in ("United States", "Canada", "United Kingdom", "Ireland", "Australia", "New Zealand", "Elsewhere"):
        assert f"<h2>{title}</h2>" in page
    assert 'href="tel:988"' in page and "text home to 741741" in page.lower() and "24 hours, every day" in page


def card_of(client, response) -> str:
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    return page[page.index('<aside class="care-card') : page.index("</aside>")]


def test_the_urgent_card_puts_the_lines_first_and_the_gentle_card_the_plan(client, patient, journal):
    urgent = card_of(client, new_entry(client, patient, journal, answer_0="ive been saving up my pills"))
    assert "care-card-urgent" in urgent and "You don't have to carry this alone" in urgent
    assert urgent.index("resource-list") < urgent.index("safety plan")
    gentle = card_of(client, new_entry(client, patient, journal, answer_0="honestly just exhausted by existing"))
    assert "care-card-gentle" in gentle and "Thank you for writing this down" in gentle
    assert gentle.index("safety plan") < gentle.index("resource-list")


def test_the_card_offers_to_start_a_plan_until_there_is_one(client, patient, journal):
    assert "Start a safety plan" in card_of(client, new_entry(client, patient, journal, answer_0=ISSUE))
    client.post_form("/safety-plan", {"version": "0", "helpers": "my sister"})
    card = card_of(client, new_entry(client, patient, journal, answer_0=ISSUE))
    assert "Open your safety plan" in card and "Start a safety plan" not in card


@pytest.mark.parametrize(
    ("zone", "seen", "unseen"),
    [
        (
            "Europe/London",
            ["Samaritans", 'href="tel:116123"', 'href="tel:999"', 'href="sms:85258?&amp;body=SHOUT"'],
            ["988", "911", "13 11 14"],
        ),
        ("Australia/Sydney", ["Lifeline", 'href="tel:131114"', 'href="tel:000"'], ["988", "911", "116 123"]),
    ],
)
def test_after_an_urgent_entry_the_card_shows_the_patients_own_country(client, auth, make_user, zone, seen, unseen):
    make_user(email="abroad@example.org", time_zone=zone)
    auth.login("abroad@example.org")
    card = card_of(client, new_entry(client, None, None, answer_0="i keep thinking about how many pills it would take"))
    assert "care-card-urgent" in card
    assert all(text in card for text in seen), card
    assert not any(text in without_forms(card) for text in unseen), card


def test_a_country_we_hold_no_lines_for_gets_a_directory_and_no_other_countrys_numbers(client, auth, make_user):
    make_user(email="fiji@example.org", time_zone="Pacific/Fiji")
    auth.login("fiji@example.org")
    card = card_of(client, new_entry(client, None, None, answer_0="i keep thinking about how many pills it would take"))
    assert "your local emergency number" in card and "findahelpline.com" in card
    assert not re.search(r'href="tel:', card)


def test_need_help_now_is_in_the_header_of_every_page(client, auth, make_user):
    pages = ["/login", "/register", "/help"]
    make_user(email="p2@example.org")
    auth.login("p2@example.org")
    pages += ["/", "/entries", "/entries/new", "/settings", "/safety-plan"]
    for url in pages:
        page = client.get(url, follow_redirects=True).get_data(as_text=True)
        header = page[page.index('<header class="site-header">') : page.index("</header>")]
        assert 'class="help-link header-help" href="/help">Need help now?</a>' in header, url
        assert '<li class="menu-help">' in header, url  # and in the phone's folded menu


def test_that_is_not_what_i_meant_is_noted_for_the_patient_and_the_therapist_and_silences_nothing(
    app, client, patient, journal, make_user, sharing
):
    from sqlalchemy import select

    from journal.clock import utcnow
    from journal.extensions import db
    from journal.models import Role, SafetyAlert, User
    from tests.conftest import login_client

    therapist = make_user(Role.THERAPIST, email="okafor@example.org", display_name="Dr. Okafor")
    with app.app_context():
        db.session.get(User, therapist.id).email_verified_at = utcnow()
        db.session.commit()
    connection = sharing.connect(patient.id, therapist.id)
    client.post_form(f"/connections/{connection}/safety-alerts", {"safety_alerts": "y"})
    location = new_entry(client, patient, journal, answer_0=ISSUE).headers["Location"]
    entry_id = location.rsplit("/", 1)[1]
    card = client.get(location).get_data(as_text=True)
    assert f'action="/safety/not-what-i-meant/{entry_id}"' in card and "That's not what I meant" in card
    said = client.post_form(f"/safety/not-what-i-meant/{entry_id}", {})
    assert said.status_code == 302 and said.headers["Location"].endswith(f"/entries/{entry_id}")
    assert "Thank you for telling us" in client.get(said.headers["Location"]).get_data(as_text=True)
    log = client.get("/access-log").get_data(as_text=True)
    assert "<td>You</td>" in log and "said a safety card was not what you meant" in log
    with app.app_context():
        alert_id = db.session.scalar(select(SafetyAlert.id))
    page = login_client(app, "okafor@example.org").get(f"/therapist/alerts/{alert_id}").get_data(as_text=True)
    assert "that this was not what they meant" in page
    # The same words in a new entry bring the card again.
    again = new_entry(client, patient, journal, answer_0=ISSUE).headers["Location"]
    assert CARD in client.get(again).get_data(as_text=True)


def test_the_card_after_a_questionnaire_offers_no_dispute_of_words(client, patient, journal):
    page = client.get(questionnaire(client, patient, journal, item9="2").headers["Location"]).get_data(as_text=True)
    assert CARD in page and "not-what-i-meant" not in page
