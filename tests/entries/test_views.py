import re
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from journal.entries.services import open_entry
from journal.extensions import db
from journal.models import Entry, EntryKind
from journal.prompts import library


def entry_count(app, *, trashed=None) -> int:
    with app.app_context():
        statement = select(func.count()).select_from(Entry)
        if trashed is not None:
            statement = statement.where(~Entry.is_live if trashed else Entry.is_live)
        return db.session.scalar(statement)


def only_entry(app):
    with app.app_context():
        return open_entry(db.session.scalar(select(Entry)))


def editor_fields(page: str) -> dict[str, str]:
    return dict(re.findall(r'name="(version|draft_id|entry_id|prompt_set)" type="hidden" value="([^"]*)"', page))


def test_write_a_guided_same_day_entry(client, app, patient, journal):
    session_id = journal.session(patient.id)
    url = f"/entries/new?session={session_id}&set=same_day"
    page = client.get(url, follow_redirects=True).get_data(as_text=True)
    same_day = library().get_set("same_day")
    for prompt in same_day.prompts:
        assert prompt.text.replace("'", "&#39;") in page
    assert "to meet my fear kindly" in page  # the session's intention is shown
    fields = editor_fields(page)
    data = {
        **fields,
        "title": "First evening",
        "answer_0": "Heavy arms, warm hands.",
        "answer_2": "Space",
        "mood": "-2",
        "intensity": "7",
        "detachment": "4",
        "after_effects": ["nausea", "dizziness"],
        "after_effects_note": "Nausea faded by 8pm",
        "tags": "body, rest, body",
        "session_id": str(session_id),
    }
    response = client.post_form(url, data)
    assert response.status_code == 302
    entry = only_entry(app)
    assert (entry.row.kind, entry.row.prompt_set, entry.row.session_id) == (EntryKind.GUIDED, "same_day", session_id)
    assert (entry.row.mood, entry.row.intensity, entry.row.detachment) == (-2, 7, 4)
    assert entry.row.library_version == library().version
    assert [a.prompt for a in entry.content.answers] == [p.text for p in same_day.prompts]
    assert entry.content.answers[0].text == "Heavy arms, warm hands."
    assert entry.content.after_effects == ["nausea", "dizziness"]
    assert entry.content.tags == ["body", "rest"]
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    for text in ("First evening", "Heavy arms, warm hands.", "Nausea faded by 8pm", "Dizziness", "-2", "rest"):
        assert text in shown


def test_every_prompt_is_optional(client, app, patient, journal):
    session_id = journal.session(patient.id)
    url = f"/entries/new?session={session_id}&set=next_day"
    response = client.post_form(
        url,
        {**editor_fields(client.get(url, follow_redirects=True).get_data(as_text=True)), "session_id": str(session_id)},
    )
    assert response.status_code == 302
    assert entry_count(app) == 1


def test_the_entry_keeps_its_prompt_snapshot_when_the_library_changes(client, app, patient, journal, monkeypatch):
    session_id = journal.session(patient.id)
    url = f"/entries/new?session={session_id}&set=same_day"
    client.post_form(
        url,
        {
            **editor_fields(client.get(url, follow_redirects=True).get_data(as_text=True)),
            "answer_0": "my answer",
            "session_id": str(session_id),
        },
    )
    entry_id = only_entry(app).id
    original = library().get_set("same_day").prompts[0].text
    changed = replace(
        library(),
        version=library().version + 1,
        sets=tuple(
            replace(s, prompts=tuple(replace(p, text="REWORDED " + p.text) for p in s.prompts)) for s in library().sets
        ),
    )
    monkeypatch.setattr("journal.entries.views.library", lambda: changed)
    monkeypatch.setattr("journal.entries.editor.library", lambda: changed)
    page = client.get(f"/entries/{entry_id}").get_data(as_text=True)
    assert original.replace("'", "&#39;") in page and "REWORDED" not in page
    assert "REWORDED" not in client.get(f"/entries/{entry_id}/edit").get_data(as_text=True)


def test_write_freely_with_or_without_a_session(client, app, patient, journal):
    session_id = journal.session(patient.id)
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    assert "Write freely" in page and "Not tied to a session" in page
    data = {**editor_fields(page), "answer_0": "Just writing.\n\nTwo paragraphs.", "session_id": str(session_id)}
    assert client.post_form("/entries/new", data).status_code == 302
    entry = only_entry(app)
    assert (entry.row.kind, entry.row.session_id, entry.row.prompt_set) == (EntryKind.FREE, session_id, None)
    assert entry.content.answers[0].text == "Just writing.\n\nTwo paragraphs."


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"answer_0": "x" * 100_001}, "longer than 100,000 characters"),
        ({"title": "t" * 201}, "longer than 200 characters"),
        ({"mood": "6"}, "Not a valid choice"),
        ({"intensity": "-1"}, "Not a valid choice"),
        ({"after_effects": ["none", "nausea"]}, "None of these"),
        ({"after_effects": ["hallucinations"]}, "not a valid choice"),
        ({"tags": ",".join(f"t{n}" for n in range(21))}, "at most 20 tags"),
        ({"tags": "y" * 41}, "at most 40 characters"),
        ({"session_id": str(uuid.uuid4())}, "Not a valid choice"),
    ],
)
def test_bad_input_is_explained_keeps_the_text_and_saves_nothing(client, app, patient, fields, message):
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    data = {**editor_fields(page), "answer_0": "words I must not lose", **fields}
    response = client.post_form("/entries/new", data)
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message.lower() in body.lower()
    if "answer_0" not in fields:
        assert "words I must not lose" in body
    assert entry_count(app) == 0


def test_an_answer_of_100000_characters_is_saved_whole(client, app, patient):
    text = ("🌊 Ωmega " * 12_500)[:100_000]
    data = {**editor_fields(client.get("/entries/new", follow_redirects=True).get_data(as_text=True)), "answer_0": text}
    assert client.post_form("/entries/new", data, content_type="multipart/form-data").status_code == 302
    assert only_entry(app).content.answers[0].text == text


def test_control_characters_are_removed_and_line_breaks_kept(client, app, patient):
    data = {
        **editor_fields(client.get("/entries/new", follow_redirects=True).get_data(as_text=True)),
        "title": "A\x00 title\x1b",
        "answer_0": "one\r\ntwo\x07\tthree\u200b",
    }
    client.post_form("/entries/new", data)
    content = only_entry(app).content
    assert content.title == "A title"
    assert content.answers[0].text == "one\ntwo\tthree\u200b"


def test_user_text_is_escaped(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "<script>alert(1)</script>", title="<b>bold</b>")
    page = client.get(f"/entries/{entry_id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<b>bold</b>" not in page


def test_unknown_set_or_session_is_not_found(client, patient, journal):
    session_id = journal.session(patient.id)
    assert client.get(f"/entries/new?session={session_id}&set=next_year", follow_redirects=True).status_code == 404
    assert client.get(f"/entries/new?session={uuid.uuid4()}&set=same_day", follow_redirects=True).status_code == 404
    assert client.get("/entries/new?session=bogus&set=same_day", follow_redirects=True).status_code == 404
    assert client.get("/entries/new?set=same_day", follow_redirects=True).status_code == 404
    assert client.get(f"/entries/{uuid.uuid4()}").status_code == 404


def test_edit_saves_a_new_version(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "before")
    page = client.get(f"/entries/{entry_id}/edit").get_data(as_text=True)
    assert "before" in page
    fields = editor_fields(page)
    assert fields["version"] == "1"
    response = client.post_form(f"/entries/{entry_id}/edit", {**fields, "answer_0": "after"})
    assert response.status_code == 302
    entry = only_entry(app)
    assert entry.content.answers[0].text == "after" and entry.row.version == 2


def _two_tabs(client, entry_id):
    first = editor_fields(client.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
    second = editor_fields(client.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
    data = {**first, "title": "Morning", "answer_0": "text from tab one"}
    assert client.post_form(f"/entries/{entry_id}/edit", data).status_code == 302
    return {**second, "title": "Morning"}


def test_a_stale_save_shows_both_versions_and_overwrites_nothing(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "original")
    second = _two_tabs(client, entry_id)
    response = client.post_form(f"/entries/{entry_id}/edit", {**second, "answer_0": "text from tab two"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "text from tab one" in page and "text from tab two" in page
    assert "Keep my version" in page and "Keep both" in page and "Keep the saved version" in page
    assert only_entry(app).content.answers[0].text == "text from tab one"
    assert "text from tab two" in client.get("/drafts").get_data(as_text=True)  # kept as a draft meanwhile


def _resolve(client, entry_id, second, choice):
    conflict = client.post_form(f"/entries/{entry_id}/edit", {**second, "answer_0": "text from tab two"})
    carried = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', conflict.get_data(as_text=True)))
    carried.pop("csrf_token", None)
    assert carried["answer_0"] == "text from tab two" and carried["version"] == "2"
    return client.post_form(f"/entries/{entry_id}/edit", {**carried, "resolution": choice})


def test_conflict_keep_mine(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "original")
    response = _resolve(client, entry_id, _two_tabs(client, entry_id), "mine")
    assert response.status_code == 302
    assert only_entry(app).content.answers[0].text == "text from tab two"
    assert "text from tab two" not in client.get("/drafts").get_data(as_text=True)


def test_conflict_keep_both(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "original", title="Morning")
    _resolve(client, entry_id, _two_tabs(client, entry_id), "both")
    with app.app_context():
        entries = {
            open_entry(e).content.title: open_entry(e).content.answers[0].text
            for e in db.session.scalars(select(Entry))
        }
    assert entries == {"Morning": "text from tab one", "Morning (second version)": "text from tab two"}


def test_conflict_keep_saved(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "original")
    _resolve(client, entry_id, _two_tabs(client, entry_id), "theirs")
    assert only_entry(app).content.answers[0].text == "text from tab one"
    assert "text from tab two" not in client.get("/drafts").get_data(as_text=True)


def test_a_forged_version_cannot_skip_the_check(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "original")
    second = _two_tabs(client, entry_id)
    for version in ("abc", "", "99"):
        response = client.post_form(f"/entries/{entry_id}/edit", {**second, "version": version, "answer_0": "x"})
        assert response.status_code == 409
    assert only_entry(app).content.answers[0].text == "text from tab one"


def test_trash_restore_and_purge(client, app, patient, journal, clock):
    entry_id = journal.entry(patient.id, "keep me safe", title="Trashable")
    assert "Move this entry to the trash?" in client.get(f"/entries/{entry_id}/delete").get_data(as_text=True)
    assert entry_count(app, trashed=True) == 0
    client.post_form(f"/entries/{entry_id}/delete")
    assert entry_count(app, trashed=True) == 1
    assert client.get(f"/entries/{entry_id}").status_code == 404
    assert "Trashable" not in client.get("/entries").get_data(as_text=True)
    assert "Trashable" in client.get("/trash").get_data(as_text=True)

    client.post_form(f"/trash/{entry_id}/restore")
    assert client.get(f"/entries/{entry_id}").status_code == 200

    client.post_form(f"/entries/{entry_id}/delete")
    clock(datetime.now(UTC) + timedelta(days=29))
    client.get("/trash")
    assert entry_count(app) == 1
    clock(datetime.now(UTC) + timedelta(days=31))
    client.get("/trash")
    assert entry_count(app) == 0


def test_delete_for_good_from_the_trash_asks_first(client, app, patient, journal):
    entry_id = journal.entry(patient.id)
    assert client.post_form(f"/trash/{entry_id}/delete").status_code == 404  # not in the trash yet
    client.post_form(f"/entries/{entry_id}/delete")
    assert "cannot be undone" in client.get(f"/trash/{entry_id}/delete").get_data(as_text=True)
    assert entry_count(app) == 1
    client.post_form(f"/trash/{entry_id}/delete")
    assert entry_count(app) == 0


def test_purge_trash_command(app, runner, make_user, journal, clock):
    user = make_user()
    entry_id = journal.entry(user.id)
    with app.app_context():
        db.session.get(Entry, entry_id).deleted_at = datetime.now(UTC) - timedelta(days=31)
        db.session.commit()
    result = runner.invoke(args=["purge-trash"])
    assert "Deleted 1 entries" in result.output
    assert entry_count(app) == 0


def test_saving_an_entry_trashed_in_another_tab_keeps_the_text_as_a_draft(client, app, patient, journal):
    entry_id = journal.entry(patient.id, "original")
    fields = editor_fields(client.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
    client.post_form(f"/entries/{entry_id}/delete")
    response = client.post_form(f"/entries/{entry_id}/edit", {**fields, "answer_0": "written meanwhile"})
    assert response.status_code == 302
    assert "written meanwhile" in (
        client.get(client.get(response.headers["Location"]).headers["Location"], follow_redirects=True).get_data(
            as_text=True
        )
    )


def test_saving_a_guided_entry_after_its_session_was_deleted_saves_it_untied(client, app, patient, journal):
    session_id = journal.session(patient.id)
    url = f"/entries/new?session={session_id}&set=same_day"
    fields = editor_fields(client.get(url, follow_redirects=True).get_data(as_text=True))
    client.post_form(f"/sessions/{session_id}/delete")
    response = client.post_form(url, {**fields, "session_id": str(session_id), "answer_0": "still here"})
    assert response.status_code == 302
    entry = only_entry(app)
    assert entry.row.session_id is None and entry.row.prompt_set == "same_day"
    assert entry.content.answers[0].text == "still here"


def test_a_used_up_draft_in_the_address_does_not_lose_a_save(client, app, patient):
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    fields = editor_fields(page)
    client.post(
        f"/drafts/{fields['draft_id']}/autosave",
        data={**fields, "answer_0": "v1"},
        headers={"X-CSRFToken": client.csrf_token(), "Accept": "application/json"},
    )
    url = f"/entries/new?draft={fields['draft_id']}"
    assert client.post_form(url, {**fields, "answer_0": "first tab"}).status_code == 302
    assert client.post_form(url, {**fields, "answer_0": "second tab"}).status_code == 302
    assert entry_count(app) == 2


def test_conflict_never_overwrites_another_entrys_draft(client, app, patient, journal):
    first, second = journal.entry(patient.id, "one"), journal.entry(patient.id, "two")
    page = client.get(f"/entries/{first}/edit").get_data(as_text=True)
    other = editor_fields(page)
    client.post(
        f"/drafts/{other['draft_id']}/autosave",
        data={**other, "answer_0": "draft of the first entry"},
        headers={"X-CSRFToken": client.csrf_token(), "Accept": "application/json"},
    )
    stale = {
        **editor_fields(client.get(f"/entries/{second}/edit").get_data(as_text=True)),
        "version": "0",
        "draft_id": other["draft_id"],
        "answer_0": "stale text",
    }
    assert client.post_form(f"/entries/{second}/edit", stale).status_code == 409
    drafts = client.get("/drafts").get_data(as_text=True)
    assert "draft of the first entry" in drafts and "stale text" in drafts


@pytest.mark.parametrize("version", ["²", "１", "99999999999999999999"])
def test_odd_version_numbers_are_a_conflict_not_a_crash(client, app, patient, journal, version):
    entry_id = journal.entry(patient.id, "original")
    fields = editor_fields(client.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
    assert (
        client.post_form(f"/entries/{entry_id}/edit", {**fields, "version": version, "answer_0": "x"}).status_code
        == 409
    )


def test_bidi_overrides_are_removed_and_scripts_kept(client, app, patient):
    data = {
        **editor_fields(client.get("/entries/new", follow_redirects=True).get_data(as_text=True)),
        "answer_0": "abc\u202edcba\u2066x\u2069 \u200dשלום\u200f\u2028next",
    }
    client.post_form("/entries/new", data)
    assert only_entry(app).content.answers[0].text == "abcdcbax \u200dשלום\u200f\nnext"


def test_restore_refuses_an_entry_past_its_30_days(client, app, patient, journal, clock):
    entry_id = journal.entry(patient.id)
    client.post_form(f"/entries/{entry_id}/delete")
    clock(datetime.now(UTC) + timedelta(days=31))
    assert client.post_form(f"/trash/{entry_id}/restore").status_code == 404
    assert client.get(f"/trash/{entry_id}/delete").status_code == 404


def test_text_areas_have_no_maxlength_that_would_cut_a_paste(client, patient):
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    textareas = re.findall(r"<textarea[^>]*>", page)
    assert textareas and not any("maxlength" in tag for tag in textareas)


def test_an_entry_and_its_automatic_shares_are_saved_together_or_not_at_all(app, client, patient, monkeypatch):
    """One transaction: a failure while sharing leaves no entry behind that the therapist should have had."""
    import pytest
    from sqlalchemy import func, select

    from journal.entries import views
    from journal.extensions import db
    from journal.models import Entry
    from journal.sharing.services import share_automatically
    from tests.entries.test_rescue import editor

    def failing(entry):
        share_automatically(entry)
        raise RuntimeError("the database went away while sharing")

    monkeypatch.setattr(views, "share_automatically", failing)
    with pytest.raises(RuntimeError):
        client.post_form("/entries/new", {**editor(client), "answer_0": "a quiet morning"})
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Entry)) == 0


def test_edited_shows_only_after_a_save_that_changed_something(client, app, patient, journal, clock):
    clock(datetime(2026, 11, 3, 10, tzinfo=UTC))
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    assert client.post_form("/entries/new", {**editor_fields(page), "answer_0": "first words"}).status_code == 302
    entry_id = only_entry(app).id
    assert "edited" not in client.get(f"/entries/{entry_id}").get_data(as_text=True)
    clock(datetime(2026, 11, 3, 11, tzinfo=UTC))
    url = f"/entries/{entry_id}/edit"
    unchanged = {
        **editor_fields(client.get(url).get_data(as_text=True)),
        "answer_0": "first words",
        "written_on": "2026-11-03",
    }
    assert client.post_form(url, unchanged).status_code == 302
    assert "edited" not in client.get(f"/entries/{entry_id}").get_data(as_text=True)
    changed = {
        **editor_fields(client.get(url).get_data(as_text=True)),
        "answer_0": "second words",
        "written_on": "2026-11-03",
    }
    assert client.post_form(url, changed).status_code == 302
    assert "edited 3 November 2026, 12:00" in client.get(f"/entries/{entry_id}").get_data(as_text=True)


def test_an_entry_can_be_dated_to_an_earlier_day(client, app, patient, clock):
    clock(datetime(2026, 11, 3, 19, 30, tzinfo=UTC))  # 20:30 in Berlin
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    fields = {**editor_fields(page), "answer_0": "about yesterday", "written_on": "2026-11-02"}
    assert client.post_form("/entries/new", fields).status_code == 302
    entry = only_entry(app)
    assert entry.row.created_at == datetime(2026, 11, 2, 19, 30, tzinfo=UTC)  # that day, at this time of day
    assert "edited" not in client.get(f"/entries/{entry.id}").get_data(as_text=True)
    url = f"/entries/{entry.id}/edit"
    edit_page = client.get(url).get_data(as_text=True)
    assert 'value="2026-11-02"' in edit_page
    moved = {**editor_fields(edit_page), "answer_0": "about yesterday", "written_on": "2026-10-30"}
    assert client.post_form(url, moved).status_code == 302
    assert only_entry(app).row.created_at == datetime(2026, 10, 30, 19, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "day, message",
    [
        ("2026-11-04", "still to come"),
        ("2025-11-02", "within the last year"),
        ("02/31/2026", "Please enter a date"),
    ],
)
def test_a_day_out_of_bounds_is_refused_and_loses_nothing(client, app, patient, clock, day, message):
    clock(datetime(2026, 11, 3, 12, tzinfo=UTC))
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    response = client.post_form("/entries/new", {**editor_fields(page), "answer_0": "keep me", "written_on": day})
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body and "keep me" in body
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Entry)) == 0


def test_an_entry_older_than_a_year_can_still_be_edited(client, app, patient, journal, clock):
    entry_id = journal.entry(patient.id, "long ago", created_at=datetime(2024, 3, 1, 9, tzinfo=UTC))
    clock(datetime(2026, 11, 3, 12, tzinfo=UTC))
    url = f"/entries/{entry_id}/edit"
    page = client.get(url).get_data(as_text=True)
    assert 'value="2024-03-01"' in page
    fields = {**editor_fields(page), "answer_0": "long ago, and now", "written_on": "2024-03-01"}
    assert client.post_form(url, fields).status_code == 302
    assert only_entry(app).content.answers[0].text == "long ago, and now"


def test_a_save_that_changes_nothing_leaves_the_therapists_review_alone(
    client, app, patient, journal, make_user, sharing
):
    from journal.models import EntryShare, Role

    therapist = make_user(Role.THERAPIST, email="t@example.org")
    sharing.connect(patient.id, therapist.id)
    entry_id = journal.entry(patient.id, "same words")
    sharing.share(entry_id, therapist.id)
    from tests.conftest import login_client

    assert login_client(app, "t@example.org").post_form(f"/therapist/entries/{entry_id}/review").status_code == 302

    def reviewed():
        with app.app_context():
            return db.session.scalar(select(EntryShare.reviewed_at).where(EntryShare.entry_id == entry_id))

    url = f"/entries/{entry_id}/edit"
    fields = editor_fields(client.get(url).get_data(as_text=True))
    assert client.post_form(url, {**fields, "title": "Morning", "answer_0": "same words"}).status_code == 302
    assert reviewed() is not None
    fields = editor_fields(client.get(url).get_data(as_text=True))
    assert client.post_form(url, {**fields, "title": "Morning", "answer_0": "new words"}).status_code == 302
    assert reviewed() is None  # new again for the therapist
