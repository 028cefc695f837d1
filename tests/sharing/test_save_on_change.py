"""Sharing and consent choices saved on change: the same addresses answer the page's script in JSON."""

from sqlalchemy import select

from journal.extensions import db
from journal.models import Connection, Role, SessionShare
from tests.conftest import login_client
from tests.sharing.test_sharing import setup, shares

JSON = {"Accept": "application/json"}


def post_json(client, url, data):
    return client.post(url, data=data, headers={**JSON, "X-CSRFToken": client.csrf_token()})


def connection_of(app) -> Connection:
    with app.app_context():
        return db.session.scalar(select(Connection))


def test_a_connection_choice_sent_by_the_script_is_saved_and_answered_in_json(app, make_user, sharing):
    setup(make_user, sharing)
    client = login_client(app, "p@example.org")
    connection_id = connection_of(app).id
    response = post_json(client, f"/connections/{connection_id}/auto-share", {"auto_share": "y"})
    assert response.status_code == 200 and response.json["saved"] is True
    assert "Dr. 0" in response.json["message"]
    assert connection_of(app).auto_share is True
    assert post_json(client, f"/connections/{connection_id}/safety-alerts", {}).json["saved"] is True
    assert connection_of(app).safety_alerts is False


def test_sharing_an_entry_or_a_session_answers_the_script_and_refusals_say_why(app, make_user, sharing, journal):
    patient, (therapist,) = setup(make_user, sharing)
    stranger = make_user(Role.THERAPIST)
    entry_id, session_id = journal.entry(patient.id), journal.session(patient.id)
    client = login_client(app, "p@example.org")
    saved = post_json(client, f"/entries/{entry_id}/sharing", {"therapists": [str(therapist.id)]})
    assert saved.status_code == 200 and saved.json == {"saved": True, "message": "Sharing is updated."}
    assert shares(app) == {(entry_id, therapist.id)}
    refused = post_json(client, f"/entries/{entry_id}/sharing", {"therapists": [str(stranger.id)]})
    assert refused.status_code == 422 and refused.json["saved"] is False and "connected" in refused.json["message"]
    assert shares(app) == {(entry_id, therapist.id)}
    assert post_json(client, f"/sessions/{session_id}/sharing", {"therapists": [str(therapist.id)]}).json["saved"]
    refused = post_json(client, f"/sessions/{session_id}/sharing", {"therapists": [str(stranger.id)]})
    assert refused.status_code == 422 and "connected" in refused.json["message"]
    with app.app_context():
        assert db.session.scalars(select(SessionShare.therapist_id)).all() == [therapist.id]


def test_without_the_script_each_choice_keeps_its_save_button_and_a_saved_message(app, make_user, sharing):
    setup(make_user, sharing)
    client = login_client(app, "p@example.org")
    page = client.get("/connections").get_data(as_text=True)
    assert page.count("data-save-button>Save") == 4 and page.count('aria-live="polite" data-save-status') == 4
    connection_id = connection_of(app).id
    response = client.post_form(f"/connections/{connection_id}/auto-share", {"auto_share": "y"}, follow_redirects=True)
    assert "New entries will be shared with Dr. 0 automatically." in response.get_data(as_text=True)


def test_a_choice_on_another_patients_connection_is_a_json_404(app, make_user, sharing):
    setup(make_user, sharing)
    make_user(email="other@example.org")
    response = post_json(login_client(app, "other@example.org"), f"/connections/{connection_of(app).id}/measures", {})
    assert response.status_code == 404 and "message" in response.json
    assert connection_of(app).share_measures is False
