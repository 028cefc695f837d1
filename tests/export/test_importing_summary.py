"""The import summary lists every kind of thing in the file: how many came in, and what was left out and why."""

from __future__ import annotations

import io
import json
import uuid
import zipfile

from sqlalchemy import select

from journal.extensions import db
from tests.conftest import login_client
from tests.export.test_archive import download, rich_journal
from tests.export.test_importing import flash_of, upload, zipped
from tests.pictures.images import drawing, photo


def summary_of(client) -> str:
    return flash_of(client).replace("&#39;", "'")


def everything(app, client, patient, make_user, journal, sharing) -> bytes:
    """An export holding one or more of every kind of thing the exporter writes."""
    from journal.entries.content import Answer
    from journal.entries.drafts import save_draft
    from journal.models import Entry, User
    from journal.pictures.services import add_pictures
    from journal.safety import plan as safety_plan

    ids = rich_journal(app, patient, make_user, journal, sharing)  # a session, a shared entry, a reply, the trash
    with app.app_context():
        therapist = db.session.scalar(select(User.id).where(User.email == "t@example.org"))
        sharing.share_session(uuid.UUID(ids["session"]), therapist)
        add_pictures(db.session.get(Entry, uuid.UUID(ids["shared"])), [photo(), drawing()])
        save_draft(
            owner_id=patient.id,
            draft_id=uuid.uuid4(),
            fields={"title": ["Half a thought"]},
            prompts=[Answer(None, None, None, "")],
            entry_id=None,
            session_id=None,
            prompt_set=None,
        )
        safety_plan.save(patient.id, {"helpers": "My sister Ana"}, 0)
    client.post_form("/measures/gad-7/new", {f"item{n}": "2" for n in range(1, 8)})
    return download(client).fp.getvalue()


def test_a_round_trip_counts_every_kind_of_thing_in_the_export(app, client, patient, make_user, journal, sharing):
    exported = everything(app, client, patient, make_user, journal, sharing)
    document = json.loads(zipfile.ZipFile(io.BytesIO(exported)).read("journal.json"))
    assert {key for key in document if isinstance(document[key], list | dict)} == {
        "account",
        "sessions",
        "entries",
        "questionnaires",
        "safety_plan",
        "drafts",
        "connections",
    }  # a kind added to the export needs its line in the summary
    make_user(email="new@example.org")
    fresh = login_client(app, "new@example.org")
    assert upload(fresh, exported).status_code == 302
    page = summary_of(fresh)
    assert (
        "Imported 2 entries, 1 session, 2 pictures, 1 questionnaire and your safety plan from Integration Journal."
        in page
    )
    assert "Left out, and why:" in page
    for line in (
        "the account's name, email address and time zone: this account keeps its own",
        "2 shares: what you shared stays with the account you shared it from",  # the entry's and the session's
        "1 reply: they belong to your therapist's connection with that account",
        "1 connection: a therapist connects with each account themselves",
        "1 draft: unfinished writing stays where it was written",
    ):
        assert f"<li>{line}</li>" in page

    assert upload(fresh, exported).status_code == 302  # again: everything is already there
    page = summary_of(fresh)
    assert "Imported 0 entries from Integration Journal." in page
    for line in (
        "the safety plan: you have your own, and a plan is one whole, never merged or replaced",
        "1 questionnaire: already in your journal, left as it was",
        "1 session: already in your journal, left as it was",
        "2 entries: already in your journal, left as it was",
        "2 pictures: their entry is already in your journal",
    ):
        assert f"<li>{line}</li>" in page


SKIPPING = {
    "metadata": {"version": "1.0"},
    "entries": [
        {
            "uuid": "A1",
            "creationDate": "2024-03-10T18:45:00Z",
            "text": "By the sea",
            "photos": [{"identifier": "GONE", "md5": "gone", "type": "jpeg"}, {"identifier": "BAD", "md5": "bad"}]
            + [{"identifier": f"P{n}", "md5": f"p{n}", "type": "png"} for n in range(12)],
            "videos": [{"md5": "v1"}, {"md5": "v2"}],
            "audios": [{"md5": "a1"}],
            "pdfAttachments": [{"md5": "d1"}],
            "location": {"placeName": "Cascais"},
            "weather": {"conditionsDescription": "Windy"},
        },
        {"uuid": "A1", "creationDate": "2024-03-10T18:45:00Z", "text": "By the sea, again"},
        {"uuid": "B2", "creationDate": "2024-03-11T07:05:00Z", "text": "Slept badly"},
    ],
}


def test_each_thing_left_out_is_counted_with_its_reason(app, client, patient):
    from journal.pictures.services import MAX_PER_ENTRY

    files = {f"photos/p{n}.png": drawing(40, 30) for n in range(12)} | {"photos/bad.png": b"\x89PNG not really"}
    first = {"metadata": {}, "entries": [SKIPPING["entries"][2]]}
    upload(client, zipped({"Journal.json": json.dumps(first).encode()}), "Export.zip")  # B2 is there already
    upload(client, zipped({"Journal.json": json.dumps(SKIPPING).encode(), **files}), "Export.zip")
    page = summary_of(client)
    assert f"Imported 1 entry and {MAX_PER_ENTRY} pictures from Day One." in page
    for line in (
        "1 entry: in the file more than once, brought in once",
        "1 entry: already in your journal, left as it was",
        f"{12 - MAX_PER_ENTRY} photos: an entry keeps up to {MAX_PER_ENTRY} pictures",
        "1 photo: not in the zip",
        "1 photo: not a picture this app keeps",
        "2 videos: this app keeps words and pictures only",
        "1 audio recording: this app keeps words and pictures only",
        "1 PDF: this app keeps words and pictures only",
        "1 location: this app does not keep where you were",
        "1 weather note: this app does not keep it",
    ):
        assert f"<li>{line}</li>" in page, line
