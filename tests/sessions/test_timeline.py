import re
from datetime import UTC, datetime

import pytest

from journal.prompts import library
from journal.sessions.timeline import DONE, DUE, UPCOMING

SESSION_AT = datetime(2026, 11, 2, 9, tzinfo=UTC)  # a Monday morning


def statuses(client, session_id) -> dict[str, str]:
    page = client.get(f"/sessions/{session_id}").get_data(as_text=True)
    result = {}
    for prompt_set in library().sets:
        chunk = page.split(f'<span class="step-name">{prompt_set.name}</span>', 1)[1].split("</li>", 1)[0]
        result[prompt_set.key] = DONE if "Done" in chunk else DUE if "Write now" in chunk else UPCOMING
    return result


def test_prompt_sets_open_on_their_days(client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    clock(datetime(2026, 11, 2, 15, tzinfo=UTC))
    assert statuses(client, session_id) == {
        "same_day": DUE, "next_day": UPCOMING, "three_days": UPCOMING, "one_week": UPCOMING, "one_month": UPCOMING,
    }
    clock(datetime(2026, 11, 9, 12, tzinfo=UTC))
    assert statuses(client, session_id) == {
        "same_day": DUE, "next_day": DUE, "three_days": DUE, "one_week": DUE, "one_month": UPCOMING,
    }


def test_answered_sets_are_done_and_trashed_ones_are_not(client, app, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    entry_id = journal.entry(patient.id, session_id=session_id, prompt_set="same_day")
    clock(datetime(2026, 11, 3, 12, tzinfo=UTC))
    assert statuses(client, session_id)["same_day"] == DONE
    client.post_form(f"/entries/{entry_id}/delete")
    assert statuses(client, session_id)["same_day"] == DUE


def test_days_follow_the_patients_time_zone(client, patient, journal, clock):
    # 23:30 UTC on 1 November is already 2 November in Berlin.
    session_id = journal.session(patient.id, occurred_at=datetime(2026, 11, 1, 23, 30, tzinfo=UTC))
    clock(datetime(2026, 11, 2, 23, 15, tzinfo=UTC))  # 00:15 on 3 November in Berlin
    assert statuses(client, session_id)["next_day"] == DUE
    clock(datetime(2026, 11, 2, 22, 0, tzinfo=UTC))  # 23:00 on 2 November in Berlin
    assert statuses(client, session_id)["next_day"] == UPCOMING


def test_home_shows_what_is_due_and_the_latest_entries(client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    journal.entry(patient.id, title="Yesterday's pages", created_at=datetime(2026, 11, 2, 20, tzinfo=UTC))
    clock(datetime(2026, 11, 3, 12, tzinfo=UTC))
    page = client.get("/").get_data(as_text=True)
    assert f"/entries/new?session={session_id}&amp;set=next_day" in page
    assert f"/entries/new?session={session_id}&amp;set=same_day" in page
    assert "set=three_days" not in page
    assert "Yesterday&#39;s pages" in page


def test_old_sessions_leave_the_home_page(app, client, patient, journal, clock):
    journal.session(patient.id, occurred_at=SESSION_AT)
    with app.app_context():  # no questionnaires asked: only prompt sets could be waiting
        from journal.extensions import db
        from journal.models import User

        db.session.get(User, patient.id).measures_asked = ""
        db.session.commit()
    clock(datetime(2027, 2, 1, 12, tzinfo=UTC))
    assert "Nothing is waiting" in client.get("/").get_data(as_text=True)


def test_opening_days_are_computed_from_the_library():
    assert [s.offset_days for s in library().sets] == [0, 1, 3, 7, 30]


def add_old_sessions(journal, patient_id: int, count: int, start: int = 0) -> list:
    """Sessions two weeks apart, the newest a year ago: none has a prompt set open today."""
    from datetime import timedelta

    year_ago = datetime(2025, 6, 1, 9, tzinfo=UTC)
    return [journal.session(patient_id, occurred_at=year_ago - timedelta(days=14 * (start + n)))
            for n in range(count)]


SESSION_LINK = re.compile(r'href="/sessions/[0-9a-f-]{36}"')


def test_the_timeline_is_paginated(client, patient, journal):
    add_old_sessions(journal, patient.id, 25)
    first = client.get("/sessions").get_data(as_text=True)
    assert len(SESSION_LINK.findall(first)) == 20 and "Page 1 of 2" in first and "Earlier sessions" in first
    second = client.get("/sessions?page=2").get_data(as_text=True)
    assert len(SESSION_LINK.findall(second)) == 5 and "Later sessions" in second
    assert client.get("/sessions?page=99").status_code == 200  # the last page, not an error
    assert client.get("/sessions?page=x").status_code == 200


@pytest.mark.parametrize("url", ["/", "/entries", "/sessions", "/entries/new"])
def test_patient_pages_cost_the_same_for_35_or_70_sessions(app, client, patient, journal, monkeypatch, url):
    """Menus list the latest sessions, the timeline a page of them, the home only recent ones."""
    from tests.entries.test_finding import cost

    journal.entry(patient.id)
    add_old_sessions(journal, patient.id, 35)
    few = cost(app, client, monkeypatch, lambda c: c.get(url))
    add_old_sessions(journal, patient.id, 35, start=35)
    many = cost(app, client, monkeypatch, lambda c: c.get(url))
    assert few == many, (few, many)


def test_an_entry_of_an_old_session_keeps_it_when_edited(app, client, patient, journal):
    from tests.entries.test_rescue import editor

    (oldest, *_) = reversed(add_old_sessions(journal, patient.id, 40))
    entry_id = journal.entry(patient.id, "about that day", session_id=oldest)
    page = client.get(f"/entries/{entry_id}/edit").get_data(as_text=True)
    assert f'<option selected value="{oldest}">' in page  # offered though older than the menu's 30
    fields = {**editor(client, f"/entries/{entry_id}/edit"), "answer_0": "about that day, again",
              "session_id": str(oldest)}
    assert client.post_form(f"/entries/{entry_id}/edit", fields).status_code == 302
    with app.app_context():
        from journal.extensions import db
        from journal.models import Entry

        assert db.session.get(Entry, entry_id).session_id == oldest
