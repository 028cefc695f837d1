"""Edge cases found in review: every one would fail without its fix."""

from sqlalchemy import func, select

from journal.extensions import db
from journal.models import AccessLog, Role
from tests.conftest import login_client


def pair(make_user, sharing, journal, **entry):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    patient = make_user(email="p@example.org")
    sharing.connect(patient.id, therapist.id)
    entry_id = journal.entry(patient.id, entry.pop("text", "words"), **entry)
    sharing.share(entry_id, therapist.id)
    return patient, therapist, entry_id


def log_count(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(AccessLog))


def test_a_refused_reply_that_shows_the_entry_is_logged_as_a_view(app, make_user, sharing, journal):
    _, _, entry_id = pair(make_user, sharing, journal)
    response = login_client(app, "t@example.org").post_form(f"/therapist/entries/{entry_id}/replies", {"text": ""})
    assert response.status_code == 422 and "words" in response.get_data(as_text=True)
    assert log_count(app) == 1


def test_messages_on_entries_no_longer_shared_do_not_count(app, make_user, sharing, journal):
    patient, therapist, entry_id = pair(make_user, sharing, journal)
    client = login_client(app, "p@example.org")
    client.post_form(
        f"/entries/{entry_id}/replies", {"therapist_id": str(therapist.id), f"thread-{therapist.id}-text": "a message"}
    )
    assert "1 new message" in login_client(app, "t@example.org").get("/therapist/").get_data(as_text=True)
    client.post_form(f"/entries/{entry_id}/sharing", {})
    assert "new message" not in login_client(app, "t@example.org").get("/therapist/").get_data(as_text=True)


def test_huge_ids_are_not_found_not_a_crash(app, make_user):
    make_user(Role.THERAPIST, email="t@example.org")
    make_user(Role.ADMIN, email="a@example.org")
    therapist = login_client(app, "t@example.org")
    for url in (
        f"/therapist/patients/{10**20}",
        f"/therapist/patients/{10**20}/end",
        f"/therapist/patients/{10**20}/export",
    ):
        assert therapist.get(url).status_code == 404
    assert login_client(app, "a@example.org").post_form(f"/admin/users/{10**20}/active").status_code == 404


def test_the_back_address_after_sharing_stays_on_this_site(app, make_user, sharing, journal):
    _, therapist, entry_id = pair(make_user, sharing, journal)
    client = login_client(app, "p@example.org")
    for back in ("https://evil.example/x", "//evil.example"):
        response = client.post_form(f"/entries/{entry_id}/sharing", {"therapists": [str(therapist.id)], "back": back})
        assert response.headers["Location"] == f"/entries/{entry_id}"


def test_a_conversation_stays_readable_after_disconnecting(app, make_user, sharing, journal):
    patient, therapist, entry_id = pair(make_user, sharing, journal)
    login_client(app, "t@example.org").post_form(f"/therapist/entries/{entry_id}/replies", {"text": "an old reply"})
    sharing.disconnect(patient.id, therapist.id)
    page = login_client(app, "p@example.org").get(f"/entries/{entry_id}").get_data(as_text=True)
    assert "an old reply" in page and "Replies with Dr. Ruiz" in page
    assert f"thread-{therapist.id}-text" not in page  # no reply form once disconnected


def test_unread_badge_ignores_trashed_entries(app, make_user, sharing, journal):
    _, _, entry_id = pair(make_user, sharing, journal)
    login_client(app, "t@example.org").post_form(f"/therapist/entries/{entry_id}/replies", {"text": "hello"})
    client = login_client(app, "p@example.org")
    assert "unread reply" in client.get("/").get_data(as_text=True)
    client.post_form(f"/entries/{entry_id}/delete")
    assert "unread reply" not in client.get("/").get_data(as_text=True)


def test_an_edited_entry_is_new_again_for_the_therapist(app, make_user, sharing, journal):
    _, _, entry_id = pair(make_user, sharing, journal)
    therapist = login_client(app, "t@example.org")
    therapist.post_form(f"/therapist/entries/{entry_id}/review")
    assert "1 new" not in therapist.get("/therapist/").get_data(as_text=True)
    client = login_client(app, "p@example.org")
    client.post_form(
        f"/entries/{entry_id}/edit",
        {"version": "1", "answer_0": "now with bladder pain", "after_effects": ["bladder"], "entry_id": str(entry_id)},
    )
    page = therapist.get("/therapist/").get_data(as_text=True)
    assert "1 new" in page and "Bladder pain or urgency" in page


def test_viewed_by_keeps_therapists_with_the_same_name_apart(app, make_user, sharing, journal):
    patient = make_user(email="p@example.org")
    entry_id = journal.entry(patient.id)
    ids = []
    for n in range(2):
        therapist = make_user(Role.THERAPIST, email=f"smith{n}@example.org", display_name="Dr Smith")
        sharing.connect(patient.id, therapist.id)
        ids.append(therapist.id)
    sharing.share(entry_id, *ids)
    for n in range(2):
        login_client(app, f"smith{n}@example.org").get(f"/therapist/entries/{entry_id}")
    page = login_client(app, "p@example.org").get(f"/entries/{entry_id}").get_data(as_text=True)
    assert page.count("Viewed by Dr Smith") == 2


def test_the_access_log_pages_instead_of_dropping_old_rows(app, make_user, sharing, journal):
    patient, therapist, entry_id = pair(make_user, sharing, journal)
    from journal.models import AccessAction
    from journal.sharing.services import record_access

    with app.app_context():
        for _ in range(150):
            record_access(patient.id, therapist.id, AccessAction.VIEW_PATIENT)
    client = login_client(app, "p@example.org")
    first = client.get("/access-log").get_data(as_text=True)
    assert first.count("opened your journal page") == 100 and "?page=2" in first
    assert client.get("/access-log?page=2").get_data(as_text=True).count("opened your journal page") == 50
