"""Export everything: one zip with journal.json (valid against the schema in the repo), Markdown and the PDF."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
from sqlalchemy import select

from journal.audit import Event
from journal.extensions import db
from journal.models import AuditEvent, EntryKind, Medicine, Role, Setting
from tests.conftest import PASSWORD, login_client

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "journal/data/journal-export.schema.json").read_text())
START = datetime(2026, 5, 1, 9, tzinfo=UTC)


def rich_journal(app, patient, make_user, journal, sharing) -> dict:
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    sharing.connect(patient.id, therapist.id)
    session_id = journal.session(
        patient.id,
        occurred_at=START,
        intention="to meet my fear kindly",
        medicine=Medicine.OTHER,
        medicine_other="Ibogaine",
    )
    shared = journal.entry(
        patient.id,
        "the river carried the stone",
        title="By the river",
        tags=["river", "calm"],
        session_id=session_id,
        prompt_set="same_day",
        created_at=START,
        mood=2,
    )
    sharing.share(shared, therapist.id)
    with app.app_context():
        from journal.models import Entry, User
        from journal.sharing.services import add_reply

        therapist_row = db.session.get(User, therapist.id)
        add_reply(db.session.get(Entry, shared), therapist.id, therapist_row, "Thank you for this.")
        from journal.entries.services import trash_entry

        trashed = journal.entry(patient.id, "something I took back", title="Gone", created_at=START + timedelta(days=1))
        trash_entry(db.session.get(Entry, trashed))
    return {"shared": str(shared), "trashed": str(trashed), "session": str(session_id)}


def download(client) -> zipfile.ZipFile:
    response = client.post_form("/settings/export")
    assert response.status_code == 200, response.status_code
    assert response.headers["Content-Type"] == "application/zip"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=integration-journal-")
    assert response.headers["Cache-Control"] == "no-store"
    return zipfile.ZipFile(io.BytesIO(response.get_data()))


def test_everything_is_in_the_zip_and_journal_json_follows_the_schema(
    app, client, patient, make_user, journal, sharing
):
    ids = rich_journal(app, patient, make_user, journal, sharing)
    archive = download(client)
    names = archive.namelist()
    assert {"journal.json", "journal.pdf", "README.txt"} <= set(names)
    data = json.loads(archive.read("journal.json"))
    jsonschema.validate(data, SCHEMA)
    entries = {e["id"]: e for e in data["entries"]}
    shared = entries[ids["shared"]]
    assert shared["answers"][0]["text"] == "the river carried the stone" and shared["tags"] == ["river", "calm"]
    assert shared["checkin"]["mood"] == 2 and shared["session_id"] == ids["session"]
    assert shared["shared_with"][0]["therapist"] == "Dr. Ruiz"
    assert shared["replies"] == [
        {
            "author": "Dr. Ruiz",
            "from_therapist": True,
            "created_at": shared["replies"][0]["created_at"],
            "text": "Thank you for this.",
        }
    ]
    assert entries[ids["trashed"]]["trashed_at"] is not None
    (session,) = data["sessions"]
    assert session["medicine_other"] == "Ibogaine" and session["intention"] == "to meet my fear kindly"
    assert data["connections"][0]["therapist"] == "Dr. Ruiz" and data["account"]["email"] == "pat@example.org"
    (name,) = [n for n in names if n.startswith("entries/2026-05-01-")]
    assert name == f"entries/2026-05-01-{ids['shared'][:8]}.md"  # no title in a file name
    markdown = archive.read(name).decode()
    assert "# By the river" in markdown and "the river carried the stone" in markdown
    assert "> **Dr. Ruiz**" in markdown and "Tags: river, calm" in markdown
    assert archive.read("journal.pdf").startswith(b"%PDF")


def test_the_export_is_audited_and_leaves_no_file_behind(app, client, patient, journal, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # this test's own temporary folder: other workers'
    journal.entry(patient.id)  # exports cannot come and go in it
    download(client)
    assert list(tmp_path.glob("journal-export-*")) == []  # the unencrypted zip is gone
    with app.app_context():
        (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.event == Event.DATA_EXPORTED.value))
        assert event.subject_id == patient.id and event.detail == "settings"


def test_an_export_needs_a_fresh_login(app, patient, journal, clock):
    clock(START)
    client = login_client(app, "pat@example.org")
    clock(START + timedelta(minutes=16))
    response = client.post_form("/settings/export")
    assert response.status_code == 302 and response.headers["Location"].startswith("/reauth")


def test_after_confirming_the_password_the_export_is_one_press_away(app, patient, journal, clock):
    clock(START)
    client = login_client(app, "pat@example.org")
    clock(START + timedelta(minutes=16))
    asked = client.post_form("/settings/export")
    reauth = client.post_form(asked.headers["Location"], {"password": PASSWORD})
    assert reauth.headers["Location"] == "/settings?resume=export#export-heading"
    page = client.get(reauth.headers["Location"]).get_data(as_text=True)
    assert "Press Export everything to download your journal." in page
    assert 'class="button button-quiet" autofocus>Export everything</button>' in page
    assert client.post_form("/settings/export").mimetype == "application/zip"


def test_only_patients_export(app, make_user):
    make_user(Role.THERAPIST, email="t@example.org")
    assert login_client(app, "t@example.org").post_form("/settings/export").status_code in (302, 404)
    anonymous = app.test_client()
    response = anonymous.post_form("/settings/export")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_entries_are_written_in_batches_not_held_together(app, client, patient, journal, monkeypatch):
    from journal.export import archive

    for day in range(23):
        journal.entry(patient.id, f"day {day}", created_at=START + timedelta(days=day))
    held = []
    markdown = archive.markdown
    monkeypatch.setattr(archive, "BATCH", 5)
    monkeypatch.setattr(
        archive, "markdown", lambda entry, *rest: held.append(len(db.session.identity_map)) or markdown(entry, *rest)
    )
    download(client)
    assert len(held) == 23 and max(held) < 15, held  # 5 entries and a few fixed objects at a time


def test_the_schema_names_what_the_models_allow():
    entry = SCHEMA["properties"]["entries"]["items"]["properties"]
    session = SCHEMA["properties"]["sessions"]["items"]["properties"]
    assert set(entry["kind"]["enum"]) == {k.value for k in EntryKind}
    assert set(session["medicine"]["enum"]) == {m.value for m in Medicine}
    assert set(session["setting"]["enum"]) == {s.value for s in Setting}


def test_export_data_on_the_command_line(app, runner, make_user, journal, tmp_path):
    patient = make_user(email="p@example.org")
    journal.entry(patient.id, "a quiet morning")
    out = tmp_path / "mine.zip"
    result = runner.invoke(args=["export-data", "p@example.org", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(zipfile.ZipFile(out).read("journal.json"))
    jsonschema.validate(data, SCHEMA)
    assert data["entries"][0]["answers"][0]["text"] == "a quiet morning"
    again = runner.invoke(args=["export-data", "p@example.org", "--out", str(out)])
    assert again.exit_code != 0 and "already exists" in again.output
    nobody = runner.invoke(args=["export-data", "nobody@example.org", "--out", str(tmp_path / "x.zip")])
    assert nobody.exit_code != 0 and "No patient account" in nobody.output


def test_markdown_shows_the_persons_own_times_and_leaves_out_unanswered_prompts(app, client, patient, journal):
    """Pat is in Berlin: 23:30 UTC on 1 May is 01:30 on 2 May there."""
    entry_id = journal.entry(
        patient.id, "", title="Late", theme="body", created_at=datetime(2026, 5, 1, 23, 30, tzinfo=UTC)
    )
    archive = download(client)
    (name,) = [n for n in archive.namelist() if n.startswith("entries/") and n.endswith(f"{str(entry_id)[:8]}.md")]
    text = archive.read(name).decode()
    assert "*2 May 2026, 01:30 (Europe/Berlin)*" in text and "T23:30" not in text
    assert "## Prompt?" not in text  # the prompt was left unanswered: no empty heading
