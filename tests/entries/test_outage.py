"""A database that stops answering in the middle of saving loses nothing and doubles nothing.

Real interruptions: PostgreSQL reached through a TCP proxy that the test cuts,
and SQLite held under another connection's write lock.
"""

from __future__ import annotations

import html
import re
import sqlite3

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from journal.extensions import db
from journal.models import Entry
from tests.conftest import dispose, login_client, make_app
from tests.entries.test_rescue import editor

WORDS = "What I saw from a distance: the house, and me in it, smaller than I feared."


def kept_form(page: str) -> tuple[str, dict]:
    """The action and hidden fields of the form a rescue page offers."""
    action = html.unescape(re.search(r'<form method="post" action="([^"]+)"', page).group(1))
    fields = {
        html.unescape(name): html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
    }
    return action, fields


def entries_of(app) -> list[Entry]:
    with app.app_context():
        return list(db.session.scalars(select(Entry)))


def test_a_save_during_an_outage_keeps_the_text_and_lands_once_afterwards(proxied_postgres):
    app, proxy = proxied_postgres
    client = login_client(app, "p@example.org")
    fields = {**editor(client), "answer_0": WORDS}
    proxy.cut()
    response = client.post_form("/entries/new", fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 503 and response.headers["Retry-After"].isdigit()
    assert response.headers["Cache-Control"] == "no-store"
    assert WORDS in page and "not saved yet" in page
    proxy.restore()
    assert entries_of(app) == []
    action, kept = kept_form(page)
    assert action == "/entries/new" and kept["answer_0"] == WORDS
    assert client.post(action, data=kept).status_code == 302  # the page's own form, token and all
    saved = entries_of(app)
    assert len(saved) == 1


def test_autosave_during_an_outage_answers_503_and_retry_after(proxied_postgres):
    app, proxy = proxied_postgres
    client = login_client(app, "p@example.org")
    fields, token = editor(client), client.csrf_token()
    proxy.cut()
    response = client.post(
        f"/drafts/{fields['draft_id']}/autosave",
        data={**fields, "answer_0": WORDS},
        headers={"Accept": "application/json", "X-CSRFToken": token},
    )
    assert response.status_code == 503 and response.json["error"] and response.headers["Retry-After"]
    proxy.restore()


def test_a_locked_sqlite_database_keeps_the_text(app, backend, make_user, tmp_path):
    if backend != "sqlite":
        pytest.skip("SQLite's lock timeout")
    make_user(email="p@example.org")
    impatient = make_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "impatient", SQLITE_BUSY_TIMEOUT_MS=100)
    client = login_client(impatient, "p@example.org")
    fields = {**editor(client), "answer_0": WORDS}
    holder = sqlite3.connect(make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock past our timeout
    try:
        response = client.post_form("/entries/new", fields)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503 and WORDS in response.get_data(as_text=True)
    assert entries_of(app) == []
    action, kept = kept_form(response.get_data(as_text=True))
    assert client.post(action, data=kept).status_code == 302
    assert len(entries_of(app)) == 1
    dispose(impatient)


def test_the_same_page_saved_twice_makes_one_entry_with_the_latest_text(app, client, patient):
    fields = {**editor(client), "answer_0": "first try"}
    first = client.post_form("/entries/new", fields)
    again = client.post_form("/entries/new", {**fields, "answer_0": WORDS})  # the outcome was unknown: Save again
    assert first.status_code == again.status_code == 302
    assert first.headers["Location"] == again.headers["Location"]
    saved = entries_of(app)
    assert len(saved) == 1
    with app.app_context():
        from journal.entries.services import open_entry

        assert open_entry(db.session.get(Entry, saved[0].id)).content.answers[0].text == WORDS


def test_another_writers_draft_id_never_reaches_their_entry(app, client, patient, make_user, journal):
    other = make_user(email="o@example.org")
    fields = {**editor(client), "answer_0": WORDS}
    theirs = journal.entry(other.id, "their words")
    client.post_form("/entries/new", {**fields, "save_key": str(theirs)})
    with app.app_context():
        from journal.entries.services import open_entry

        assert open_entry(db.session.get(Entry, theirs)).content.answers[0].text == "their words"
    assert len(entries_of(app)) == 2


def test_two_pages_of_the_same_draft_make_two_entries(app, client, patient):
    first = {**editor(client), "answer_0": "from the first tab"}
    client.post(
        f"/drafts/{first['draft_id']}/autosave",
        data=first,
        headers={"X-CSRFToken": client.csrf_token(), "Accept": "application/json"},
    )
    second = {**editor(client, f"/entries/new?draft={first['draft_id']}"), "answer_0": "from the second tab"}
    assert second["draft_id"] == first["draft_id"] and second["save_key"] != first["save_key"]
    client.post_form("/entries/new", first)
    client.post_form("/entries/new", second)
    assert len(entries_of(app)) == 2
