import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from journal.extensions import db
from journal.models import Entry, Medicine, Setting, TreatmentSession
from journal.sessions.services import open_session

FORM = {
    "occurred_at": "2026-11-20T09:30",
    "medicine": "ketamine_iv",
    "medicine_other": "",
    "setting": "clinic",
    "setting_other": "",
    "intention": "To meet the grief with kindness",
    "notes": "0.5 mg/kg over 40 minutes",
}


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_log_a_session_in_local_time(client, app, patient):
    response = client.post_form("/sessions/new", FORM)
    assert response.status_code == 302
    with app.app_context():
        row = db.session.scalar(select(TreatmentSession))
        # 09:30 in Berlin (UTC+1 in November) is 08:30 UTC.
        assert row.occurred_at == datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
        assert (row.medicine, row.setting) == (Medicine.KETAMINE_IV, Setting.CLINIC)
        assert open_session(row).details.intention == "To meet the grief with kindness"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "To meet the grief with kindness" in page and "20 November 2026, 09:30" in page


def test_the_form_helps_write_an_intention(client, patient):
    page = client.get("/sessions/new", follow_redirects=True).get_data(as_text=True)
    assert "Preparing your intention" in page
    for medicine in (
        "Ketamine, IV infusion",
        "Ketamine, IM injection",
        "Ketamine, oral or lozenge",
        "Esketamine nasal spray",
        "MDMA",
        "Psilocybin",
        "Other",
    ):
        assert medicine in page
    for setting in ("At a clinic", "At home, with a monitor", "Somewhere else"):
        assert setting in page


def test_a_planned_session_shows_as_planned(client, patient, clock):
    clock(datetime(2026, 11, 1, 12, tzinfo=UTC))
    response = client.post_form("/sessions/new", FORM)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Planned" in page
    assert "Write now" not in page  # nothing is due before the session
    assert "Planned" in client.get("/sessions").get_data(as_text=True)


def test_other_medicine_needs_a_name(client, app, patient):
    response = client.post_form("/sessions/new", {**FORM, "medicine": "other"})
    assert response.status_code == 422
    assert "Please name the medicine" in response.get_data(as_text=True)
    response = client.post_form("/sessions/new", {**FORM, "medicine": "other", "medicine_other": "Ibogaine"})
    assert response.status_code == 302
    assert "Ibogaine" in client.get(response.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("occurred_at", "27/11/2026", "like 2026-11-27"),
        ("occurred_at", "2026-13-45T99:99", "like 2026-11-27"),
        ("occurred_at", "", "like 2026-11-27"),
        ("medicine", "heroin", "Not a valid choice"),
        ("intention", "x" * 20_001, "longer than 20,000 characters"),
    ],
)
def test_bad_input_is_explained_and_saves_nothing(client, app, patient, field, value, message):
    response = client.post_form("/sessions/new", {**FORM, field: value})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in page
    assert "To meet the grief with kindness" in page or field == "intention"  # what was typed is kept
    assert count(app, TreatmentSession) == 0


def test_control_characters_are_removed(client, app, patient):
    client.post_form("/sessions/new", {**FORM, "intention": "line one\x00\x07\r\nline two\x1b"})
    with app.app_context():
        assert open_session(db.session.scalar(select(TreatmentSession))).details.intention == "line one\nline two"


def test_edit_a_session(client, app, patient, journal):
    session_id = journal.session(patient.id)
    page = client.get(f"/sessions/{session_id}/edit").get_data(as_text=True)
    assert "to meet my fear kindly" in page
    response = client.post_form(f"/sessions/{session_id}/edit", {**FORM, "intention": "A new intention"})
    assert response.status_code == 302
    with app.app_context():
        assert open_session(db.session.get(TreatmentSession, session_id)).details.intention == "A new intention"


def test_delete_asks_first_and_keeps_the_entries(client, app, patient, journal):
    session_id = journal.session(patient.id)
    entry_id = journal.entry(patient.id, session_id=session_id, prompt_set="same_day")
    page = client.get(f"/sessions/{session_id}/delete").get_data(as_text=True)
    assert "Delete this session?" in page and "stay in your journal" in page
    assert count(app, TreatmentSession) == 1
    assert client.post_form(f"/sessions/{session_id}/delete").status_code == 302
    with app.app_context():
        assert db.session.get(TreatmentSession, session_id) is None
        assert db.session.get(Entry, entry_id).session_id is None


@pytest.mark.parametrize(
    "method_path",
    [
        ("GET", ""),
        ("GET", "/edit"),
        ("POST", "/edit"),
        ("GET", "/delete"),
        ("POST", "/delete"),
    ],
)
def test_another_patients_session_is_not_found(client, app, patient, make_user, journal, method_path):
    other = make_user()
    session_id = journal.session(other.id, intention="their secret intention")
    method, suffix = method_path
    url = f"/sessions/{session_id}{suffix}"
    response = client.get(url) if method == "GET" else client.post_form(url, FORM)
    assert response.status_code == 404
    assert "their secret intention" not in response.get_data(as_text=True)
    with app.app_context():
        assert open_session(db.session.get(TreatmentSession, session_id)).details.intention == "their secret intention"


def test_unknown_and_malformed_ids_are_not_found(client, patient):
    assert client.get(f"/sessions/{uuid.uuid4()}").status_code == 404
    assert client.get("/sessions/not-a-uuid").status_code == 404
    assert client.get("/sessions/1").status_code == 404


def test_list_shows_only_my_sessions(client, patient, make_user, journal):
    journal.session(patient.id, intention="mine", medicine=Medicine.PSILOCYBIN)
    journal.session(make_user().id, intention="theirs", medicine=Medicine.MDMA)
    page = client.get("/sessions").get_data(as_text=True)
    assert "Psilocybin" in page and "MDMA" not in page


@pytest.mark.parametrize("value", ["0001-01-01T00:00", "9999-12-20T10:00", "1899-12-31T23:59"])
def test_session_dates_must_be_in_sensible_years(client, app, patient, value):
    response = client.post_form("/sessions/new", {**FORM, "occurred_at": value})
    assert response.status_code == 422
    assert "between 1900 and 2100" in response.get_data(as_text=True)
    assert count(app, TreatmentSession) == 0
    assert client.get("/sessions").status_code == 200
