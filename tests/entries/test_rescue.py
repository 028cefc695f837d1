"""Writing survives an ended session and an expired form."""

import re

from sqlalchemy import select

from journal.auth.logins import end_all_sessions
from journal.entries.drafts import open_draft
from journal.extensions import db
from journal.models import Draft, Entry
from tests.conftest import PASSWORD
from tests.live_server import EDITOR_FIELDS

WORDS = "Something I finally understood about my father, after all these years."


def editor(client, url="/entries/new") -> dict:
    return dict(EDITOR_FIELDS.findall(client.get(url, follow_redirects=True).get_data(as_text=True)))


def test_an_expired_form_shows_the_form_again_with_the_text(client, app, patient):
    fields = {**editor(client), "title": "About Dad", "answer_0": WORDS, "mood": "2"}
    response = client.post("/entries/new", data={**fields, "csrf_token": "expired-token"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "security check expired" in page
    assert f"{WORDS}</textarea>" in page and 'value="About Dad"' in page
    assert '<option selected value="2">' in page
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/entries/new", data={**fields, "csrf_token": token}).status_code == 302  # fresh token works
    with app.app_context():
        assert db.session.scalar(select(Entry)) is not None


def test_logged_out_while_writing_logs_in_on_the_page_and_keeps_the_text(client, app, patient, auth):
    fields = {**editor(client), "title": "About Dad", "answer_0": WORDS, "mood": "1"}
    auth.logout()
    response = client.post_form("/entries/new", fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 401
    assert WORDS in page and 'name="password"' in page
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))

    wrong = client.post("/rescue", data={**carried, "email": "pat@example.org", "password": "not it at all"})
    assert wrong.status_code == 401 and WORDS in wrong.get_data(as_text=True)

    fresh = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', wrong.get_data(as_text=True)))
    done = client.post("/rescue", data={**fresh, "email": "pat@example.org", "password": PASSWORD})
    assert done.status_code == 302
    with app.app_context():
        draft = open_draft(db.session.scalar(select(Draft)))
    assert draft.fields["answer_0"] == [WORDS] and draft.fields["mood"] == ["1"]
    resumed = client.get(client.get(done.headers["Location"]).headers["Location"], follow_redirects=True).get_data(
        as_text=True
    )
    assert WORDS in resumed


def test_session_ended_on_the_server_keeps_the_text(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "old words")
    fields = {**editor(client, f"/entries/{entry_id}/edit"), "answer_0": WORDS}
    with app.app_context():  # e.g. a password change on another device
        from journal.models import User

        end_all_sessions(db.session.get(User, patient.id))
        db.session.commit()
    response = client.post_form(f"/entries/{entry_id}/edit", fields)
    assert response.status_code == 401 and WORDS in response.get_data(as_text=True)


def test_rescue_is_only_for_writing_posts(client, patient, auth):
    auth.logout()
    response = client.post_form("/connections/code", {"code": "ABCD-EFGH"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_an_expired_token_on_the_rescue_page_still_keeps_the_text(client, app, patient, auth):
    fields = {**editor(client), "answer_0": WORDS}
    auth.logout()
    page = client.post_form("/entries/new", fields).get_data(as_text=True)
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    response = client.post("/rescue", data={**carried, "csrf_token": "stale", "email": "x@y.z", "password": "p"})
    assert response.status_code == 401 and WORDS in response.get_data(as_text=True)


def test_rescue_of_an_edit_to_a_trashed_entry_keeps_the_text(client, app, patient, auth, journal):
    entry_id = journal.entry(patient.id, "old words")
    fields = {**editor(client, f"/entries/{entry_id}/edit"), "answer_0": WORDS}
    client.post_form(f"/entries/{entry_id}/delete")
    auth.logout()
    page = client.post_form(f"/entries/{entry_id}/edit", fields).get_data(as_text=True)
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    done = client.post("/rescue", data={**carried, "email": "pat@example.org", "password": PASSWORD})
    assert done.status_code == 302
    with app.app_context():
        assert open_draft(db.session.scalar(select(Draft))).fields["answer_0"] == [WORDS]


def test_the_rescue_page_never_sends_text_to_another_site(client, app, patient, auth):
    fields = {**editor(client), "answer_0": WORDS}
    auth.logout()
    page = client.post_form("/entries/new", fields).get_data(as_text=True)
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    response = client.post(
        "/rescue",
        data={
            **carried,
            "action": "https://evil.example/steal",
            "email": "pat@example.org",
            "password": "wrong password here",
        },
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 401 and WORDS in body
    assert "evil.example" not in body
