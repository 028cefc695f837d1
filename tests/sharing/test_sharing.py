from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from journal.extensions import db
from journal.models import Connection, EntryShare, Role
from tests.conftest import login_client


def setup(make_user, sharing, n_therapists=1):
    patient = make_user(email="p@example.org")
    therapists = [
        make_user(Role.THERAPIST, email=f"t{n}@example.org", display_name=f"Dr. {n}") for n in range(n_therapists)
    ]
    for therapist in therapists:
        sharing.connect(patient.id, therapist.id)
    return patient, therapists


def shares(app):
    with app.app_context():
        return {(s.entry_id, s.therapist_id) for s in db.session.scalars(select(EntryShare))}


def test_entries_are_private_by_default(app, make_user, sharing, journal):
    patient, (therapist,) = setup(make_user, sharing)
    entry_id = journal.entry(patient.id, "private words")
    assert shares(app) == set()
    client = login_client(app, "t0@example.org")
    assert client.get(f"/therapist/entries/{entry_id}").status_code == 404
    assert "private words" not in client.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)


def test_share_and_unshare_per_therapist_from_the_entry_page(app, make_user, sharing, journal):
    patient, (first, second) = setup(make_user, sharing, 2)
    entry_id = journal.entry(patient.id, "for one of you")
    client = login_client(app, "p@example.org")
    page = client.get(f"/entries/{entry_id}").get_data(as_text=True)
    assert "Dr. 0" in page and "Dr. 1" in page
    client.post_form(f"/entries/{entry_id}/sharing", {"therapists": [str(first.id)]})
    assert shares(app) == {(entry_id, first.id)}
    assert login_client(app, "t0@example.org").get(f"/therapist/entries/{entry_id}").status_code == 200
    assert login_client(app, "t1@example.org").get(f"/therapist/entries/{entry_id}").status_code == 404
    client.post_form(f"/entries/{entry_id}/sharing", {})
    assert shares(app) == set()
    assert login_client(app, "t0@example.org").get(f"/therapist/entries/{entry_id}").status_code == 404


def test_share_from_the_list(app, make_user, sharing, journal):
    patient, (therapist,) = setup(make_user, sharing)
    entry_id = journal.entry(patient.id, title="Listed")
    client = login_client(app, "p@example.org")
    listing = client.get("/entries").get_data(as_text=True)
    assert f"/entries/{entry_id}/sharing" in listing and "Private" in listing
    response = client.post_form(f"/entries/{entry_id}/sharing", {"therapists": [str(therapist.id)], "back": "/entries"})
    assert response.headers["Location"] == "/entries"
    assert "Shared with Dr. 0" in client.get("/entries").get_data(as_text=True)


def test_cannot_share_with_an_unconnected_therapist(app, make_user, sharing, journal):
    patient, _ = setup(make_user, sharing)
    stranger = make_user(Role.THERAPIST)
    entry_id = journal.entry(patient.id)
    response = login_client(app, "p@example.org").post_form(
        f"/entries/{entry_id}/sharing", {"therapists": [str(stranger.id)]}
    )
    assert response.status_code == 422
    assert shares(app) == set()


def test_automatic_sharing_is_off_by_default_and_can_be_turned_on(app, make_user, sharing, journal):
    patient, (therapist,) = setup(make_user, sharing)
    client = login_client(app, "p@example.org")
    fields = {"answer_0": "new words", "draft_id": "", "prompt_set": "", "entry_id": "", "version": ""}
    client.post_form("/entries/new", fields)
    assert shares(app) == set()
    with app.app_context():
        connection_id = db.session.scalar(select(Connection.id))
    client.post_form(f"/connections/{connection_id}/auto-share", {"auto_share": "y"})
    client.post_form("/entries/new", fields)
    assert len(shares(app)) == 1
    client.post_form(f"/connections/{connection_id}/auto-share", {})
    client.post_form("/entries/new", fields)
    assert len(shares(app)) == 1


def test_session_records_are_visible_only_where_shared(app, make_user, sharing, journal):
    patient, (therapist,) = setup(make_user, sharing)
    session_id = journal.session(patient.id, intention="a private intention")
    entry_id = journal.entry(patient.id, session_id=session_id)
    sharing.share(entry_id, therapist.id)
    client = login_client(app, "t0@example.org")
    assert "a private intention" not in client.get(f"/therapist/entries/{entry_id}").get_data(as_text=True)
    assert "a private intention" not in client.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    login_client(app, "p@example.org").post_form(f"/sessions/{session_id}/sharing", {"therapists": [str(therapist.id)]})
    assert "a private intention" in client.get(f"/therapist/entries/{entry_id}").get_data(as_text=True)
    assert "a private intention" in client.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)


def test_trashed_entries_are_never_visible_to_a_therapist(app, make_user, sharing, journal):
    patient, (therapist,) = setup(make_user, sharing)
    entry_id = journal.entry(patient.id, "soon in the trash", title="Trashy")
    sharing.share(entry_id, therapist.id)
    login_client(app, "p@example.org").post_form(f"/entries/{entry_id}/delete")
    client = login_client(app, "t0@example.org")
    assert client.get(f"/therapist/entries/{entry_id}").status_code == 404
    assert "Trashy" not in client.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    assert "new" not in client.get("/therapist/").get_data(as_text=True).split("<tbody>")[1]


def test_drafts_are_never_shared(app, make_user, sharing):
    patient, (therapist,) = setup(make_user, sharing)
    client = login_client(app, "p@example.org")
    draft_id = "5b1c0c49-0000-4000-8000-000000000001"
    client.post(
        f"/drafts/{draft_id}/autosave",
        data={"answer_0": "a draft never shared"},
        headers={"X-CSRFToken": client.csrf_token(), "Accept": "application/json"},
    )
    therapist_client = login_client(app, "t0@example.org")
    for url in (
        "/therapist/",
        f"/therapist/patients/{patient.id}",
        f"/therapist/entries/{draft_id}",
        f"/drafts/{draft_id}",
    ):
        assert "a draft never shared" not in therapist_client.get(url).get_data(as_text=True)
    assert therapist.id


def test_old_entries_shared_in_the_past_stay_readable_only_while_connected(app, make_user, sharing, journal):
    patient, (therapist,) = setup(make_user, sharing)
    entry_id = journal.entry(patient.id, created_at=datetime.now(UTC) - timedelta(days=400))
    sharing.share(entry_id, therapist.id)
    assert login_client(app, "t0@example.org").get(f"/therapist/entries/{entry_id}").status_code == 200
