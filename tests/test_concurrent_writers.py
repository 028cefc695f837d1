"""Twenty people autosaving and saving at once, against the real server, lose nothing.

gunicorn with 4 sync workers, on SQLite (WAL, busy timeout) and on PostgreSQL.
Each writer opens the editor, autosaves twice and saves, again and again for
JOURNAL_TEST_WRITERS_SECONDS (30 by default). Afterwards every save that was
answered with a redirect is in the journal exactly once with its text, no
request failed, no draft is left behind and the server logged no error
("database is locked" or otherwise).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import Counter

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from journal.auth.services import create_user
from journal.entries.services import open_entry
from journal.extensions import db
from journal.models import Draft, Entry, User
from tests import postgres
from tests.conftest import PASSWORD, dispose, make_app
from tests.live_server import GUNICORN, Browser, served

WRITERS = 20
WORKERS = 4
SECONDS = float(os.environ.get("JOURNAL_TEST_WRITERS_SECONDS", "30"))


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/writers.sqlite3"
    else:
        with postgres.temporary_database("writers") as url:
            yield url


def server_env(url: str, instance) -> dict[str, str]:
    return {
        "JOURNAL_ENV": "testing",
        "JOURNAL_DATABASE_URL": url,
        "JOURNAL_INSTANCE_PATH": str(instance),
        "JOURNAL_RATELIMIT_ENABLED": "false",  # twenty people behind one address; limits are tested elsewhere
        "JOURNAL_LOG_LEVEL": "WARNING",
    }


class Writer(threading.Thread):
    """One person: editor, autosave, autosave, save; until the time is up."""

    def __init__(self, base: str, number: int, until: float) -> None:
        super().__init__(daemon=True)
        self.browser, self.number, self.until = Browser(base), number, until
        self.saved: list[str] = []
        self.autosaves = 0
        self.failures: Counter = Counter()

    def run(self) -> None:
        try:
            self.browser.log_in(f"w{self.number}@example.org", PASSWORD)
            while time.monotonic() < self.until:
                self.once(len(self.saved))
        except Exception as error:  # noqa: BLE001  (the test reports it)
            self.failures[f"{type(error).__name__}: {error}"] += 1

    def once(self, count: int) -> None:
        status, fields = self.browser.editor()
        if status != 200:
            self.failures[f"editor {status}"] += 1
            return
        text = f"writer {self.number} entry {count}: the river, from a distance"
        headers = {"Accept": "application/json", "X-CSRFToken": self.browser.token}
        for draft in (text[:20], text):
            status, body = self.browser.request(
                f"/drafts/{fields['draft_id']}/autosave", {**fields, "answer_0": draft}, headers
            )
            if status == 200 and json.loads(body)["saved"]:
                self.autosaves += 1
            else:
                self.failures[f"autosave {status}"] += 1
        status, _ = self.browser.request("/entries/new", {**fields, "answer_0": text, "csrf_token": self.browser.token})
        if status == 302:
            self.saved.append(text)
        else:
            self.failures[f"save {status}"] += 1


def test_twenty_writers_lose_nothing(database, tmp_path):
    if not GUNICORN.exists():
        pytest.fail(f"gunicorn is missing from {GUNICORN.parent}: make install-test installs it")
    instance = tmp_path / "instance"
    app = make_app(database, instance)
    with app.app_context():
        upgrade()
        for number in range(WRITERS):
            create_user(email=f"w{number}@example.org", display_name=f"Writer {number}", password=PASSWORD)
    log = tmp_path / "gunicorn.log"
    with served("journal:create_app()", server_env(database, instance), log, workers=WORKERS, probe="/readyz") as base:
        until = time.monotonic() + SECONDS
        writers = [Writer(base, number, until) for number in range(WRITERS)]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(timeout=SECONDS + 120)
    failures = sum((writer.failures for writer in writers), Counter())
    print(
        f"{WRITERS} writers, {WORKERS} workers, {SECONDS:.0f} s: {sum(len(w.saved) for w in writers)} saves, "
        f"{sum(w.autosaves for w in writers)} autosaves"
    )  # shown with pytest -s
    assert not failures, failures
    assert not any(writer.is_alive() for writer in writers)
    assert sum(len(w.saved) for w in writers) >= WRITERS * 3, "too few saves to mean anything"

    with app.app_context():
        for writer in writers:
            owner = db.session.scalar(select(User.id).where(User.email == f"w{writer.number}@example.org"))
            texts = [
                open_entry(row).content.answers[0].text
                for row in db.session.scalars(select(Entry).where(Entry.owner_id == owner))
            ]
            assert sorted(texts) == sorted(writer.saved), f"writer {writer.number}"
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
    dispose(app)
    logged = log.read_text()
    assert "database is locked" not in logged
    assert "Traceback" not in logged and "ERROR" not in logged.replace("--error-logfile", ""), logged[-3000:]
