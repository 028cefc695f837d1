"""The safety plan keeps unsaved words as a draft, like an entry: autosaved, reopened, rescued after a
login or a form expired, and never a way around the version check."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import func, select

from journal.entries.drafts import open_draft
from journal.extensions import db
from journal.models import Draft, DraftKind
from journal.safety.plan import SECTIONS
from tests.conftest import PASSWORD, login_client

WORDS = "Call my sister Ana; walk to the harbour"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def opened(client, url: str = "/safety-plan") -> dict:
    """The plan's form as a page sends it: its hidden context and every section."""
    page = client.get(url).get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d*)"', page).group(1)
    return {**dict(HIDDEN.findall(page)), "version": version, **{s.key: "" for s in SECTIONS}}


def autosave(client, fields: dict):
    headers = {"Accept": "application/json", "X-CSRFToken": client.csrf_token()}
    return client.post(f"/drafts/{fields['draft_id']}/autosave", data=fields, headers=headers)


def drafts(app) -> list[Draft]:
    with app.app_context():
        return list(db.session.scalars(select(Draft)))


def fields_of(app, row: Draft) -> dict[str, list[str]]:
    with app.app_context():
        return open_draft(db.session.get(Draft, row.id)).fields


def test_typed_words_are_autosaved_sealed_and_come_back(app, client, patient):
    fields = {**opened(client), "reasons": WORDS}
    assert fields["draft_kind"] == "safety_plan"
    saved = autosave(client, fields)
    assert saved.status_code == 200 and saved.json["saved"] is True
    [row] = drafts(app)
    assert row.kind == DraftKind.SAFETY_PLAN and b"harbour" not in row.sealed
    listed = client.get("/drafts").get_data(as_text=True)
    assert "Safety plan (draft)" in listed and WORDS in listed
    resumed = client.get(f"/drafts/{row.id}")
    assert resumed.headers["Location"] == f"/safety-plan?draft={row.id}"
    page = client.get(resumed.headers["Location"]).get_data(as_text=True)
    assert f"{WORDS}</textarea>" in page and "You are continuing a draft" in page
    assert f'name="draft_id" value="{row.id}"' in page


def test_saving_the_plan_discards_its_draft_and_back_shows_the_plan(app, client, patient):
    fields = {**opened(client), "reasons": WORDS}
    autosave(client, fields)
    assert client.post_form("/safety-plan", fields).status_code == 302
    assert drafts(app) == []
    back = client.get(f"/safety-plan?draft={fields['draft_id']}")  # the address the page had
    assert back.status_code == 200 and f"{WORDS}</textarea>" in back.get_data(as_text=True)


def test_a_draft_never_gets_around_the_version_check(app, client, patient):
    stale = {**opened(client), "reasons": "The sea in June"}
    autosave(client, stale)
    client.post_form("/safety-plan", {**opened(client), "reasons": "My dog, Miso"})  # saved in another tab
    resumed = opened(client, f"/safety-plan?draft={stale['draft_id']}")
    assert resumed["version"] == "0"  # the version the draft was started from
    response = client.post_form("/safety-plan", {**resumed, "reasons": "The sea in June"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "Nothing was overwritten" in page
    assert "The sea in June" in page and "My dog, Miso" in page
    assert "My dog, Miso" in client.get("/safety-plan").get_data(as_text=True)
    [row] = drafts(app)  # this tab's words stay a draft until they are saved
    assert str(row.id) == stale["draft_id"] and fields_of(app, row)["reasons"] == ["The sea in June"]


def test_an_expired_form_shows_the_plan_again_with_the_words(app, client, patient):
    fields = {**opened(client), "reasons": WORDS}
    response = client.post("/safety-plan", data={**fields, "csrf_token": "expired-token"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "security check expired" in page and f"{WORDS}</textarea>" in page
    assert f'name="draft_id" value="{fields["draft_id"]}"' in page
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/safety-plan", data={**fields, "csrf_token": token}).status_code == 302


def test_logged_out_while_writing_the_plan_keeps_the_words_as_a_draft(app, client, patient, auth):
    fields = {**opened(client), "reasons": WORDS}
    auth.logout()
    response = client.post_form("/safety-plan", fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 401 and WORDS in page and 'name="password"' in page
    carried = dict(HIDDEN.findall(page))
    done = client.post("/rescue", data={**carried, "email": "pat@example.org", "password": PASSWORD})
    assert done.status_code == 302
    [row] = drafts(app)
    assert row.kind == DraftKind.SAFETY_PLAN and fields_of(app, row)["reasons"] == [WORDS]
    plan_page = client.get(client.get(done.headers["Location"]).headers["Location"]).get_data(as_text=True)
    assert f"{WORDS}</textarea>" in plan_page


def test_another_persons_draft_or_an_entrys_is_not_found(app, client, patient, make_user):
    fields = {**opened(client), "reasons": WORDS}
    autosave(client, fields)
    make_user(email="sam@example.org")
    other = login_client(app, "sam@example.org")
    assert other.get(f"/safety-plan?draft={fields['draft_id']}").status_code == 404
    assert autosave(other, {**opened(other), "draft_id": fields["draft_id"]}).status_code == 404

    entry_draft = uuid.uuid4()
    entry_fields = {"answer_0": "words", "draft_id": str(entry_draft)}
    headers = {"Accept": "application/json", "X-CSRFToken": client.csrf_token()}
    assert client.post(f"/drafts/{entry_draft}/autosave", data=entry_fields, headers=headers).status_code == 200
    assert client.get(f"/safety-plan?draft={entry_draft}").status_code == 404
    assert autosave(client, {**fields, "draft_id": str(entry_draft)}).status_code == 404  # a draft keeps its page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 2


def test_an_autosave_arriving_after_the_plan_was_saved_leaves_no_draft_behind(app, client, patient):
    fields = {**opened(client), "reasons": WORDS}
    assert client.post_form("/safety-plan", fields).status_code == 302
    late = autosave(client, fields)
    assert late.status_code == 409 and late.json["error"] == "already_saved"
    assert drafts(app) == []
    other_tab = {**opened(client), "reasons": WORDS + ", and the cat"}  # a page opened since still autosaves
    assert autosave(client, other_tab).status_code == 200
