"""Import: our own export round-trips, Day One's JSON export comes in, and a bad file changes nothing."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from journal.extensions import db
from journal.models import Entry, TreatmentSession, User
from tests.conftest import login_client
from tests.export.test_archive import START, download, rich_journal


def content_of(app, email: str) -> list[tuple]:
    """Everything a person wrote, comparable across accounts (no ids)."""
    from journal.entries.services import open_entry
    from journal.sessions.services import open_session

    with app.app_context():
        owner = db.session.scalar(select(User.id).where(User.email == email))
        sessions = {
            s.id: (s.occurred_at, s.medicine, open_session(s).details)
            for s in db.session.scalars(select(TreatmentSession).where(TreatmentSession.owner_id == owner))
        }
        rows = db.session.scalars(select(Entry).where(Entry.owner_id == owner).order_by(Entry.created_at))
        return [
            (
                row.created_at,
                row.kind,
                row.prompt_set,
                row.mood,
                row.intensity,
                row.detachment,
                row.deleted_at is not None,
                sessions.get(row.session_id),
                open_entry(row).content,
            )
            for row in rows
        ]


def upload(client, data: bytes, name: str = "journal.zip"):
    return client.post_form("/settings/import", {"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def flash_of(client) -> str:
    """The settings page, with the message the last action left (shown once)."""
    return client.get("/settings").get_data(as_text=True)


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def count_entries(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Entry))


def test_an_export_imported_into_a_fresh_account_gives_identical_content(
    app, client, patient, make_user, journal, sharing
):
    rich_journal(app, patient, make_user, journal, sharing)
    for day in range(3):
        journal.entry(patient.id, f"free writing {day}", title=f"Day {day}", created_at=START + timedelta(days=3 + day))
    exported = download(client).fp.getvalue()
    make_user(email="new@example.org")
    fresh = login_client(app, "new@example.org")
    assert upload(fresh, exported).status_code == 302
    assert "Imported 5 entries and 1 session from Integration Journal." in flash_of(fresh)
    assert content_of(app, "new@example.org") == content_of(app, "pat@example.org")
    # the search index and tag menu know the imported entries
    found = fresh.post_form("/entries", {"q": "river", "page": "1"}, follow_redirects=True).get_data(as_text=True)
    assert "By the river" in found and '<option value="calm">' in found


def test_importing_twice_adds_nothing_and_never_overwrites(app, client, patient, make_user, journal):
    journal.entry(patient.id, "first words", title="First", created_at=START)
    exported = download(client).fp.getvalue()
    make_user(email="new@example.org")
    fresh = login_client(app, "new@example.org")
    upload(fresh, exported)
    before = content_of(app, "new@example.org")
    assert upload(fresh, exported).status_code == 302
    page = flash_of(fresh)
    assert "Imported 0 entries" in page and "<li>1 entry: already in your journal, left as it was</li>" in page
    assert content_of(app, "new@example.org") == before


def test_journal_json_alone_can_be_imported(app, client, patient, make_user, journal):
    journal.entry(patient.id, "first words", created_at=START)
    document = download(client).read("journal.json")
    make_user(email="new@example.org")
    fresh = login_client(app, "new@example.org")
    upload(fresh, document, "journal.json")
    assert content_of(app, "new@example.org") == content_of(app, "pat@example.org")


DAY_ONE = {
    "metadata": {"version": "1.0"},
    "entries": [
        {
            "uuid": "5B6D1F0C2E4A4B1C9D8E7F6A5B4C3D2E",
            "creationDate": "2024-03-10T18:45:00Z",
            "timeZone": "Europe/Lisbon",
            "text": "# The ferry\nWind on the water, and for once I let it be.",
            "tags": ["sea", "calm"],
            "starred": True,
            "photos": [{"md5": "abc", "type": "jpeg"}],
        },
        {
            "uuid": "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
            "creationDate": "2024-03-11T07:05:00Z",
            "timeZone": "Europe/Lisbon",
            "text": "Slept badly. Tired but not sad.",
            "tags": [],
            "starred": False,
        },
    ],
}


def test_a_day_one_export_comes_in_with_dates_tags_and_starred(app, client, patient):
    data = zipped({"Journal.json": json.dumps(DAY_ONE).encode(), "photos/abc.jpeg": b"\xff\xd8 not really"})
    assert upload(client, data, "Export.zip").status_code == 302
    page = flash_of(client)
    assert "Imported 2 entries from Day One." in page and "<li>1 photo: not a picture this app keeps</li>" in page
    (ferry, slept) = content_of(app, "pat@example.org")
    assert ferry[0] == datetime(2024, 3, 10, 18, 45, tzinfo=UTC)
    assert ferry[-1].title == "The ferry"
    assert ferry[-1].answers[0].text == "Wind on the water, and for once I let it be."
    assert ferry[-1].tags == ["sea", "calm", "starred"] and ferry[-1].time_zone == "Europe/Lisbon"
    # Day One shows the first line as the title, heading or not
    assert slept[-1].title == "Slept badly. Tired but not sad." and slept[-1].answers[0].text == ""
    upload(client, data, "Export.zip")
    assert count_entries(app) == 2  # idempotent


def bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("journal.json", b"{" + b" " * (30 * 1024 * 1024) + b"}")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("notes.txt", b"just some words", "not a zip or a JSON file"),
        ("journal.zip", b"PK\x03\x04 broken", "not a zip or a JSON file"),
        ("journal.json", b"{not json", "is not valid JSON"),
        (
            "journal.json",
            json.dumps({"format": "integration-journal-export", "version": 7}).encode(),
            "this app reads version 1",
        ),
        (
            "journal.json",
            json.dumps({"format": "integration-journal-export", "version": 1, "entries": []}).encode(),
            "does not follow its format",
        ),
        ("journal.json", json.dumps({"hello": "world"}).encode(), "neither an Integration Journal export nor"),
        ("journal.zip", bomb(), "unpacks to far more than it holds"),
        ("journal.zip", zipped({"a.json": b"{}", "b.json": b"{}"}), "should hold one journal"),
        (
            "Journal.json",
            json.dumps({"metadata": {}, "entries": [{"creationDate": "2024-02-30T10:00:00Z", "text": "x"}]}).encode(),
            "is not a date and time",
        ),
        (
            "Journal.json",
            json.dumps(
                {"metadata": {}, "entries": [{"creationDate": "2024-02-03T10:00:00Z", "text": "x", "tags": "sea"}]}
            ).encode(),
            "tags should be a list",
        ),
    ],
)
def test_a_file_that_cannot_be_used_is_explained_and_changes_nothing(app, client, patient, name, data, message):
    response = upload(client, data, name)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Nothing was imported." in page and message in page.replace("&#39;", "'")
    assert count_entries(app) == 0


def test_one_bad_entry_in_the_middle_imports_nothing(app, client, patient, make_user, journal):
    for day in range(3):
        journal.entry(patient.id, f"day {day}", created_at=START + timedelta(days=day))
    document = json.loads(download(client).read("journal.json"))
    document["entries"][1]["answers"][0]["text"] = "x" * 100_001
    make_user(email="new@example.org")
    fresh = login_client(app, "new@example.org")
    refused = upload(fresh, json.dumps(document).encode(), "journal.json")
    assert refused.status_code == 400
    assert "Entry 2: a text is longer than 100,000 characters." in refused.get_data(as_text=True)
    assert content_of(app, "new@example.org") == []


def test_import_on_the_command_line(app, runner, make_user, tmp_path):
    make_user(email="p@example.org")
    source = tmp_path / "Export.zip"
    source.write_bytes(zipped({"Journal.json": json.dumps(DAY_ONE).encode()}))
    result = runner.invoke(args=["import-data", "p@example.org", str(source)])
    assert (
        result.exit_code == 0
        and "Imported 2 entries from Day One. Left out: 1 photo (not in the zip)." in result.output
    )
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    result = runner.invoke(args=["import-data", "p@example.org", str(bad)])
    assert result.exit_code != 0 and "Nothing was imported." in result.output


def test_only_patients_import(app, make_user):
    from journal.models import Role

    make_user(Role.THERAPIST, email="t@example.org")
    therapist = login_client(app, "t@example.org")
    assert upload(therapist, b"{}", "journal.json").status_code in (302, 404)
    assert count_entries(app) == 0


def test_a_day_one_entry_shows_where_it_was_written_and_an_edit_keeps_it(app, client, patient):
    from tests.entries.test_rescue import editor

    upload(client, zipped({"Journal.json": json.dumps(DAY_ONE).encode()}), "Export.zip")
    with app.app_context():
        ferry = db.session.scalar(select(Entry.id).order_by(Entry.created_at))
    page = client.get(f"/entries/{ferry}").get_data(as_text=True)
    assert "10 March 2024, 19:45" in page  # in the patient's zone (Berlin)
    assert "written at 18:45 in Europe/Lisbon" in page  # and where it was written
    fields = {**editor(client, f"/entries/{ferry}/edit"), "answer_0": "Wind on the water.", "title": "The ferry"}
    assert client.post_form(f"/entries/{ferry}/edit", fields).status_code == 302
    assert "written at 18:45 in Europe/Lisbon" in client.get(f"/entries/{ferry}").get_data(as_text=True)


def test_an_impossible_date_or_an_over_long_prompt_set_in_our_format_is_refused(app, client, patient, journal):
    journal.entry(patient.id, "first words", created_at=START)
    document = json.loads(download(client).read("journal.json"))
    for change, message in (
        (("created_at", "2024-02-30T10:00:00Z"), "is not a date and time"),
        (("prompt_set", "x" * 40), "does not follow its format"),
    ):
        broken = json.loads(json.dumps(document))
        broken["entries"][0][change[0]] = change[1]
        page = upload(client, json.dumps(broken).encode(), "journal.json").get_data(as_text=True)
        assert "Nothing was imported." in page and message in page


def test_questionnaires_travel_in_the_export_and_are_rescored_on_import(app, client, patient, make_user):
    from journal.measures.services import open_response
    from journal.models import MeasureResponse

    client.post_form("/measures/gad-7/new", {f"item{n}": "2" for n in range(1, 8)})
    exported = download(client).read("journal.json")
    document = json.loads(exported)
    assert [(q["instrument"], q["total"], q["answers"]) for q in document["questionnaires"]] == [("gad-7", 14, [2] * 7)]
    document["questionnaires"][0]["total"] = 0  # a total is never taken on trust
    make_user(email="new@example.org")
    fresh = login_client(app, "new@example.org")
    upload(fresh, json.dumps(document).encode(), "journal.json")
    upload(fresh, json.dumps(document).encode(), "journal.json")  # and never twice
    with app.app_context():
        owner = db.session.scalar(select(User.id).where(User.email == "new@example.org"))
        (row,) = db.session.scalars(select(MeasureResponse).where(MeasureResponse.owner_id == owner))
        assert row.total == 14 and open_response(row).answers == [2] * 7


def test_the_safety_plan_travels_in_the_export_and_never_replaces_one(app, client, patient, make_user):
    from journal.safety.plan import plan_of, read

    client.post_form("/safety-plan", {"version": "0", "helpers": "My sister Ana", "reasons": "The sea in June"})
    document = json.loads(download(client).read("journal.json"))
    assert document["safety_plan"]["sections"]["helpers"] == "My sister Ana"
    make_user(email="new@example.org")
    fresh = login_client(app, "new@example.org")
    upload(fresh, json.dumps(document).encode(), "journal.json")
    with app.app_context():
        owner = db.session.scalar(select(User.id).where(User.email == "new@example.org"))
        assert read(plan_of(owner))["reasons"] == "The sea in June"
    fresh.post_form("/safety-plan", {"version": "1", "helpers": "My own words now"})
    upload(fresh, json.dumps(document).encode(), "journal.json")  # a plan is one whole: never merged or replaced
    assert "<li>the safety plan: you have your own, and a plan is one whole, never merged or replaced</li>" in flash_of(
        fresh
    )
    with app.app_context():
        kept = read(plan_of(owner))
        assert kept["helpers"] == "My own words now" and kept["reasons"] == ""


def test_an_export_without_a_safety_plan_still_imports(app, client, patient, make_user):
    document = json.loads(download(client).read("journal.json"))
    assert document["safety_plan"] is None
    del document["safety_plan"]  # as exports made before it
    make_user(email="new@example.org")
    fresh = login_client(app, "new@example.org")
    upload(fresh, json.dumps(document).encode(), "journal.json")
    assert "Imported 0 entries" in flash_of(fresh)


def test_an_entry_marked_to_discuss_keeps_its_mark_through_export_and_import(app, client, patient, make_user, journal):
    entry_id = journal.entry(patient.id, "to bring up")
    client.post_form(f"/entries/{entry_id}/discuss", {"to_discuss": "y"})
    document = json.loads(download(client).read("journal.json"))
    assert [e["to_discuss"] for e in document["entries"]] == [True]
    make_user(email="new@example.org")
    upload(login_client(app, "new@example.org"), json.dumps(document).encode(), "journal.json")
    with app.app_context():
        owner = db.session.scalar(select(User.id).where(User.email == "new@example.org"))
        assert db.session.scalar(select(Entry.to_discuss).where(Entry.owner_id == owner)) is True


def test_the_summary_says_what_was_left_out_and_why(app, client, patient):
    data = zipped({"Journal.json": json.dumps(DAY_ONE).encode(), "photos/abc.jpeg": b"\xff\xd8 not really"})
    upload(client, data, "Export.zip")
    page = flash_of(client)
    assert "Imported 2 entries from Day One." in page
    assert "Left out, and why:" in page and "<li>1 photo: not a picture this app keeps</li>" in page
