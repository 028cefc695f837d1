"""Carried forward: a prompt quotes the author's own earlier answer, which is never stored again."""

import html
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from journal.entries.content import Answer, CheckIn, EntryContent
from journal.entries.services import create_entry, open_entry
from journal.extensions import db
from journal.models import Entry, EntryKind
from journal.prompts import library
from tests.entries.test_views import editor_fields

SESSION_AT = datetime(2026, 11, 2, 9, tzinfo=UTC)


def answered(app, owner_id, session_id, set_key, answers: dict[str, str], days=0):
    """An entry of ``set_key`` with these answers by prompt id, written ``days`` after the session."""
    prompt_set = library().get_set(set_key)
    content = EntryContent(
        title=prompt_set.name,
        answers=[Answer(p.id, p.theme, p.text, answers.get(p.id, "")) for p in prompt_set.prompts],
    )
    with app.app_context():
        return create_entry(
            owner_id=owner_id,
            kind=EntryKind.GUIDED,
            content=content,
            checkin=CheckIn(),
            session_id=session_id,
            prompt_set=set_key,
            created_at=SESSION_AT + timedelta(days=days, hours=2),
        ).id


def recall_of(page: str, field: str) -> str | None:
    """The quote drawn above an answer field, if any."""
    start = page.find(f'id="{field}-recall"')
    if start < 0:
        return None
    return html.unescape(page[page.index("</span> ", start) + 7 : page.index("</blockquote>", start)])


def test_the_week_after_quotes_the_small_thing_and_the_image(app, client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT, intention="")
    answered(app, patient.id, session_id, "before", {"bf-intention": "to stop bracing all the time"}, days=-1)
    answered(app, patient.id, session_id, "same_day", {"sd-image": "a blue door, half open"})
    answered(app, patient.id, session_id, "three_days", {"td-practice": "ten slow breaths at the bus stop"}, days=3)
    clock(SESSION_AT + timedelta(days=7, hours=3))
    page = client.get(f"/entries/new?session={session_id}&set=one_week", follow_redirects=True).get_data(as_text=True)
    prompts = [p.id for p in library().get_set("one_week").prompts]
    quotes = {prompt: recall_of(page, f"answer_{index}") for index, prompt in enumerate(prompts)}
    assert "ten slow breaths at the bus stop" in quotes["ow-practice"]
    assert "a blue door, half open" in quotes["ow-image"]
    assert "to stop bracing all the time" in quotes["ow-intention"]  # from the preparation set
    assert quotes["ow-different"] is None
    practice = prompts.index("ow-practice")
    assert f'aria-describedby="answer_{practice}-recall"' in page  # read out with the prompt

    fields = {**editor_fields(page), "session_id": str(session_id), f"answer_{practice}": "It went gently."}
    assert client.post_form(f"/entries/new?session={session_id}&set=one_week", fields).status_code == 302
    with app.app_context():
        week = open_entry(db.session.scalar(select(Entry).where(Entry.prompt_set == "one_week")))
        assert "ten slow breaths" not in repr(week.content)  # quoted, never stored twice


def test_only_live_entries_of_the_same_session_are_quoted(app, client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    other = journal.session(patient.id, occurred_at=SESSION_AT - timedelta(days=30))
    answered(app, patient.id, other, "three_days", {"td-practice": "from another session"}, days=-27)
    trashed = answered(app, patient.id, session_id, "three_days", {"td-practice": "soap bubbles"}, days=3)
    clock(SESSION_AT + timedelta(days=7, hours=3))
    client.post_form(f"/entries/{trashed}/delete")
    page = client.get(f"/entries/new?session={session_id}&set=one_week", follow_redirects=True).get_data(as_text=True)
    assert "from another session" not in page and "soap bubbles" not in page and "You wrote earlier" not in page


def test_a_written_intention_is_shown_once_not_quoted_again(app, client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT, intention="to meet my fear kindly")
    clock(SESSION_AT + timedelta(days=1, hours=3))
    page = client.get(f"/entries/new?session={session_id}&set=next_day", follow_redirects=True).get_data(as_text=True)
    assert page.count("to meet my fear kindly") == 1 and "You wrote earlier" not in page


def test_the_newest_answer_is_quoted_and_long_ones_are_shortened(app, client, patient, journal, clock):
    session_id = journal.session(patient.id, occurred_at=SESSION_AT)
    answered(app, patient.id, session_id, "three_days", {"td-practice": "first idea"}, days=3)
    answered(app, patient.id, session_id, "three_days", {"td-practice": "walk " * 200}, days=4)
    clock(SESSION_AT + timedelta(days=7, hours=3))
    page = client.get(f"/entries/new?session={session_id}&set=one_week", follow_redirects=True).get_data(as_text=True)
    practice = [p.id for p in library().get_set("one_week").prompts].index("ow-practice")
    quote = recall_of(page, f"answer_{practice}")
    assert "first idea" not in quote and quote.endswith("…") and len(quote) < 450
