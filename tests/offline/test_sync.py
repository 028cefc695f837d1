"""What the offline queue's script is told when it sends an entry (static/js/offline-store.js sendAll)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from journal.extensions import db
from journal.models import Entry
from tests.conftest import login_client

JSON = {"Accept": "application/json"}


def send(client, fields: dict):
    return client.post("/entries/new", data=fields, headers={**JSON, "X-CSRFToken": client.csrf_token()})


def entries(app, owner_id: int) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Entry).where(Entry.owner_id == owner_id))


def test_an_entry_sent_again_with_its_key_is_saved_once_and_left_as_it_was(app, make_user):
    patient = make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    key = str(uuid.uuid4())
    first = send(client, {"title": "On the train", "answer_0": "words", "save_key": key})
    again = send(client, {"title": "On the train", "answer_0": "words", "save_key": key})
    assert first.status_code == again.status_code == 200
    assert first.get_json() == again.get_json() == {"saved": True, "url": f"/entries/{key}"}
    assert entries(app, patient.id) == 1
    with app.app_context():
        assert db.session.get(Entry, uuid.UUID(key)).version == 1  # the repeat changed nothing


def test_two_entries_written_offline_are_two_entries(app, make_user):
    patient = make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    for title in ("one", "two"):
        assert send(client, {"title": title, "answer_0": "w", "save_key": str(uuid.uuid4())}).get_json()["saved"]
    assert entries(app, patient.id) == 2


def test_a_refused_entry_says_why_and_saves_nothing(app, make_user):
    patient = make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    response = send(client, {"title": "t" * 201, "answer_0": "words", "save_key": str(uuid.uuid4())})
    assert response.status_code == 422 and response.get_json()["saved"] is False
    assert "200" in response.get_json()["message"]
    assert entries(app, patient.id) == 0


def test_an_ended_session_answers_401_and_keeps_nothing(app, make_user):
    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    token = client.csrf_token()
    client.post_form("/logout")
    response = client.post("/entries/new", data={"answer_0": "w"}, headers={**JSON, "X-CSRFToken": token})
    assert response.status_code == 401
    assert entries(app, 1) == 0


def test_an_edit_that_conflicts_waits_in_drafts(app, make_user, journal):
    patient = make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    entry_id = journal.entry(patient.id, "first words")
    client.post_form(f"/entries/{entry_id}/edit", {"version": "1", "title": "t", "answer_0": "changed elsewhere"})
    response = client.post(
        f"/entries/{entry_id}/edit",
        data={"version": "1", "title": "t", "answer_0": "written offline"},
        headers={**JSON, "X-CSRFToken": client.csrf_token()},
    )
    assert response.status_code == 409 and response.get_json()["conflict"] is True
    draft = client.get(response.get_json()["url"], follow_redirects=True).get_data(as_text=True)
    assert "written offline" in draft


def test_an_edit_sent_again_after_a_lost_answer_is_not_a_conflict_with_itself(app, make_user, journal):
    patient = make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    entry_id = journal.entry(patient.id, "first words")
    fields = {"version": "1", "title": "t", "answer_0": "written offline", "save_key": str(uuid.uuid4())}
    first = client.post(f"/entries/{entry_id}/edit", data=fields, headers={**JSON, "X-CSRFToken": client.csrf_token()})
    again = client.post(f"/entries/{entry_id}/edit", data=fields, headers={**JSON, "X-CSRFToken": client.csrf_token()})
    assert first.status_code == again.status_code == 200 and again.get_json()["saved"] is True
    with app.app_context():
        assert db.session.get(Entry, entry_id).version == 2  # changed once


def test_an_edit_of_an_entry_trashed_meanwhile_waits_in_drafts(app, make_user, journal):
    patient = make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    entry_id = journal.entry(patient.id, "first words")
    client.post_form(f"/entries/{entry_id}/delete")
    response = client.post(
        f"/entries/{entry_id}/edit",
        data={"version": "1", "title": "t", "answer_0": "written offline", "save_key": str(uuid.uuid4())},
        headers={**JSON, "X-CSRFToken": client.csrf_token()},
    )
    assert response.status_code == 409 and response.get_json()["conflict"] is True
    assert "written offline" in client.get(response.get_json()["url"], follow_redirects=True).get_data(as_text=True)
