"""A therapist's private label for a patient: beside (never instead of) the name the patient chose, on the
dashboard, the patient's page and the alert page; sealed under the therapist's key; never shown to the
patient or to another therapist; removed when left empty."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from journal.extensions import db
from journal.models import PatientLabel, Role, SafetyAlert
from tests.conftest import login_client
from tests.safety.test_views import ISSUE, new_entry

LABEL = "Tuesday group, M. Okonkwo-Hale"


@pytest.fixture
def labelled(app, client, patient, make_user, sharing, journal):
    """Dr. Ruiz labels Pat; Dr. Other, also connected, does not. Pat allows alerts to both and saves a risky
    entry (shared with Dr. Ruiz)."""
    ruiz = make_user(Role.THERAPIST, email="ruiz@example.org", display_name="Dr. Ruiz")
    other = make_user(Role.THERAPIST, email="other@example.org", display_name="Dr. Other")
    for therapist in (ruiz, other):
        connection = sharing.connect(patient.id, therapist.id)
        client.post_form(f"/connections/{connection}/safety-alerts", {"safety_alerts": "y"})
    new_entry(client, patient, journal, answer_0=ISSUE).close()
    doctor = login_client(app, "ruiz@example.org")
    saved = doctor.post_form(f"/therapist/patients/{patient.id}/label", {"label": f"  {LABEL} "})
    assert saved.status_code == 302 and saved.headers["Location"] == f"/therapist/patients/{patient.id}"
    return ruiz, other, doctor


def alert_of(app, therapist_id: int):
    with app.app_context():
        return db.session.scalar(select(SafetyAlert.id).where(SafetyAlert.therapist_id == therapist_id))


def test_the_label_sits_beside_the_chosen_name_on_every_page_that_names_the_patient(app, patient, labelled):
    ruiz, _, doctor = labelled
    named = f'Pat <span class="meta private-label">({LABEL})</span>'
    assert doctor.get("/therapist/").get_data(as_text=True).count(named) == 2  # the patients and the alerts
    for url in (f"/therapist/patients/{patient.id}", f"/therapist/alerts/{alert_of(app, ruiz.id)}"):
        assert named in doctor.get(url).get_data(as_text=True), url
    assert f'value="{LABEL}"' in doctor.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    with app.app_context():  # sealed under the therapist's own key
        (row,) = db.session.scalars(select(PatientLabel))
        assert (row.owner_id, row.patient_id) == (ruiz.id, patient.id) and b"Tuesday" not in row.sealed


def test_the_patient_and_other_therapists_never_see_it(app, client, patient, labelled):
    _, other, _ = labelled
    for url in ("/", "/connections", "/access-log", "/settings", "/safety", "/entries"):
        assert "Tuesday group" not in client.get(url).get_data(as_text=True), url
    someone = login_client(app, "other@example.org")
    for url in ("/therapist/", f"/therapist/patients/{patient.id}", f"/therapist/alerts/{alert_of(app, other.id)}"):
        page = someone.get(url).get_data(as_text=True)
        assert "Tuesday group" not in page and 'private-label"' not in page, url


def test_an_empty_label_removes_it_and_a_stranger_cannot_label(app, patient, labelled, make_user):
    _, _, doctor = labelled
    doctor.post_form(f"/therapist/patients/{patient.id}/label", {"label": ""})
    with app.app_context():
        assert db.session.scalar(select(PatientLabel)) is None
    assert "Tuesday group" not in doctor.get("/therapist/").get_data(as_text=True)
    make_user(Role.THERAPIST, email="stranger@example.org")
    stranger = login_client(app, "stranger@example.org")
    assert stranger.post_form(f"/therapist/patients/{patient.id}/label", {"label": "x"}).status_code == 404
    with app.app_context():
        assert db.session.scalar(select(PatientLabel)) is None


def test_a_label_too_long_is_refused_and_says_so(app, patient, labelled):
    _, _, doctor = labelled
    refused = doctor.post_form(f"/therapist/patients/{patient.id}/label", {"label": "x" * 81}, follow_redirects=True)
    assert "x" * 81 not in refused.get_data(as_text=True) and "characters" in refused.get_data(as_text=True)
    assert LABEL in refused.get_data(as_text=True)
