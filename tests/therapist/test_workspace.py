"""The therapist's workspace: per-entry flags, the way through unreviewed entries, private notes, a
summary since the last session with the entries marked to talk about, and unread messages one click
away, on both sides."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import ClinicianNote, Entry, Role, User
from tests.conftest import login_client
from tests.entries.test_views import editor_fields


@pytest.fixture
def care(app, client, patient, make_user, sharing, journal):
    """A patient (logged in on ``client``) connected to Dr. Ruiz and Dr. Other; three entries shared with
    Dr. Ruiz, oldest first: a hard one, a low one, an ordinary one."""
    ruiz = make_user(Role.THERAPIST, email="ruiz@example.org", display_name="Dr. Ruiz")
    other = make_user(Role.THERAPIST, email="other@example.org", display_name="Dr. Other")
    sharing.connect(patient.id, ruiz.id)
    sharing.connect(patient.id, other.id)
    now = utcnow()
    session = journal.session(patient.id, occurred_at=now - timedelta(days=6))
    sharing.share_session(session, ruiz.id)
    ids = [
        journal.entry(
            patient.id,
            text,
            title=title,
            created_at=now - timedelta(days=days),
            mood=mood,
            after_effects=effects,
            session_id=session,
        )
        for text, title, days, mood, effects in (
            ("I want to die", "Hard", 5, -5, ["urge_to_use"]),
            ("a heavy day", "Low", 4, -3, ["headache"]),
            ("a walk", "Ordinary", 3, 2, []),
        )
    ]
    for entry_id in ids:
        sharing.share(entry_id, ruiz.id)
    return ruiz, other, ids, login_client(app, "ruiz@example.org")


def test_each_entry_says_what_it_flags(care, patient):
    _, _, ids, doctor = care
    page = doctor.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    item = lambda entry_id, title: page[page.index(f'/therapist/entries/{entry_id}">{title}</a>') :][:900]  # noqa: E731
    hard = item(ids[0], "Hard")
    hard = hard[: hard.index("</li>")]
    for label in (
        "A wish to be dead or not to wake up",
        "A very low mood (−4 or −5)",
        "An urge to use outside treatment",
    ):
        assert label in hard
    assert hard.count("An urge to use outside treatment") == 1  # the signal, not the after-effect again
    low = item(ids[1], "Low")
    assert "Headache" in low[: low.index("</li>")] and "very low mood" not in low[: low.index("</li>")]
    ordinary = item(ids[2], "Ordinary")
    assert 'class="flag' not in ordinary[: ordinary.index("</li>")]
    entry_page = doctor.get(f"/therapist/entries/{ids[0]}").get_data(as_text=True)
    assert "A wish to be dead or not to wake up" in entry_page


def test_next_unreviewed_walks_in_the_order_they_were_written(care, patient):
    _, _, ids, doctor = care
    page = doctor.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    assert f'href="/therapist/entries/{ids[0]}">Review the unreviewed entries, oldest first' in page
    assert f"/therapist/entries/{ids[1]}" in doctor.get(f"/therapist/entries/{ids[0]}").get_data(as_text=True)
    following = doctor.post_form(f"/therapist/entries/{ids[0]}/review", {"then": "next"})
    assert following.headers["Location"] == f"/therapist/entries/{ids[1]}"
    doctor.post_form(f"/therapist/entries/{ids[2]}/review", {})
    last = doctor.post_form(f"/therapist/entries/{ids[1]}/review", {"then": "next"})
    assert last.headers["Location"] == f"/therapist/entries/{ids[1]}"  # nothing left: stay
    assert "Review the unreviewed entries" not in doctor.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)


def test_private_notes_are_sealed_kept_from_the_patient_and_other_therapists(
    app, care, client, patient, runner, tmp_path
):
    _, _, _, doctor = care
    assert doctor.post_form(f"/therapist/patients/{patient.id}/notes", {"text": ""}).status_code == 422
    doctor.post_form(f"/therapist/patients/{patient.id}/notes", {"text": "Consider grounding work"})
    assert "Consider grounding work" in doctor.get(f"/therapist/patients/{patient.id}/summary").get_data(as_text=True)
    with app.app_context():
        (row,) = db.session.scalars(select(ClinicianNote))
        assert b"grounding" not in row.sealed
    other = login_client(app, "other@example.org")
    assert "Consider grounding work" not in other.get(f"/therapist/patients/{patient.id}/summary").get_data(
        as_text=True
    )
    for url in ("/", "/entries", "/safety", "/settings"):
        assert "grounding" not in client.get(url).get_data(as_text=True)
    log = client.get("/access-log").get_data(as_text=True)
    assert "wrote a private clinical note" in log and "grounding" not in log
    out = tmp_path / "export.zip"
    assert runner.invoke(args=["export-data", "pat@example.org", "--out", str(out)]).exit_code == 0
    import zipfile

    with zipfile.ZipFile(out) as archive:
        assert not any(b"grounding" in archive.read(name) for name in archive.namelist())


def test_a_therapist_not_connected_reaches_no_notes_or_summary(app, care, patient, make_user):
    make_user(Role.THERAPIST, email="stranger@example.org")
    stranger = login_client(app, "stranger@example.org")
    assert stranger.get(f"/therapist/patients/{patient.id}/summary").status_code == 404
    assert stranger.post_form(f"/therapist/patients/{patient.id}/notes", {"text": "x"}).status_code == 404
    with app.app_context():
        assert db.session.scalar(select(ClinicianNote)) is None


def test_the_summary_since_the_last_session(app, care, client, patient, journal, sharing):
    ruiz, _, ids, doctor = care
    client.post_form(f"/entries/{ids[1]}/discuss", {"to_discuss": "y"})
    private = journal.entry(patient.id, "not shared", title="Private", created_at=utcnow() - timedelta(days=2))
    client.post_form(f"/entries/{private}/discuss", {"to_discuss": "y"})
    page = doctor.get(f"/therapist/patients/{patient.id}/summary").get_data(as_text=True)
    assert 'Shared entries</th><td data-label="Shared entries">3' in page
    assert "average -2.0, lowest -5, latest +2" in page
    assert "Headache (1 entry)" in page and "An urge to use outside treatment (1 entry)" in page
    marked = page[page.index("I'd like to talk about this") : page.index("Entries and check-ins")]
    assert "Low" in marked and "Private" not in marked and "Hard" not in marked
    since_later = f"since={(utcnow() - timedelta(days=1)):%Y-%m-%d}"
    page = doctor.get(f"/therapist/patients/{patient.id}/summary?{since_later}").get_data(as_text=True)
    assert "Low" in page[page.index("I'd like to talk about this") :]  # marked now, written earlier
    later = doctor.get(f"/therapist/patients/{patient.id}/summary?since={(utcnow() - timedelta(days=3)):%Y-%m-%d}")
    assert 'Shared entries</th><td data-label="Shared entries">1' in later.get_data(as_text=True)


def test_a_malformed_date_is_named_and_the_default_used(care, patient):
    _, _, _, doctor = care
    response = doctor.get(f"/therapist/patients/{patient.id}/summary?since=31-02-2026")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Please enter a date like 2026-11-27." in page
    assert 'Shared entries</th><td data-label="Shared entries">3' in page


def test_marking_an_entry_to_discuss_is_not_an_edit(app, care, client, patient, make_user):
    _, _, ids, _ = care
    editor = editor_fields(client.get(f"/entries/{ids[2]}/edit").get_data(as_text=True))
    client.post_form(f"/entries/{ids[2]}/discuss", {"to_discuss": "y"})
    assert client.post_form(f"/entries/{ids[2]}/edit", {**editor, "answer_0": "edited after"}).status_code == 302
    with app.app_context():
        assert db.session.get(Entry, ids[2]).to_discuss is True
    make_user(email="someone@example.org")
    assert login_client(app, "someone@example.org").post_form(f"/entries/{ids[2]}/discuss", {}).status_code == 404
    with app.app_context():
        assert db.session.get(Entry, ids[2]).to_discuss is True


def test_unread_messages_are_one_click_away_on_both_sides(app, care, client, patient):
    ruiz, _, ids, doctor = care
    doctor.post_form(f"/therapist/entries/{ids[1]}/replies", {"text": "How is the headache?"})
    assert client.get("/").get_data(as_text=True).count('href="/replies/unread"') == 1
    assert client.get("/replies/unread").headers["Location"] == f"/entries/{ids[1]}#thread-{ruiz.id}"
    client.get(f"/entries/{ids[1]}")  # read
    assert client.get("/replies/unread").headers["Location"] == "/connections"
    with app.app_context():
        author = db.session.get(User, patient.id)
    client.post_form(
        f"/entries/{ids[1]}/replies", {"therapist_id": str(ruiz.id), f"thread-{ruiz.id}-text": "Better, thank you"}
    )
    dashboard = doctor.get("/therapist/").get_data(as_text=True)
    assert re.search(rf'href="/therapist/entries/{ids[1]}#replies">1 new message', dashboard), author
