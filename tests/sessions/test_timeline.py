import re
from datetime import UTC, date, datetime, timedelta

import pytest

from journal.prompts import library
from journal.sessions.timeline import DONE, DUE, MERGED, PASSED, UPCOMING

SESSION_AT = datetime(2026, 11, 2, 9, tzinfo=UTC)  # a Monday morning


def statuses(client, session_id) -> dict[str, str]:
    """The steps a session's page shows, by prompt set, with their status."""
    page = client.get(f"/sessions/{session_id}").get_data(as_text=True)
    result = {}
    for prompt_set in library().sets:
        name = f'<span class="step-name">{prompt_set.name}</span>'
        if name not in page:
            continue
        chunk = page.split(name, 1)[1].split("</li>", 1)[0]
        result[prompt_set.key] = (
            DONE
            if "Done" in chunk
            else DUE
            if "Write now" in chunk
            else MERGED
            if "Go to that session" in chunk
            else PASSED
            if "Write it anyway" in chunk
            else UPCOMING
        )
    return result


def test_prompt_sets_open_on_their_days(client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    clock(datetime(2026, 11, 2, 15, tzinfo=UTC))
    assert statuses(client, session_id) == {
        "same_day": DUE,
        "next_day": UPCOMING,
        "three_days": UPCOMING,
        "one_week": UPCOMING,
        "one_month": UPCOMING,
    }
    clock(datetime(2026, 11, 5, 12, tzinfo=UTC))  # day 3: the first two have had their days
    assert statuses(client, session_id) == {
        "same_day": PASSED,
        "next_day": DUE,
        "three_days": DUE,
        "one_week": UPCOMING,
        "one_month": UPCOMING,
    }
    clock(datetime(2026, 11, 9, 12, tzinfo=UTC))
    assert statuses(client, session_id) == {
        "same_day": PASSED,
        "next_day": PASSED,
        "three_days": PASSED,
        "one_week": DUE,
        "one_month": UPCOMING,
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
    assert [s.offset_days for s in library().stages] == [-2, 0, 1, 3, 7, 30]


def add_old_sessions(journal, patient_id: int, count: int, start: int = 0) -> list:
    """Sessions two weeks apart, the newest a year ago: none has a prompt set open today."""
    from datetime import timedelta

    year_ago = datetime(2025, 6, 1, 9, tzinfo=UTC)
    return [journal.session(patient_id, occurred_at=year_ago - timedelta(days=14 * (start + n))) for n in range(count)]


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
    few = cost(app, client, monkeypatch, lambda c: c.get(url, follow_redirects=True))
    add_old_sessions(journal, patient.id, 35, start=35)
    many = cost(app, client, monkeypatch, lambda c: c.get(url, follow_redirects=True))
    assert few == many, (few, many)


def test_an_entry_of_an_old_session_keeps_it_when_edited(app, client, patient, journal):
    from tests.entries.test_rescue import editor

    (oldest, *_) = reversed(add_old_sessions(journal, patient.id, 40))
    entry_id = journal.entry(patient.id, "about that day", session_id=oldest)
    page = client.get(f"/entries/{entry_id}/edit").get_data(as_text=True)
    assert f'<option selected value="{oldest}">' in page  # offered though older than the menu's 30
    fields = {
        **editor(client, f"/entries/{entry_id}/edit"),
        "answer_0": "about that day, again",
        "session_id": str(oldest),
    }
    assert client.post_form(f"/entries/{entry_id}/edit", fields).status_code == 302
    with app.app_context():
        from journal.extensions import db
        from journal.models import Entry

        assert db.session.get(Entry, entry_id).session_id == oldest


def ready_links(client) -> list[str]:
    """The "Ready for you" links of the home page, in order, as (session, set) pairs."""
    page = client.get("/").get_data(as_text=True)
    return re.findall(r"/entries/new\?session=([0-9a-f-]{36})&amp;set=(\w+)", page)


def test_a_weekly_series_merges_each_week_into_the_next_session(client, patient, journal, clock):
    first, second, third = (
        journal.session(patient.id, occurred_at=SESSION_AT + timedelta(days=7 * n)) for n in range(3)
    )
    clock(SESSION_AT + timedelta(days=15, hours=3))  # the day after the third session
    merged = {"same_day": PASSED, "next_day": PASSED, "three_days": PASSED, "one_week": MERGED, "one_month": MERGED}
    assert statuses(client, first) == merged
    assert statuses(client, second) == merged
    assert statuses(client, third) == {
        "same_day": DUE,
        "next_day": DUE,
        "three_days": UPCOMING,
        "one_week": UPCOMING,
        "one_month": UPCOMING,
    }
    page = client.get(f"/sessions/{first}").get_data(as_text=True)
    assert f'href="/sessions/{second}">Go to that session' in page  # the week is part of the next session
    assert "overdue" not in page.lower() and "missed" not in page.lower()
    assert ready_links(client) == [(str(third), "same_day"), (str(third), "next_day")]  # no backlog


def test_sessions_three_days_apart_never_pile_up(client, patient, journal, clock):
    clock(SESSION_AT - timedelta(days=5))  # the series is planned ahead
    first, second, third = (
        journal.session(patient.id, occurred_at=SESSION_AT + timedelta(days=3 * n)) for n in range(3)
    )
    clock(SESSION_AT + timedelta(days=4, hours=3))  # the day after the second session
    assert statuses(client, first) == {
        "before": PASSED,
        "same_day": PASSED,
        "next_day": PASSED,
        "three_days": MERGED,
        "one_week": MERGED,
        "one_month": MERGED,
    }
    assert statuses(client, second)["same_day"] == DUE and statuses(client, second)["three_days"] == MERGED
    assert statuses(client, third)["before"] == DUE  # two days before it
    assert ready_links(client) == [(str(second), "same_day"), (str(third), "before"), (str(second), "next_day")]
    clock(SESSION_AT + timedelta(days=36, hours=3))  # the series over: the last session carries the whole arc
    assert statuses(client, third)["one_week"] == PASSED and statuses(client, third)["one_month"] == DUE


def test_the_before_set_opens_two_days_before_a_planned_session(client, patient, journal, clock):
    clock(SESSION_AT - timedelta(days=10))
    planned = journal.session(patient.id, occurred_at=SESSION_AT)
    clock(SESSION_AT - timedelta(days=3))
    assert statuses(client, planned)["before"] == UPCOMING and ready_links(client) == []
    clock(SESSION_AT - timedelta(days=2))
    assert statuses(client, planned)["before"] == DUE
    assert ready_links(client) == [(str(planned), "before")]
    page = client.get(f"/entries/new?session={planned}&set=before", follow_redirects=True).get_data(as_text=True)
    assert "Before your session" in page and "not to drive" in page  # the IV infusion's wording
    clock(SESSION_AT + timedelta(hours=1))
    assert statuses(client, planned)["before"] == PASSED


def test_a_session_logged_afterwards_has_no_before_set(client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    clock(SESSION_AT + timedelta(hours=3))
    assert "before" not in statuses(client, session_id)


def test_a_hard_check_in_offers_the_gentler_set_first(client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    clock(SESSION_AT + timedelta(hours=5))
    page = client.get(f"/sessions/{session_id}").get_data(as_text=True)
    assert "hard" not in statuses(client, session_id) and "set=hard" in page  # offered on request
    journal.entry(patient.id, session_id=session_id, intensity=8, created_at=SESSION_AT + timedelta(hours=4))
    assert statuses(client, session_id)["hard"] == DUE
    assert ready_links(client) == [(str(session_id), "hard"), (str(session_id), "same_day")]
    hard = client.get(f"/entries/new?session={session_id}&set=hard", follow_redirects=True).get_data(as_text=True)
    assert "five things you can see" in hard and "do not need to go back into it" in hard


def test_a_calm_check_in_does_not(client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    journal.entry(patient.id, session_id=session_id, intensity=7, created_at=SESSION_AT + timedelta(hours=4))
    clock(SESSION_AT + timedelta(hours=5))
    assert "hard" not in statuses(client, session_id)


def test_a_passed_set_can_still_be_written(client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    clock(SESSION_AT + timedelta(days=20))
    assert statuses(client, session_id)["next_day"] == PASSED
    assert (str(session_id), "next_day") not in ready_links(client)
    assert client.get(f"/entries/new?session={session_id}&set=next_day", follow_redirects=True).status_code == 200


def test_worry_before_a_session_does_not_offer_the_hard_set(client, patient, journal, clock):
    clock(SESSION_AT - timedelta(days=5))
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    journal.entry(
        patient.id, session_id=session_id, prompt_set="before", intensity=9, created_at=SESSION_AT - timedelta(days=1)
    )
    clock(SESSION_AT + timedelta(hours=5))
    assert "hard" not in statuses(client, session_id)


def test_the_timeline_reads_its_sessions_entries_not_the_whole_journal(app, make_user, journal):
    """SQLite's statistics average over every journal: among many short ones, a long one must not be read whole."""
    from journal.sessions.services import latest_sessions
    from journal.sessions.timeline import timelines
    from tests import db_work

    db_work.sqlite_only(app)
    for n in range(20):  # short journals
        other = make_user(email=f"o{n}@example.org").id
        for _ in range(4):
            journal.entry(other)

    def timeline_page(owner_id: int):  # what the timeline's first page reads
        return lambda: timelines(owner_id, [s.row for s in latest_sessions(owner_id, 20)], date(2026, 9, 1), "UTC")

    work = []
    for name, sessions in (("short", 20), ("long", 150)):
        owner = make_user(email=f"{name}@example.org").id
        for session_id in add_old_sessions(journal, owner, sessions):
            for prompt_set in ("same_day", "next_day"):
                journal.entry(owner, session_id=session_id, prompt_set=prompt_set)
        work.append(db_work.sqlite_steps(app, timeline_page(owner)))
    assert work[1] <= work[0] + 1, work  # the whole journal: 7 against 3


def test_a_same_day_set_opened_the_next_day_reads_as_looking_back(client, patient, journal, clock):
    """Pat is in Berlin: the session at 22:00 local; the next morning is another day there, not in UTC terms."""
    session_id = journal.session(patient.id, occurred_at=datetime(2026, 11, 2, 21, tzinfo=UTC))
    clock(datetime(2026, 11, 2, 22, 30, tzinfo=UTC))  # 23:30 in Berlin, the same day
    assert "Same day" in client.get("/").get_data(as_text=True)
    editor = client.get(f"/entries/new?session={session_id}&set=same_day", follow_redirects=True).get_data(as_text=True)
    assert "<h1>Same day</h1>" in editor and "one word for today" in editor
    clock(datetime(2026, 11, 2, 23, 30, tzinfo=UTC))  # 00:30 on 3 November in Berlin, still the 2nd in UTC
    home = client.get("/").get_data(as_text=True)
    assert "Looking back on the session day" in home and ">Same day<" not in home
    editor = client.get(f"/entries/new?session={session_id}&set=same_day", follow_redirects=True).get_data(as_text=True)
    assert "<h1>Looking back on the session day</h1>" in editor and "A day has passed since your session" in editor
    assert "one word for the day of your session" in editor and "one word for today" not in editor
    assert statuses(client, session_id)["same_day"] == DUE  # the timeline keeps the stage's own name
