"""The export page: the whole journal needs a fresh login; a part of it does not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.conftest import login_client

START = datetime(2026, 6, 1, 9, tzinfo=UTC)
WHOLE = {"scope": "all", "paper_size": "a4"}


def test_exporting_the_whole_journal_needs_a_fresh_login(app, patient, journal, clock):
    journal.entry(patient.id, "words of the morning")
    clock(START)
    client = login_client(app, "pat@example.org")
    assert client.post_form("/export", WHOLE).mimetype == "application/pdf"
    clock(START + timedelta(minutes=16))
    response = client.post_form("/export", WHOLE)
    assert response.status_code == 302 and response.headers["Location"].startswith("/reauth")
    assert response.mimetype != "application/pdf"


def test_a_date_range_needs_no_fresh_login(app, patient, journal, clock):
    journal.entry(patient.id, "words of the morning")
    clock(START)
    client = login_client(app, "pat@example.org")
    clock(START + timedelta(minutes=16))
    chosen = {"scope": "range", "paper_size": "a4", "date_from": "2026-01-01", "date_to": "2026-12-31"}
    assert client.post_form("/export", chosen).mimetype == "application/pdf"
