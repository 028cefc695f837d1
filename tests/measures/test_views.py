"""Taking a questionnaire: a calm form, every item required, nothing half-saved, the answers sealed,
a result page with the band in words, the change since the first one, and never a diagnosis."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from journal.extensions import db
from journal.models import MeasureResponse
from tests.conftest import login_client


def answers(count: int, value: int = 1, **overrides) -> dict[str, str]:
    fields = {f"item{n}": str(value) for n in range(1, count + 1)}
    fields.update({k: str(v) for k, v in overrides.items()})
    return fields


def responses(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(MeasureResponse))


@pytest.mark.parametrize("name, count, options", [("phq-9", 9, 4), ("gad-7", 7, 4), ("pcl-5", 20, 5)])
def test_each_form_is_one_fieldset_per_item_with_radio_buttons(client, patient, name, count, options):
    page = client.get(f"/measures/{name}/new").get_data(as_text=True)
    assert page.count('<fieldset class="field choices">') == count + (0 if name == "pcl-5" else 1)  # + difficulty
    assert page.count('type="radio" id="item1-') == options
    assert f'name="item{count}"' in page and f'name="item{count + 1}"' not in page


def test_phq9_saves_scores_and_says_what_it_means(app, client, patient):
    response = client.post_form("/measures/phq-9/new", answers(9, 1, item9=0, difficulty=1))
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>8</strong> of 27: mild" in page and "not a diagnosis" in page
    assert "Developed by Drs. Robert L. Spitzer" in page
    assert "You don&#39;t have to carry this alone" not in page
    assert "got in the way of work, home or people: somewhat difficult." in page


def test_the_gad7_asks_its_difficulty_question_and_the_pcl5_refuses_one(app, client, patient):
    response = client.post_form("/measures/gad-7/new", answers(7, 0, difficulty=2))
    assert "got in the way of work, home or people: very difficult." in client.get(
        response.headers["Location"]
    ).get_data(as_text=True)
    refused = client.post_form("/measures/pcl-5/new", answers(20, 0, difficulty=1))
    assert refused.status_code == 422 and "Unexpected fields: difficulty." in refused.get_data(as_text=True)
    assert responses(app) == 1


def test_item9_above_zero_brings_a_caring_note_and_the_help_page(app, client, patient):
    response = client.post_form("/measures/phq-9/new", answers(9, 0, item9=1))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>1</strong> of 27: minimal" in page
    assert page.count("Thank you for writing this down") == 1 and 'class="care-card care-card-gentle"' in page  # once
    again = client.get(response.headers["Location"]).get_data(as_text=True)  # later: the note on the answer
    assert "You said you have had thoughts" in again and 'href="/help"' in again and 'class="care-card' not in again


def test_the_answers_are_sealed_and_the_total_is_plaintext(app, client, patient):
    client.post_form("/measures/gad-7/new", answers(7, 2))
    with app.app_context():
        row = db.session.scalar(select(MeasureResponse))
        assert row.total == 14 and row.instrument == "gad-7"
        assert b'"answers"' not in row.sealed and b"[2, 2" not in row.sealed


@pytest.mark.parametrize(
    "fields, message",
    [
        (answers(6), "Please answer question 7."),
        ({}, "Please answer questions 1, 2, 3, 4, 5, 6, 7."),
        (answers(7, item4=9), "Question 4: choose one of the answers (0 to 3)."),
        (answers(7, item8=1), "Unexpected fields: item8."),
    ],
)
def test_missing_or_bad_answers_are_named_and_nothing_is_saved(app, client, patient, fields, message):
    response = client.post_form("/measures/gad-7/new", fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and message in page and "Nothing was saved yet" in page
    assert responses(app) == 0
    if "item1" in fields:  # what was chosen stays chosen
        assert 'name="item1" value="1" checked' in page


def test_the_change_since_the_first_one_uses_published_thresholds(app, client, patient, clock):
    clock(datetime(2026, 11, 2, 10, tzinfo=UTC))
    client.post_form("/measures/pcl-5/new", answers(20, 3))  # 60
    clock(datetime(2026, 11, 30, 10, tzinfo=UTC))
    second = client.post_form(
        "/measures/pcl-5/new", answers(20, 2, item1=0, item2=0, item3=0, item4=0, item5=0, item6=0)
    )  # 28
    page = client.get(second.headers["Location"]).get_data(as_text=True)
    assert "Your first PCL-5 was 60; this one is 28 (32 lower)" in page
    assert "clinically meaningful change" in page and "below 33" in page


def test_no_change_is_measured_from_a_first_one_of_the_same_day(app, client, patient, clock):
    """A baseline of the same day in the patient's zone (just imported, or taken twice) is no baseline."""
    clock(datetime(2026, 11, 2, 8, tzinfo=UTC))  # 09:00 in Berlin
    client.post_form("/measures/phq-9/new", answers(9, 3))  # 27
    clock(datetime(2026, 11, 2, 22, 30, tzinfo=UTC))  # 23:30 in Berlin: still the same day there
    same_day = client.post_form("/measures/phq-9/new", answers(9, 0))
    page = client.get(same_day.headers["Location"]).get_data(as_text=True)
    assert "Since your first one" not in page and "response to treatment" not in page
    clock(datetime(2026, 11, 2, 23, 30, tzinfo=UTC))  # 00:30 on 3 November in Berlin, though still the 2nd in UTC
    next_day = client.post_form("/measures/phq-9/new", answers(9, 0))
    page = client.get(next_day.headers["Location"]).get_data(as_text=True)
    assert "Your first PHQ-9 was 27" in page and "response to treatment" in page


def test_another_patients_result_is_unreachable(app, client, patient, make_user):
    response = client.post_form("/measures/gad-7/new", answers(7, 1))
    make_user(email="other@example.org")
    other = login_client(app, "other@example.org")
    assert other.get(response.headers["Location"]).status_code == 404
    assert other.get("/measures").status_code == 200 and "Not taken yet." in other.get("/measures").get_data(
        as_text=True
    )


def test_unknown_questionnaires_are_404(client, patient):
    assert client.get("/measures/bdi-2/new").status_code == 404
