"""Import's limits: malformed or over-deep files get a plain 400, size and entry caps, a fresh login, and writing
in batches so that nobody else's save waits behind one long import."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from journal.audit import Event
from journal.extensions import db
from journal.models import AuditEvent, Entry
from tests.conftest import login_client
from tests.export.test_importing import count_entries, upload

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def day_one(count: int) -> bytes:
    entries = [
        {"uuid": f"E{number:05d}", "creationDate": "2024-03-10T18:45:00Z", "text": f"# Day {number}\nwords"}
        for number in range(count)
    ]
    return json.dumps({"metadata": {"version": "1.0"}, "entries": entries}).encode()


@pytest.mark.parametrize(
    "data",
    [
        b'{"metadata": {}, "entries": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # past Python's own recursion
        json.dumps(
            {
                "metadata": {},
                "entries": [{"creationDate": "x", "text": "y", "deep": [[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]}],
            }
        ).encode(),
    ],
    ids=["recursion", "past-max-depth"],
)
def test_a_deeply_nested_file_is_a_plain_400(app, client, patient, data):
    response = upload(client, data, "Journal.json")
    assert response.status_code == 400
    assert "nested far more deeply than a journal is" in response.get_data(as_text=True)
    assert count_entries(app) == 0


def test_the_entry_cap_is_configurable(app, client, patient):
    app.config["IMPORT_MAX_ENTRIES"] = 3
    response = upload(client, day_one(4), "Journal.json")
    assert response.status_code == 400
    assert "The file holds 4 entries and sessions; this app imports up to 3 at a time." in response.get_data(
        as_text=True
    )
    assert upload(client, day_one(3), "Journal.json").status_code == 302
    assert count_entries(app) == 3


def in_memory_upload(client, data: bytes):
    """A multipart body built in memory (the test client would spool a large one to a file of its own)."""
    boundary = "import-boundary-5e1d"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{client.csrf_token()}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="Journal.json"\r\n'
            "Content-Type: application/json\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return client.post("/settings/import", data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_the_byte_cap_is_configurable_and_bounds_the_request(app, client, patient):
    app.config["IMPORT_MAX_BYTES"] = 1024 * 1024
    just_over = day_one(1)[:-1] + b" " * (1024 * 1024) + b"}"
    response = in_memory_upload(client, just_over)
    assert response.status_code == 400 and "The file is larger than 1 MB." in response.get_data(as_text=True)
    assert in_memory_upload(client, b"{" + b" " * (3 * 1024 * 1024) + b"}").status_code == 413
    assert count_entries(app) == 0


def test_import_asks_for_the_password_again_after_a_while(app, make_user, raw_clock):
    make_user(email="p@example.org")
    raw_clock(NOW)
    client = login_client(app, "p@example.org")
    raw_clock(NOW + timedelta(minutes=16))
    response = upload(client, day_one(1), "Journal.json")
    assert response.status_code == 302 and response.headers["Location"].startswith("/reauth")
    assert count_entries(app) == 0


class Commits:
    """How many entries each transaction had written when it committed."""

    def __init__(self) -> None:
        self.entries: list[int] = []

    def __call__(self, session) -> None:
        self.entries.append(session.scalar(select(func.count()).select_from(Entry)))


@pytest.fixture
def commits():
    watch = Commits()
    event.listen(Session, "before_commit", watch)
    yield watch
    event.remove(Session, "before_commit", watch)


def test_a_large_import_is_written_in_batches(app, client, patient, commits):
    """Each commit releases SQLite's one write lock: another writer waits for one batch, never for the import."""
    app.config["IMPORT_BATCH_SIZE"] = 100
    before = len(commits.entries)
    assert upload(client, day_one(250), "Journal.json").status_code == 302
    written = [count for count in commits.entries[before:]]
    assert written[:3] == [100, 200, 250]  # then the audit event's own commit
    assert count_entries(app) == 250


class FailSecondBatch:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, session) -> None:
        if any(isinstance(row, Entry) for row in [*session.new, *session.identity_map.values()]):
            self.calls += 1
            if self.calls == 2:
                raise RuntimeError("the database went away")


def test_an_import_cut_short_says_so_and_importing_again_finishes_it(app, client, patient):
    app.config["IMPORT_BATCH_SIZE"] = 100
    failing = FailSecondBatch()
    event.listen(Session, "before_commit", failing)
    try:
        response = upload(client, day_one(250), "Journal.json")
    finally:
        event.remove(Session, "before_commit", failing)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Part of this file was imported" in page
    assert "Nothing was imported" not in page
    assert count_entries(app) == 100
    assert upload(client, day_one(250), "Journal.json").status_code == 302
    page = client.get("/settings").get_data(as_text=True)
    assert "Imported 150 entries from Day One." in page and "<li>100 entries: already in your journal" in page
    assert count_entries(app) == 250
    with app.app_context():
        details = db.session.scalars(
            select(AuditEvent.detail).where(AuditEvent.event == Event.DATA_IMPORTED.value).order_by(AuditEvent.id)
        ).all()
    assert details[0].startswith("interrupted after 100 of 250 items") and details[1].startswith("Day One: 150")


def test_a_file_refused_anywhere_changes_nothing_even_past_the_first_batch(app, client, patient, commits):
    app.config["IMPORT_BATCH_SIZE"] = 10
    document = json.loads(day_one(30))
    document["entries"][25]["creationDate"] = "2024-02-30T10:00:00Z"
    response = upload(client, json.dumps(document).encode(), "Journal.json")
    assert response.status_code == 400 and "Day One entry 26" in response.get_data(as_text=True)
    assert count_entries(app) == 0
