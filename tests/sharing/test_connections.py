import re

from sqlalchemy import select

from journal.extensions import db
from journal.models import Connection, Role, TherapistInvite
from tests.conftest import login_client


def invite_of(app, therapist_id):
    with app.app_context():
        invite = db.session.get(TherapistInvite, therapist_id)
        return invite.code, invite.token


def test_therapist_has_a_code_and_link_and_can_renew_them(app, make_user):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    client = login_client(app, "t@example.org")
    page = client.get("/therapist/invite").get_data(as_text=True)
    code, token = invite_of(app, therapist.id)
    assert f"{code[:4]}-{code[4:8]}-{code[8:]}" in page and f"/connect/{token}" in page
    client.post_form("/therapist/invite")
    new_code, new_token = invite_of(app, therapist.id)
    assert new_code != code and new_token != token

    make_user(email="p@example.org")
    patient = login_client(app, "p@example.org")
    assert patient.get(f"/connect/{token}").status_code == 404  # the old link stopped working
    assert "doesn&#39;t match" in patient.post_form("/connections/code", {"code": code}).get_data(as_text=True)
    assert "Dr. Ruiz" in patient.get(f"/connect/{new_token}").get_data(as_text=True)


def test_patient_connects_with_a_code_after_a_consent_screen(app, make_user):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    login_client(app, "t@example.org").get("/therapist/invite")
    code, _ = invite_of(app, therapist.id)
    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")

    consent = client.post_form("/connections/code", {"code": f" {code[:4].lower()}-{code[4:]} "})
    page = consent.get_data(as_text=True)
    assert consent.status_code == 200
    assert "Connect with Dr. Ruiz?" in page and "will see" in page and "will not see" in page
    assert "drafts" in page and "access log" in page
    with app.app_context():
        assert db.session.scalar(select(Connection)) is None  # nothing until confirmed

    refused = client.post_form("/connections/confirm", {"code": code})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "tick the box" in page
    assert "Please choose whether safety alerts may be sent." in page  # its own choice, never made for them
    radios = re.findall(r'<input[^>]*name="safety_alerts"[^>]*>', page)
    assert len(radios) == 2 and not any("checked" in radio for radio in radios)
    client.post_form("/connections/confirm", {"code": code, "agree": "y", "safety_alerts": "yes"})
    with app.app_context():
        connection = db.session.scalar(select(Connection))
        assert connection.is_active and connection.auto_share is False and connection.safety_alerts is True
    assert "Dr. Ruiz" in client.get("/connections").get_data(as_text=True)


def test_invite_link_needs_login_and_comes_back(app, make_user, client, auth):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    login_client(app, "t@example.org").get("/therapist/invite")
    _, token = invite_of(app, therapist.id)
    response = client.get(f"/connect/{token}")
    assert response.status_code == 302 and f"next=/connect/{token}" in response.headers["Location"]
    make_user(email="p@example.org")
    assert auth.login("p@example.org", next=f"/connect/{token}").headers["Location"] == f"/connect/{token}"
    client.post_form("/connections/confirm", {"token": token, "agree": "y", "safety_alerts": "no"})
    with app.app_context():
        assert db.session.scalar(select(Connection)).is_active


def test_a_patient_may_connect_to_several_therapists(app, make_user, sharing):
    patient = make_user(email="p@example.org")
    for n in range(2):
        sharing.connect(patient.id, make_user(Role.THERAPIST, display_name=f"Therapist {n}").id)
    page = login_client(app, "p@example.org").get("/connections").get_data(as_text=True)
    assert "Therapist 0" in page and "Therapist 1" in page


def test_codes_of_non_therapists_or_disabled_therapists_do_not_connect(app, make_user):
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    login_client(app, "t@example.org").get("/therapist/invite")
    code, token = invite_of(app, therapist.id)
    with app.app_context():
        from journal.models import User

        db.session.get(User, therapist.id).active = False
        db.session.commit()
    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    assert client.post_form("/connections/code", {"code": code}).status_code == 422
    assert client.get(f"/connect/{token}").status_code == 404


def test_disconnecting_asks_first_and_withdraws_everything(app, make_user, journal, sharing):
    patient = make_user(email="p@example.org")
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    connection_id = sharing.connect(patient.id, therapist.id)
    entry_id = journal.entry(patient.id, "shared words")
    sharing.share(entry_id, therapist.id)
    therapist_client = login_client(app, "t@example.org")
    assert therapist_client.get(f"/therapist/entries/{entry_id}").status_code == 200

    client = login_client(app, "p@example.org")
    assert "Disconnect from" in client.get(f"/connections/{connection_id}/end").get_data(as_text=True)
    assert therapist_client.get(f"/therapist/entries/{entry_id}").status_code == 200
    client.post_form(f"/connections/{connection_id}/end")
    assert therapist_client.get(f"/therapist/entries/{entry_id}").status_code == 404
    assert therapist_client.get(f"/therapist/patients/{patient.id}").status_code == 404

    # Connecting again does not bring old shares back.
    sharing.connect(patient.id, therapist.id)
    assert therapist_client.get(f"/therapist/entries/{entry_id}").status_code == 404


def test_a_therapist_can_end_a_connection(app, make_user, journal, sharing):
    patient = make_user(email="p@example.org")
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    sharing.connect(patient.id, therapist.id)
    entry_id = journal.entry(patient.id)
    sharing.share(entry_id, therapist.id)
    client = login_client(app, "t@example.org")
    assert "End the connection" in client.get(f"/therapist/patients/{patient.id}/end").get_data(as_text=True)
    client.post_form(f"/therapist/patients/{patient.id}/end")
    assert client.get(f"/therapist/entries/{entry_id}").status_code == 404
    assert "not connected" in login_client(app, "p@example.org").get("/connections").get_data(as_text=True)


def test_connecting_twice_says_so(app, make_user, sharing):
    patient = make_user(email="p@example.org")
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    sharing.connect(patient.id, therapist.id)
    login_client(app, "t@example.org").get("/therapist/invite")
    code, _ = invite_of(app, therapist.id)
    client = login_client(app, "p@example.org")
    response = client.post_form(
        "/connections/confirm", {"code": code, "agree": "y", "safety_alerts": "no"}, follow_redirects=True
    )
    assert "already connected" in response.get_data(as_text=True)
    with app.app_context():
        assert len(db.session.scalars(select(Connection)).all()) == 1


def test_another_patients_connection_cannot_be_touched(app, make_user, sharing):
    patient = make_user(email="p@example.org")
    therapist = make_user(Role.THERAPIST)
    connection_id = sharing.connect(patient.id, therapist.id)
    make_user(email="q@example.org")
    client = login_client(app, "q@example.org")
    assert client.get(f"/connections/{connection_id}/end").status_code == 404
    assert client.post_form(f"/connections/{connection_id}/end").status_code == 404
    assert client.post_form(f"/connections/{connection_id}/auto-share", {"auto_share": "y"}).status_code == 404
    with app.app_context():
        connection = db.session.get(Connection, connection_id)
        assert connection.is_active and not connection.auto_share
    assert re.search("q@example.org", client.get("/connections").get_data(as_text=True)) is None
