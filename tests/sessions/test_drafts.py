"""A session's form keeps an unsaved intention as a draft, like an entry: autosaved, reopened on its own
page (a new session's, or the edited session's), and rescued after a login or a form expired."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select

from journal.entries.drafts import open_draft
from journal.extensions import db
from journal.models import Draft, DraftKind, TreatmentSession
from journal.sessions.services import open_session
from tests.conftest import PASSWORD, login_client

INTENTION = "To let the old anger speak, and listen without arguing"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
FORM = {
    "occurred_at": "2026-11-20T09:30",
    "medicine": "ketamine_iv",
    "medicine_other": "",
    "setting": "clinic",
    "setting_other": "",
    "notes": "",
}


def opened(client, url: str) -> dict:
    """The session form as a page sends it: its hidden context and the fields."""
    return {**FORM, **dict(HIDDEN.findall(client.get(url, follow_redirects=True).get_data(as_text=True)))}


def autosave(client, fields: dict):
    headers = {"Accept": "application/json", "X-CSRFToken": client.csrf_token()}
    return client.post(f"/drafts/{fields['draft_id']}/autosave", data=fields, headers=headers)


def the_draft(app) -> tuple[Draft, dict[str, list[str]]]:
    with app.app_context():
        [row] = db.session.scalars(select(Draft)).all()
        return row, open_draft(row).fields


def no_drafts(app) -> bool:
    with app.app_context():
        return db.session.scalar(select(Draft)) is None


def test_a_new_sessions_intention_is_autosaved_and_comes_back(app, client, patient):
    fields = {**opened(client, "/sessions/new"), "intention": INTENTION}
    assert fields["draft_kind"] == "session" and "session_id" not in fields
    assert autosave(client, fields).json["saved"] is True
    row, kept = the_draft(app)
    assert row.kind == DraftKind.SESSION and row.session_id is None and kept["intention"] == [INTENTION]
    assert b"anger" not in row.sealed
    listed = client.get("/drafts").get_data(as_text=True)
    assert "Session intention (draft)" in listed and INTENTION in listed
    resumed = client.get(f"/drafts/{row.id}").headers["Location"]
    assert resumed == f"/sessions/new?draft={row.id}"
    page = client.get(resumed, follow_redirects=True).get_data(as_text=True)
    assert f"{INTENTION}</textarea>" in page and 'value="2026-11-20T09:30"' in page
    assert client.post_form("/sessions/new", fields).status_code == 302
    assert no_drafts(app)
    back = client.get(resumed)  # Back to the saved page: that session, not a second one
    assert back.status_code == 302 and back.headers["Location"] == f"/sessions/{fields['draft_id']}/edit"


def test_an_edited_sessions_draft_reopens_on_that_sessions_page(app, client, patient, journal):
    session_id = journal.session(patient.id)
    other_id = journal.session(patient.id)
    fields = {**opened(client, f"/sessions/{session_id}/edit"), "intention": INTENTION}
    assert fields["session_id"] == str(session_id)
    autosave(client, fields)
    row, _ = the_draft(app)
    assert row.session_id == session_id
    resumed = client.get(f"/drafts/{row.id}").headers["Location"]
    assert resumed == f"/sessions/{session_id}/edit?draft={row.id}"
    assert f"{INTENTION}</textarea>" in client.get(resumed, follow_redirects=True).get_data(as_text=True)
    assert client.get(f"/sessions/{other_id}/edit?draft={row.id}").status_code == 404
    assert (
        client.get(f"/sessions/new?draft={row.id}", follow_redirects=True).status_code == 200
    )  # not this one's: a fresh form
    assert client.post_form(f"/sessions/{session_id}/edit", fields).status_code == 302
    assert no_drafts(app)
    with app.app_context():
        assert open_session(db.session.get(TreatmentSession, session_id)).details.intention == INTENTION


def test_a_draft_of_a_deleted_session_becomes_a_new_sessions(app, client, patient, journal):
    session_id = journal.session(patient.id)
    autosave(client, {**opened(client, f"/sessions/{session_id}/edit"), "intention": INTENTION})
    client.post_form(f"/sessions/{session_id}/delete")
    row, _ = the_draft(app)
    resumed = client.get(f"/drafts/{row.id}").headers["Location"]
    assert resumed == f"/sessions/new?draft={row.id}"
    assert f"{INTENTION}</textarea>" in client.get(resumed, follow_redirects=True).get_data(as_text=True)


def test_another_persons_session_is_never_linked_and_their_draft_not_found(app, client, patient, make_user, journal):
    make_user(email="sam@example.org")
    other = login_client(app, "sam@example.org")
    theirs = {**opened(other, "/sessions/new"), "intention": "their words"}
    autosave(other, theirs)
    assert client.get(f"/sessions/new?draft={theirs['draft_id']}", follow_redirects=True).status_code == 404
    assert client.get(f"/drafts/{theirs['draft_id']}").status_code == 404
    with app.app_context():
        sam = db.session.scalar(select(Draft)).owner_id
    sams_session = journal.session(sam)
    mine = {**opened(client, "/sessions/new"), "intention": INTENTION, "session_id": str(sams_session)}
    assert autosave(client, mine).status_code == 200
    with app.app_context():
        row = db.session.get(Draft, uuid.UUID(mine["draft_id"]))
        assert row.session_id is None


def test_an_expired_session_form_comes_back_with_the_intention(app, client, patient, journal):
    session_id = journal.session(patient.id)
    fields = {**opened(client, f"/sessions/{session_id}/edit"), "intention": INTENTION}
    response = client.post(f"/sessions/{session_id}/edit", data={**fields, "csrf_token": "expired-token"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "security check expired" in page and f"{INTENTION}</textarea>" in page
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post(f"/sessions/{session_id}/edit", data={**fields, "csrf_token": token}).status_code == 302


def test_logged_out_while_writing_an_intention_keeps_it_as_a_draft(app, client, patient, auth):
    fields = {**opened(client, "/sessions/new"), "intention": INTENTION}
    auth.logout()
    response = client.post_form("/sessions/new", fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 401 and INTENTION in page and 'name="password"' in page
    carried = dict(HIDDEN.findall(page))
    done = client.post("/rescue", data={**carried, "email": "pat@example.org", "password": PASSWORD})
    assert done.status_code == 302
    row, kept = the_draft(app)
    assert row.kind == DraftKind.SESSION and kept["intention"] == [INTENTION]
    form = client.get(client.get(done.headers["Location"]).headers["Location"], follow_redirects=True).get_data(
        as_text=True
    )
    assert f"{INTENTION}</textarea>" in form


def counts(app) -> tuple[int, int]:
    with app.app_context():
        sessions = len(db.session.scalars(select(TreatmentSession)).all())
        return sessions, len(db.session.scalars(select(Draft)).all())


def test_a_new_session_form_sent_again_lands_on_the_same_session_and_back_opens_it(app, client, patient):
    opened_at = client.get("/sessions/new")
    address = opened_at.headers["Location"]
    assert opened_at.status_code == 303 and address.startswith("/sessions/new?draft=")
    fields = {**opened(client, address), "intention": INTENTION}
    assert fields["draft_id"] == fields["save_key"] == address.rsplit("=", 1)[1]
    autosave(client, fields)
    saved = client.post_form("/sessions/new", fields)
    assert saved.headers["Location"] == f"/sessions/{fields['save_key']}"
    back = client.get(address)
    assert back.status_code == 302 and back.headers["Location"] == f"/sessions/{fields['save_key']}/edit"
    again = client.post_form("/sessions/new", {**fields, "notes": "and one more thing"})  # Back, then Save again
    assert again.headers["Location"] == saved.headers["Location"]
    assert counts(app) == (1, 0)
    with app.app_context():
        assert open_session(db.session.scalar(select(TreatmentSession))).details.notes == "and one more thing"


def test_a_reopened_session_draft_gets_a_key_of_its_own(app, client, patient):
    first = {**opened(client, "/sessions/new"), "intention": INTENTION}
    autosave(client, first)
    reopened = client.get(f"/sessions/new?draft={first['draft_id']}")
    address = reopened.headers["Location"]
    assert reopened.status_code == 303 and address.startswith(f"/sessions/new?draft={first['draft_id']}&key=")
    second = opened(client, address)
    assert second["draft_id"] == first["draft_id"] and second["save_key"] not in (first["save_key"], "")
    client.post_form("/sessions/new", first)
    client.post_form("/sessions/new", second)  # two pages of one draft: two sessions
    assert counts(app) == (2, 0)
    back = client.get(address)
    assert back.status_code == 302 and back.headers["Location"] == f"/sessions/{second['save_key']}/edit"


def test_another_persons_session_id_is_never_taken_as_a_save_key(app, client, patient, make_user, journal):
    theirs = journal.session(make_user().id, intention="their intention")
    fields = {**opened(client, "/sessions/new"), "intention": INTENTION, "save_key": str(theirs)}
    assert client.post_form("/sessions/new", fields).headers["Location"] != f"/sessions/{theirs}"
    with app.app_context():
        assert open_session(db.session.get(TreatmentSession, theirs)).details.intention == "their intention"
    assert counts(app) == (2, 0)


def test_an_autosave_arriving_after_a_session_was_saved_leaves_no_draft_behind(app, client, patient, journal):
    session_id = journal.session(patient.id)
    for url in ("/sessions/new", f"/sessions/{session_id}/edit"):
        fields = {**opened(client, url), "intention": INTENTION}
        client.post_form(url, fields)
        late = autosave(client, fields)
        assert late.status_code == 409 and late.json["error"] == "already_saved"
        assert no_drafts(app)


def test_a_sessions_draft_never_opens_as_an_entry(app, client, patient):
    fields = {**opened(client, "/sessions/new"), "intention": INTENTION}
    autosave(client, fields)
    assert client.get(f"/entries/new?draft={fields['draft_id']}").status_code == 404
    row, kept = the_draft(app)  # and nothing discarded it
    assert kept["intention"] == [INTENTION]
