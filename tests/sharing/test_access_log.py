from sqlalchemy import select

from journal.extensions import db
from journal.models import AccessAction, AccessLog, Role
from tests.conftest import login_client

SECRET = "glass-harbour-words"


def actions(app):
    with app.app_context():
        return [(row.action, row.entry_id) for row in db.session.scalars(select(AccessLog).order_by(AccessLog.id))]


def test_every_therapist_access_is_logged_and_shown_to_the_patient(app, make_user, sharing, journal):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    patient = make_user(email="p@example.org")
    sharing.connect(patient.id, therapist.id)
    entry_id = journal.entry(patient.id, SECRET, title=SECRET)
    sharing.share(entry_id, therapist.id)
    client = login_client(app, "t@example.org")
    client.get(f"/therapist/patients/{patient.id}")
    client.get(f"/therapist/entries/{entry_id}")
    client.post_form(f"/therapist/entries/{entry_id}/replies", {"text": "A reply"})
    assert actions(app) == [
        (AccessAction.VIEW_PATIENT, None),
        (AccessAction.VIEW_ENTRY, entry_id),
        (AccessAction.REPLY, entry_id),
    ]
    with app.app_context():
        for row in db.session.scalars(select(AccessLog)):
            assert SECRET not in repr(row.__dict__)

    page = login_client(app, "p@example.org").get("/access-log").get_data(as_text=True)
    assert page.count("Dr. Ruiz") == 3
    for label in ("opened your journal page", "read an entry", "replied to an entry"):
        assert label in page
    assert SECRET not in page


def test_denied_access_is_not_logged_as_a_view(app, make_user, sharing, journal):
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    patient = make_user(email="p@example.org")
    entry_id = journal.entry(patient.id)
    client = login_client(app, "t@example.org")
    assert client.get(f"/therapist/entries/{entry_id}").status_code == 404
    assert client.get(f"/therapist/patients/{patient.id}").status_code == 404
    assert actions(app) == []
    assert therapist.id


def test_access_log_is_only_the_patients_own(app, make_user, sharing, journal):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    patient = make_user(email="p@example.org")
    sharing.connect(patient.id, therapist.id)
    login_client(app, "t@example.org").get(f"/therapist/patients/{patient.id}")
    make_user(email="q@example.org")
    assert "Dr. Ruiz" not in login_client(app, "q@example.org").get("/access-log").get_data(as_text=True)
    assert login_client(app, "t@example.org").get("/access-log").status_code == 404
