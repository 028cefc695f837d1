"""When questionnaires are due: a baseline, before a planned session, a week and a month after, as chosen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from journal.extensions import db
from journal.measures.instruments import measures
from journal.measures.schedule import due_measures
from journal.measures.services import save_response
from journal.models import User

NOW = datetime(2026, 6, 15, 12, tzinfo=UTC)


def due(app, user_id: int, now: datetime = NOW) -> list[tuple[str, str]]:
    with app.app_context():
        return [(d.instrument.key, d.reason) for d in due_measures(db.session.get(User, user_id), now)]


def take_all(app, user_id: int, at: datetime) -> None:
    with app.app_context():
        for instrument in measures().instruments.values():
            save_response(user_id, instrument, [0] * len(instrument.items), None, taken_at=at)


def test_a_new_patient_is_asked_for_a_baseline_of_each(app, make_user):
    user = make_user()
    assert due(app, user.id) == [("phq-9", "to start with"), ("gad-7", "to start with"), ("pcl-5", "to start with")]


def test_nothing_is_due_once_taken_with_no_session_near(app, make_user):
    user = make_user()
    take_all(app, user.id, NOW - timedelta(days=40))
    assert due(app, user.id) == []


def test_before_a_planned_session_from_two_days_ahead(app, make_user, journal):
    user = make_user()
    take_all(app, user.id, NOW - timedelta(days=40))
    journal.session(user.id, occurred_at=NOW + timedelta(days=3))
    assert due(app, user.id) == []  # three days ahead: not yet
    journal.session(user.id, occurred_at=NOW + timedelta(days=1))
    assert [reason for _, reason in due(app, user.id)] == ["before your session"] * 3


def test_a_week_and_a_month_after_and_taking_it_clears_it(app, make_user, journal):
    user = make_user()
    take_all(app, user.id, NOW - timedelta(days=40))
    journal.session(user.id, occurred_at=NOW - timedelta(days=8))
    assert [reason for _, reason in due(app, user.id)] == ["one week after your session"] * 3
    take_all(app, user.id, NOW - timedelta(hours=1))
    assert due(app, user.id) == []
    assert [reason for _, reason in due(app, user.id, NOW + timedelta(days=23))] == ["one month after your session"] * 3


def test_a_window_closes_after_two_weeks(app, make_user, journal):
    user = make_user()
    take_all(app, user.id, NOW - timedelta(days=60))
    journal.session(user.id, occurred_at=NOW - timedelta(days=7 + 15))
    assert due(app, user.id) == []


def test_only_the_chosen_questionnaires_are_asked(app, client, patient):
    from tests.settings.test_views import SAVED

    assert client.post_form("/settings", {**SAVED, "measures_asked": ["pcl-5"]}).status_code == 302
    assert due(app, patient.id) == [("pcl-5", "to start with")]
    home = client.get("/").get_data(as_text=True)
    assert 'href="/measures/pcl-5/new"' in home and "PCL-5 questionnaire" in home
    assert 'href="/measures/phq-9/new"' not in home


def test_the_session_page_lists_its_questionnaires_next_to_the_prompt_sets(app, client, patient, journal):
    from journal.clock import utcnow

    take_all(app, patient.id, utcnow() - timedelta(days=40))
    session_id = journal.session(patient.id, occurred_at=utcnow() - timedelta(days=8))
    page = client.get(f"/sessions/{session_id}").get_data(as_text=True)
    assert "Questionnaires for this session:" in page and "(one week after your session)" in page
