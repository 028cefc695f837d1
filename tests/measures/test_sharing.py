"""Questionnaires and progress reach a therapist only while the patient shares them (a choice of its own),
with flags, and only the sessions and check-ins shared with that therapist; every view is in the access log."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import AccessAction, AccessLog, Connection, Role
from tests.conftest import login_client


def setup(app, patient, make_user, sharing, journal, client):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    connection_id = sharing.connect(patient.id, therapist.id)
    client.post_form("/measures/phq-9/new", {**{f"item{n}": "2" for n in range(1, 9)}, "item9": "1"})  # 17
    private = journal.session(patient.id, occurred_at=utcnow() - timedelta(days=20))
    shared = journal.session(patient.id, occurred_at=utcnow() - timedelta(days=10))
    sharing.share_session(shared, therapist.id)
    journal.entry(patient.id, mood=-4, created_at=utcnow() - timedelta(days=9))  # not shared
    sharing.share(journal.entry(patient.id, mood=2, created_at=utcnow() - timedelta(days=8)), therapist.id)
    return therapist, connection_id, private


def test_nothing_is_shown_until_the_patient_shares_it(app, client, patient, make_user, sharing, journal):
    therapist, connection_id, _ = setup(app, patient, make_user, sharing, journal, client)
    page = login_client(app, "t@example.org").get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    assert "Questionnaires" not in page and "PHQ-9" not in page and "<svg" not in page


def test_shared_scores_flags_and_charts_with_only_shared_sessions_and_checkins(
    app, client, patient, make_user, sharing, journal
):
    therapist, connection_id, _ = setup(app, patient, make_user, sharing, journal, client)
    assert client.post_form(f"/connections/{connection_id}/measures", {"share_measures": "y"}).status_code == 302
    page = login_client(app, "t@example.org").get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    assert "17 of 27 (moderately severe)" in page
    assert "Item 9 answered above 0" in page and "Moderate or worse" in page
    assert page.count('class="session"') == 2  # the shared session, in the PHQ-9 and the mood chart
    assert ": +2" in page and ": -4" not in page  # only the shared entry's mood
    with app.app_context():
        actions = set(db.session.scalars(select(AccessLog.action).where(AccessLog.patient_id == patient.id)))
        assert actions == {AccessAction.VIEW_PATIENT, AccessAction.VIEW_MEASURES}
    assert "looked at your questionnaires and progress" in client.get("/access-log").get_data(as_text=True)


def test_a_page_without_shared_measures_logs_no_view_of_them(app, client, patient, make_user, sharing, journal):
    setup(app, patient, make_user, sharing, journal, client)
    login_client(app, "t@example.org").get(f"/therapist/patients/{patient.id}")
    with app.app_context():
        assert AccessAction.VIEW_MEASURES not in set(db.session.scalars(select(AccessLog.action)))


def test_stopping_the_share_hides_it_again(app, client, patient, make_user, sharing, journal):
    therapist, connection_id, _ = setup(app, patient, make_user, sharing, journal, client)
    client.post_form(f"/connections/{connection_id}/measures", {"share_measures": "y"})
    client.post_form(f"/connections/{connection_id}/measures", {})
    with app.app_context():
        assert db.session.get(Connection, connection_id).share_measures is False
    page = login_client(app, "t@example.org").get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    assert "PHQ-9" not in page


def test_another_patient_cannot_share_my_measures(app, client, patient, make_user, sharing, journal):
    therapist, connection_id, _ = setup(app, patient, make_user, sharing, journal, client)
    make_user(email="other@example.org")
    other = login_client(app, "other@example.org")
    assert other.post_form(f"/connections/{connection_id}/measures", {"share_measures": "y"}).status_code == 404
    with app.app_context():
        assert db.session.get(Connection, connection_id).share_measures is False


def test_after_effects_reach_the_therapist_only_from_shared_entries_of_shared_sessions(
    app, client, patient, make_user, sharing, journal
):
    therapist, connection_id, private = setup(app, patient, make_user, sharing, journal, client)
    client.post_form(f"/connections/{connection_id}/measures", {"share_measures": "y"})
    session = journal.session(patient.id, occurred_at=utcnow() - timedelta(days=6))
    sharing.share_session(session, therapist.id)
    sharing.share(
        journal.entry(
            patient.id, session_id=session, created_at=utcnow() - timedelta(days=6), after_effects=["nausea"]
        ),
        therapist.id,
    )
    journal.entry(patient.id, session_id=session, created_at=utcnow() - timedelta(days=5), after_effects=["headache"])
    sharing.share(
        journal.entry(
            patient.id, session_id=private, created_at=utcnow() - timedelta(days=19), after_effects=["bladder"]
        ),
        therapist.id,
    )  # its session is not shared
    page = login_client(app, "t@example.org").get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    table = page.split("After-effects by session")[1].split("</table>")[0]
    assert "Nausea: 1 day" in table
    assert "Headache" not in table and "Bladder pain" not in table
