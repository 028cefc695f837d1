from datetime import UTC, datetime

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


def test_old_sessions_leave_the_home_page(client, patient, journal, clock):
    journal.session(patient.id, occurred_at=SESSION_AT)
    clock(datetime(2027, 2, 1, 12, tzinfo=UTC))
    assert "Nothing is waiting" in client.get("/").get_data(as_text=True)


def test_opening_days_are_computed_from_the_library():
    assert [s.offset_days for s in library().sets] == [0, 1, 3, 7, 30]
