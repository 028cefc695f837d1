"""A phone number on safety alerts: given to one therapist on the consent screen (or later), sealed under
the patient's key, shown only on that therapist's alert page as a tel: link; absent without consent,
after it is withdrawn, and after the connection ends; never shown to another therapist."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from journal.extensions import db
from journal.models import AlertPhone, Connection, Role, SafetyAlert, User
from journal.sharing.services import current_invite
from tests.conftest import login_client
from tests.safety.test_views import ISSUE, new_entry

NUMBER = "+44 20 7946 0958"
TEL = 'href="tel:+442079460958"'


def consent(app, client, therapist_id: int, **fields):
    with app.app_context():
        code = current_invite(db.session.get(User, therapist_id)).code
    return client.post_form("/connections/confirm", {"code": code, "agree": "y", "safety_alerts": "yes", **fields})


@pytest.fixture
def team(app, client, patient, make_user):
    """Dr. Okafor, given the number on the consent screen; Dr. Ruiz, given none. Both may be sent alerts."""
    okafor = make_user(Role.THERAPIST, email="okafor@example.org", display_name="Dr. Okafor")
    ruiz = make_user(Role.THERAPIST, email="ruiz@example.org", display_name="Dr. Ruiz")
    assert consent(app, client, okafor.id, phone=f"  {NUMBER} ").status_code == 302
    assert consent(app, client, ruiz.id, phone="").status_code == 302
    return okafor, ruiz


def alert_pages(app, client, patient, journal) -> dict[str, str]:
    """Raise an alert with a risky save; each therapist's own alert page, by email."""
    new_entry(client, patient, journal, answer_0=ISSUE).close()
    pages = {}
    with app.app_context():
        rows = db.session.execute(select(SafetyAlert.id, User.email).join(User, User.id == SafetyAlert.therapist_id))
        alerts = {email: alert_id for alert_id, email in rows}
    for email, alert_id in alerts.items():
        response = login_client(app, email).get(f"/therapist/alerts/{alert_id}")
        assert response.status_code == 200
        pages[email] = response.get_data(as_text=True)
    return pages


def connection_of(app, patient_id: int, therapist_id: int) -> int:
    with app.app_context():
        return db.session.scalar(
            select(Connection.id).where(Connection.patient_id == patient_id, Connection.therapist_id == therapist_id)
        )


def test_the_consent_screen_asks_for_a_number_and_says_who_sees_it(app, client, patient, make_user):
    therapist = make_user(Role.THERAPIST, email="okafor@example.org", display_name="Dr. Okafor")
    with app.app_context():
        code = current_invite(db.session.get(User, therapist.id)).code
    page = client.post_form("/connections/code", {"code": code}).get_data(as_text=True)
    assert 'type="tel"' in page and 'name="phone"' in page and "only on a safety alert" in page
    refused = consent(app, client, therapist.id, phone="call me maybe")
    assert refused.status_code == 422 and "Please write a phone number" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Connection)) is None  # nothing connected with a number refused


def test_only_the_therapist_given_the_number_sees_it_and_only_on_the_alert(app, client, patient, journal, team):
    okafor, ruiz = team
    pages = alert_pages(app, client, patient, journal)
    assert TEL in pages["okafor@example.org"] and NUMBER in pages["okafor@example.org"]
    assert "tel:" not in pages["ruiz@example.org"] and NUMBER not in pages["ruiz@example.org"]
    doctor = login_client(app, "okafor@example.org")
    for url in ("/therapist/", f"/therapist/patients/{patient.id}", f"/therapist/patients/{patient.id}/summary"):
        assert NUMBER not in doctor.get(url).get_data(as_text=True), url
    with app.app_context():  # sealed under the patient's key, never stored as typed
        (row,) = db.session.scalars(select(AlertPhone))
        assert row.owner_id == patient.id and NUMBER.encode() not in row.sealed and b"7946" not in row.sealed


def test_a_withdrawn_number_is_gone_and_a_changed_one_replaces_it(app, client, patient, journal, team):
    okafor, _ = team
    connection = connection_of(app, patient.id, okafor.id)
    page = client.get("/connections").get_data(as_text=True)
    assert f'value="{NUMBER}"' in page and "Withdraw my number" in page
    assert client.post_form(f"/connections/{connection}/phone", {"phone": "030 1234567"}).status_code == 302
    assert 'href="tel:0301234567"' in alert_pages(app, client, patient, journal)["okafor@example.org"]
    assert client.post_form(f"/connections/{connection}/phone", {"phone": ""}).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(AlertPhone)) is None
    page = alert_pages(app, client, patient, journal)["okafor@example.org"]
    assert "tel:" not in page and "1234567" not in page
    bad = client.post_form(f"/connections/{connection}/phone", {"phone": "<b>12345</b>"}, follow_redirects=True)
    assert "Please write a phone number" in bad.get_data(as_text=True)


def test_ending_the_connection_withdraws_the_number(app, client, patient, team, sharing):
    okafor, _ = team
    sharing.disconnect(patient.id, okafor.id)
    with app.app_context():
        assert db.session.scalar(select(AlertPhone)) is None
    assert consent(app, client, okafor.id).status_code == 302  # connecting again asks afresh
    with app.app_context():
        assert db.session.scalar(select(AlertPhone)) is None


def test_no_one_else_can_set_a_patients_number(app, client, patient, team, make_user):
    okafor, _ = team
    connection = connection_of(app, patient.id, okafor.id)
    make_user(email="other@example.org")
    other = login_client(app, "other@example.org")
    assert other.post_form(f"/connections/{connection}/phone", {"phone": "0123456"}).status_code == 404
    assert (
        login_client(app, "okafor@example.org")
        .post_form(f"/connections/{connection}/phone", {"phone": "0123456"})
        .status_code
        == 404
    )
    assert NUMBER in client.get("/connections").get_data(as_text=True)
