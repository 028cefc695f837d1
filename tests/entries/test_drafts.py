import re
import uuid

from sqlalchemy import func, select

from journal.entries.drafts import open_draft
from journal.extensions import db
from journal.models import Draft, Entry

JSON = {"Accept": "application/json"}


def autosave(client, draft_id, data, token=None, headers=None):
    headers = {**JSON, **(headers or {})}
    if token is not False:
        headers["X-CSRFToken"] = token or client.csrf_token()
    return client.post(f"/drafts/{draft_id}/autosave", data=data, headers=headers)


def draft_text(app, draft_id) -> dict:
    with app.app_context():
        row = db.session.get(Draft, uuid.UUID(str(draft_id)))
        return open_draft(row).fields if row else {}


def new_editor(client) -> dict:
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    return dict(re.findall(r'name="(draft_id|prompt_set|entry_id|version)" type="hidden" value="([^"]*)"', page))


def test_autosave_creates_then_updates_one_draft(client, app, patient):
    fields = new_editor(client)
    draft_id = fields["draft_id"]
    first = autosave(client, draft_id, {**fields, "answer_0": "first words"})
    assert first.status_code == 200 and first.json["saved"] is True
    autosave(client, draft_id, {**fields, "answer_0": "first words, then more"})
    assert draft_text(app, draft_id)["answer_0"] == ["first words, then more"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 1


def test_drafts_are_listed_resumed_and_finished(client, app, patient):
    fields = new_editor(client)
    autosave(client, fields["draft_id"], {**fields, "title": "Unfinished", "answer_0": "half a thought"})
    listing = client.get("/drafts").get_data(as_text=True)
    assert "Unfinished" in listing and "half a thought" in listing
    resume = client.get(f"/drafts/{fields['draft_id']}")
    editor = client.get(resume.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "half a thought" in editor and f'value="{fields["draft_id"]}"' in editor
    client.post_form(resume.headers["Location"], {**fields, "title": "Unfinished", "answer_0": "a whole thought"})
    assert draft_text(app, fields["draft_id"]) == {}
    assert "No drafts" in client.get("/drafts").get_data(as_text=True)


def test_a_draft_of_an_edit_reopens_that_entry(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "saved text")
    page = client.get(f"/entries/{entry_id}/edit").get_data(as_text=True)
    fields = dict(re.findall(r'name="(draft_id|prompt_set|entry_id|version)" type="hidden" value="([^"]*)"', page))
    autosave(client, fields["draft_id"], {**fields, "answer_0": "edited but not saved"})
    location = client.get(f"/drafts/{fields['draft_id']}").headers["Location"]
    assert location == f"/entries/{entry_id}/edit?draft={fields['draft_id']}"
    assert "edited but not saved" in client.get(location).get_data(as_text=True)
    assert "saved text" in client.get(f"/entries/{entry_id}").get_data(as_text=True)  # the entry is untouched


def test_discarding_a_draft_asks_first(client, app, patient):
    fields = new_editor(client)
    autosave(client, fields["draft_id"], {**fields, "answer_0": "maybe"})
    assert "Discard this draft?" in client.get(f"/drafts/{fields['draft_id']}/discard").get_data(as_text=True)
    assert draft_text(app, fields["draft_id"])
    client.post_form(f"/drafts/{fields['draft_id']}/discard")
    assert draft_text(app, fields["draft_id"]) == {}


def test_autosave_after_the_session_ended_answers_401_json(client, app, patient, auth):
    fields = new_editor(client)
    token = client.csrf_token()
    auth.logout()
    response = autosave(client, fields["draft_id"], {**fields, "answer_0": "still typing"}, token=token)
    assert response.status_code == 401
    assert response.json["error"] == "login_required"
    assert draft_text(app, fields["draft_id"]) == {}


def test_autosave_without_csrf_token_is_refused_with_json(client, app, patient):
    fields = new_editor(client)
    response = autosave(client, fields["draft_id"], {**fields, "answer_0": "x"}, token=False)
    assert response.status_code == 400 and response.json["error"] == "csrf"
    assert draft_text(app, fields["draft_id"]) == {}


def test_relogin_from_the_editor_hands_a_fresh_token_and_saving_resumes(client, app, patient, auth):
    fields = new_editor(client)
    auth.logout()
    anonymous_token = client.get("/auth/csrf-token").json["csrf_token"]
    response = client.post(
        "/login",
        data={"email": "pat@example.org", "password": "a quiet walk by the river", "csrf_token": anonymous_token},
        headers=JSON,
    )
    assert response.status_code == 200 and response.json["ok"] is True
    fresh = response.json["csrf_token"]
    assert autosave(client, fields["draft_id"], {**fields, "answer_0": "word for word"}, token=fresh).status_code == 200
    assert draft_text(app, fields["draft_id"])["answer_0"] == ["word for word"]


def test_failed_json_login_says_so(client, patient, auth):
    auth.logout()
    token = client.get("/auth/csrf-token").json["csrf_token"]
    response = client.post(
        "/login", data={"email": "pat@example.org", "password": "wrong wrong wrong", "csrf_token": token}, headers=JSON
    )
    assert response.status_code == 401 and response.json["ok"] is False


def test_autosave_refuses_text_over_the_limit(client, app, patient):
    fields = new_editor(client)
    response = autosave(client, fields["draft_id"], {**fields, "answer_0": "x" * 100_001})
    assert response.status_code == 422 and response.json["fields"] == ["answer_0"]
    assert draft_text(app, fields["draft_id"]) == {}


def test_another_patients_draft_cannot_be_read_or_overwritten(client, app, patient, make_user):
    other = make_user(email="other@example.org")
    other_client = app.test_client()
    other_client.post_form("/login", {"email": "other@example.org", "password": "a quiet walk by the river"})
    fields = new_editor(other_client)
    autosave(other_client, fields["draft_id"], {**fields, "answer_0": "their private draft"})

    assert autosave(client, fields["draft_id"], {"answer_0": "overwrite"}).status_code == 404
    assert draft_text(app, fields["draft_id"])["answer_0"] == ["their private draft"]
    for url in (
        f"/drafts/{fields['draft_id']}",
        f"/drafts/{fields['draft_id']}/discard",
        f"/entries/new?draft={fields['draft_id']}",
    ):
        response = client.get(url)
        assert response.status_code == 404 and "their private draft" not in response.get_data(as_text=True)
    assert client.post_form(f"/drafts/{fields['draft_id']}/discard").status_code == 404
    assert "their private draft" not in client.get("/drafts").get_data(as_text=True)
    assert other.id != patient.id


def test_autosave_cannot_attach_a_draft_to_someone_elses_entry_or_session(client, app, patient, make_user, journal):
    other = make_user()
    entry_id, session_id = journal.entry(other.id), journal.session(other.id)
    draft_id = str(uuid.uuid4())
    assert autosave(client, draft_id, {"entry_id": str(entry_id), "answer_0": "x"}).status_code == 404
    assert autosave(client, draft_id, {"entry_id": "not-a-uuid", "answer_0": "x"}).status_code == 404
    assert draft_text(app, draft_id) == {}
    # Someone else's session is simply not attached; the words are still kept.
    response = autosave(client, draft_id, {"session_id": str(session_id), "prompt_set": "same_day", "answer_0": "kept"})
    assert response.status_code == 200
    with app.app_context():
        assert db.session.get(Draft, uuid.UUID(draft_id)).session_id is None
    assert draft_text(app, draft_id)["answer_0"] == ["kept"]


def test_autosave_keeps_only_offered_choices(client, app, patient):
    fields = new_editor(client)
    data = {**fields, "answer_0": "words", "mood": "x" * 500_000, "after_effects": ["nausea", "y" * 500_000]}
    assert autosave(client, fields["draft_id"], data).status_code == 200
    saved = draft_text(app, fields["draft_id"])
    assert saved["after_effects"] == ["nausea"] and saved["mood"] == []
    with app.app_context():
        assert len(db.session.get(Draft, uuid.UUID(fields["draft_id"])).sealed) < 10_000


def test_a_resumed_draft_keeps_the_version_it_started_from(client, app, patient, journal):
    """Tab A autosaves against version 1; tab B saves version 2; A reloads and saves: a conflict, not an overwrite."""
    entry_id = journal.entry(patient.id, "original")
    page_a = client.get(f"/entries/{entry_id}/edit").get_data(as_text=True)
    tab_a = dict(re.findall(r'name="(draft_id|prompt_set|entry_id|version)" type="hidden" value="([^"]*)"', page_a))
    autosave(client, tab_a["draft_id"], {**tab_a, "answer_0": "tab A words"})
    tab_b = dict(
        re.findall(
            r'name="(draft_id|prompt_set|entry_id|version)" type="hidden" value="([^"]*)"',
            client.get(f"/entries/{entry_id}/edit").get_data(as_text=True),
        )
    )
    assert client.post_form(f"/entries/{entry_id}/edit", {**tab_b, "answer_0": "tab B words"}).status_code == 302

    reloaded = client.get(f"/entries/{entry_id}/edit?draft={tab_a['draft_id']}").get_data(as_text=True)
    assert 'name="version" type="hidden" value="1"' in reloaded and "tab A words" in reloaded
    response = client.post_form(f"/entries/{entry_id}/edit", {**tab_a, "answer_0": "tab A words"})
    assert response.status_code == 409
    assert "tab B words" in client.get(f"/entries/{entry_id}").get_data(as_text=True)


def test_drafts_reopen_after_their_session_or_entry_is_gone(client, app, patient, journal):
    session_id = journal.session(patient.id)
    page = client.get(f"/entries/new?session={session_id}&set=same_day", follow_redirects=True).get_data(as_text=True)
    guided = dict(re.findall(r'name="(draft_id|prompt_set|entry_id|version)" type="hidden" value="([^"]*)"', page))
    autosave(client, guided["draft_id"], {**guided, "session_id": str(session_id), "answer_1": "an image of a door"})
    client.post_form(f"/sessions/{session_id}/delete")
    reopened = client.get(client.get(f"/drafts/{guided['draft_id']}").headers["Location"], follow_redirects=True)
    assert reopened.status_code == 200 and "an image of a door" in reopened.get_data(as_text=True)

    entry_id = journal.entry(patient.id, "to be trashed")
    page = client.get(f"/entries/{entry_id}/edit").get_data(as_text=True)
    edit = dict(re.findall(r'name="(draft_id|prompt_set|entry_id|version)" type="hidden" value="([^"]*)"', page))
    autosave(client, edit["draft_id"], {**edit, "answer_0": "changes to a trashed entry"})
    client.post_form(f"/entries/{entry_id}/delete")
    location = client.get(f"/drafts/{edit['draft_id']}").headers["Location"]
    assert location == f"/entries/new?draft={edit['draft_id']}"
    assert "changes to a trashed entry" in client.get(location, follow_redirects=True).get_data(as_text=True)


def page_fields(page: str) -> dict:
    pattern = r'name="(draft_id|prompt_set|entry_id|version|save_key)" type="hidden" value="([^"]*)"'
    return dict(re.findall(pattern, page))


def entry_and_draft_counts(app) -> tuple[int, int]:
    with app.app_context():
        count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        return count(Entry), count(Draft)


def test_back_to_a_saved_page_opens_its_entry_and_saving_again_makes_no_second(client, app, patient):
    fields = page_fields(client.get("/entries/new", follow_redirects=True).get_data(as_text=True))
    address = f"/entries/new?draft={fields['draft_id']}"  # what the page's script put in the address
    saved = client.post_form(address, {**fields, "answer_0": "once"})
    back = client.get(address)
    assert back.status_code == 302 and back.headers["Location"] == f"/entries/{fields['draft_id']}/edit"
    assert saved.headers["Location"] == f"/entries/{fields['draft_id']}"
    again = page_fields(client.get(back.headers["Location"]).get_data(as_text=True))
    assert client.post_form(back.headers["Location"], {**again, "answer_0": "once"}).status_code == 302
    assert entry_and_draft_counts(app) == (1, 0)


def test_an_autosave_arriving_after_the_save_leaves_no_draft_behind(client, app, patient):
    fields = page_fields(client.get("/entries/new", follow_redirects=True).get_data(as_text=True))
    client.post_form("/entries/new", {**fields, "answer_0": "saved"})
    late = autosave(client, fields["draft_id"], {**fields, "answer_0": "saved"})
    assert late.status_code == 409 and late.json["error"] == "already_saved"
    assert entry_and_draft_counts(app) == (1, 0)


def test_back_to_an_edit_whose_draft_was_used_up_opens_the_editor(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "saved text")
    fields = page_fields(client.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
    autosave(client, fields["draft_id"], {**fields, "answer_0": "changed"})
    client.post_form(f"/entries/{entry_id}/edit?draft={fields['draft_id']}", {**fields, "answer_0": "changed"})
    back = client.get(f"/entries/{entry_id}/edit?draft={fields['draft_id']}")
    assert back.status_code == 200 and "changed" in back.get_data(as_text=True)
    assert entry_and_draft_counts(app) == (1, 0)


def test_a_new_page_names_its_keys_in_its_address_so_back_without_a_script_lands_on_its_entry(
    client, app, patient, journal
):
    """No script puts the draft id in the address: the server does, so Back brings the same page and key."""
    session_id = journal.session(patient.id)
    opened = client.get(f"/entries/new?session={session_id}&set=same_day")
    address = opened.headers["Location"]
    assert opened.status_code == 303 and address.startswith(f"/entries/new?session={session_id}&set=same_day&draft=")
    fields = page_fields(client.get(address).get_data(as_text=True))
    assert fields["draft_id"] == fields["save_key"] == address.rsplit("=", 1)[1]
    sent = {**fields, "session_id": str(session_id), "answer_0": "once"}
    assert client.post_form(address, sent).headers["Location"] == f"/entries/{fields['save_key']}"
    back = client.get(address)
    assert back.status_code == 302 and back.headers["Location"] == f"/entries/{fields['save_key']}/edit"
    assert client.post_form(address, sent).status_code == 302  # the browser restored the page and Save was pressed
    assert entry_and_draft_counts(app) == (1, 0)


def test_a_reopened_draft_gets_a_key_of_its_own_and_back_after_saving_lands_on_its_entry(client, app, patient):
    first = page_fields(client.get("/entries/new", follow_redirects=True).get_data(as_text=True))
    autosave(client, first["draft_id"], {**first, "answer_0": "half a thought"})
    reopened = client.get(client.get(f"/drafts/{first['draft_id']}").headers["Location"])
    address = reopened.headers["Location"]
    assert reopened.status_code == 303 and address.startswith(f"/entries/new?draft={first['draft_id']}&key=")
    fields = page_fields(client.get(address).get_data(as_text=True))
    assert fields["draft_id"] == first["draft_id"] and fields["save_key"] == address.rsplit("=", 1)[1]
    client.post_form(address, {**fields, "answer_0": "a whole thought"})
    back = client.get(address)
    assert back.status_code == 302 and back.headers["Location"] == f"/entries/{fields['save_key']}/edit"
    assert client.post_form(address, {**fields, "answer_0": "a whole thought"}).status_code == 302
    assert entry_and_draft_counts(app) == (1, 0)


def test_an_autosave_arriving_after_an_edit_was_saved_leaves_no_draft_behind(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "saved text")
    fields = page_fields(client.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
    client.post_form(f"/entries/{entry_id}/edit", {**fields, "answer_0": "changed"})
    late = autosave(client, fields["draft_id"], {**fields, "answer_0": "changed"})
    assert late.status_code == 409 and late.json["error"] == "already_saved"
    assert entry_and_draft_counts(app) == (1, 0)


def test_a_draft_made_by_two_requests_at_once_keeps_the_later_words(app, patient, monkeypatch):
    """An autosave and a save seen as a conflict can both make a page's draft in the same instant: the one
    that finds the draft made meanwhile replaces it instead of failing (the CI run's 500 after two tabs)."""
    from journal.entries import drafts
    from journal.entries.content import Answer

    draft_id = uuid.uuid4()
    details = {"prompts": [Answer(None, None, None, "")], "entry_id": None, "session_id": None, "prompt_set": None}
    with app.test_request_context():
        drafts.save_draft(owner_id=patient.id, draft_id=draft_id, fields={"answer_0": ["first"]}, **details)
        db.session.expunge_all()
        real_get = db.session.get
        missed = []

        def not_seen_yet(model, key, *args, **kwargs):  # the other request had not committed when this one looked
            if model is Draft and not missed:
                missed.append(key)
                return None
            return real_get(model, key, *args, **kwargs)

        monkeypatch.setattr(db.session, "get", not_seen_yet)
        drafts.save_draft(owner_id=patient.id, draft_id=draft_id, fields={"answer_0": ["second"]}, **details)
    assert missed == [draft_id]
    assert draft_text(app, draft_id)["answer_0"] == ["second"]
