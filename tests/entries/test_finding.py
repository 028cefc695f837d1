import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from journal.extensions import db

START = datetime(2026, 6, 1, 12, tzinfo=UTC)


def titles(page: str) -> list[str]:
    block = page.split('<ul class="item-list entries">', 1)[-1].split("</ul>", 1)[0]
    return re.findall(r'<a href="/entries/[0-9a-f-]{36}">([^<]+)</a>', block)


def search(client, **fields):
    data = {"page": "1", **fields}
    return client.post_form("/entries", data, follow_redirects=True)


def test_themes_filter_by_the_six_domains_old_themes_included(client, patient, journal):
    journal.entry(patient.id, title="Old breakthrough", theme="breakthrough", created_at=START)  # a version-1 theme
    journal.entry(patient.id, title="Grounded", theme="grounding", created_at=START + timedelta(days=1))
    journal.entry(patient.id, title="Outdoors", theme="nature", created_at=START + timedelta(days=2))
    page = client.get("/entries").get_data(as_text=True)
    menu = page.split('name="theme"', 1)[1].split("</select>", 1)[0]
    assert re.findall(r'<option[^>]*value="(\w*)"', menu) == [
        "",
        "mind",
        "body",
        "spirit",
        "relationships",
        "lifestyle",
        "nature",
    ]
    assert titles(search(client, theme="mind").get_data(as_text=True)) == ["Old breakthrough"]
    assert titles(search(client, theme="body").get_data(as_text=True)) == ["Grounded"]
    assert titles(search(client, theme="nature").get_data(as_text=True)) == ["Outdoors"]
    assert titles(search(client, theme="spirit").get_data(as_text=True)) == []


def test_newest_first_in_pages_of_twenty(client, patient, journal):
    for day in range(25):
        journal.entry(patient.id, title=f"Day {day:02d}", created_at=START + timedelta(days=day))
    first = client.get("/entries").get_data(as_text=True)
    assert titles(first) == [f"Day {day:02d}" for day in range(24, 4, -1)]
    assert "Page 1 of 2" in first
    assert titles(client.get("/entries?page=2").get_data(as_text=True)) == [
        f"Day {day:02d}" for day in range(4, -1, -1)
    ]
    assert titles(client.get("/entries?page=abc").get_data(as_text=True))[0] == "Day 24"


def test_filter_by_session_theme_tag_and_dates(client, patient, journal):
    session_id = journal.session(patient.id)
    journal.entry(patient.id, title="Tied", session_id=session_id, created_at=START)
    journal.entry(patient.id, title="Bodily", theme="body", tags=["Sleep"], created_at=START + timedelta(days=2))
    journal.entry(patient.id, title="Later", tags=["work"], created_at=START + timedelta(days=10))
    assert titles(client.get(f"/entries?session={session_id}").get_data(as_text=True)) == ["Tied"]
    assert titles(search(client, theme="body").get_data(as_text=True)) == ["Bodily"]
    assert titles(search(client, tag="Sleep").get_data(as_text=True)) == ["Bodily"]
    between = search(client, date_from="2026-06-02", date_to="2026-06-05").get_data(as_text=True)
    assert titles(between) == ["Bodily"]
    assert titles(client.get("/entries?date_from=2026-06-09").get_data(as_text=True)) == ["Later"]


def test_search_finds_words_anywhere_in_my_entries_only(client, patient, make_user, journal):
    journal.entry(patient.id, "The lake was still and silver.", title="Lake")
    journal.entry(patient.id, "Work was loud.", title="Office", tags=["Silver lining"])
    journal.entry(make_user().id, "another person's silver lake", title="Not mine")
    assert titles(search(client, q="SILVER lake").get_data(as_text=True)) == ["Lake"]
    assert sorted(titles(search(client, q="silver").get_data(as_text=True))) == ["Lake", "Office"]
    assert titles(search(client, q="nothing like this").get_data(as_text=True)) == []


def test_search_words_never_come_from_the_url(client, patient, journal):
    journal.entry(patient.id, "lake", title="Lake")
    journal.entry(patient.id, "office", title="Office")
    page = client.get("/entries?q=lake&tag=x").get_data(as_text=True)
    assert sorted(titles(page)) == ["Lake", "Office"]
    assert 'method="post"' in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date_from": "27/11/2026"}, "like 2026-11-27"),
        ({"date_from": "2026-02-30"}, "like 2026-11-27"),
        ({"date_from": "2026-06-10", "date_to": "2026-06-01"}, "before the start date"),
        ({"tag": "never used"}, "Not a valid choice"),
    ],
)
def test_bad_filters_are_explained(client, patient, journal, fields, message):
    journal.entry(patient.id)
    response = search(client, **fields)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def count_queries(app, client, request):
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        response = request(client)
        assert response.status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)


@pytest.mark.parametrize(
    "request_list",
    [
        lambda client: client.get("/entries"),
        lambda client: client.get("/entries?page=2"),
        lambda client: client.post_form("/entries", {"q": "words", "tag": "calm", "page": "1"}, follow_redirects=True),
    ],
    ids=["list", "page-2", "search"],
)
def test_the_list_runs_a_fixed_number_of_queries(app, client, patient, journal, request_list):
    session_id = journal.session(patient.id)
    for _ in range(23):  # two pages already, so page 2 has entries (and their sessions) to show both times
        journal.entry(patient.id, "some words", tags=["calm"], session_id=session_id)
    few = count_queries(app, client, request_list)
    for _ in range(40):
        journal.entry(patient.id, "some words", tags=["calm"], session_id=journal.session(patient.id))
    many = count_queries(app, client, request_list)
    assert few == many, (few, many)


def cost(app, client, monkeypatch, request) -> tuple[int, int, int]:
    """Queries run, rows decrypted and rows loaded as objects by one request."""
    from journal import crypto

    decrypted, loaded = [], []
    unseal = crypto.unseal
    monkeypatch.setattr(crypto, "unseal", lambda *args, **kwargs: decrypted.append(1) or unseal(*args, **kwargs))

    def count_load(target, context):
        loaded.append(1)

    event.listen(db.Model, "load", count_load, propagate=True)
    try:
        queries = count_queries(app, client, request)
    finally:
        event.remove(db.Model, "load", count_load)
        monkeypatch.setattr(crypto, "unseal", unseal)
    return queries, len(decrypted), len(loaded)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/entries",
        "/entries?page=2",
        "search",
        "tag",
        "theme",
        "entry",
        "session",
        "/sessions",
    ],
)
def test_patient_pages_cost_the_same_for_41_or_100_entries(app, client, patient, journal, monkeypatch, url):
    """Flat pages: no query and no decryption in proportion to the journal (41: two full pages already)."""
    session_id = journal.session(patient.id)
    first = journal.entry(
        patient.id,
        "river stone",
        tags=["calm"],
        theme="body",
        session_id=session_id,
        prompt_set="same_day",
        created_at=START,
    )
    requests = {
        "search": lambda c: c.post_form("/entries", {"q": "river sto", "page": "1"}, follow_redirects=True),
        "tag": lambda c: c.post_form("/entries", {"tag": "calm", "page": "1"}, follow_redirects=True),
        "theme": lambda c: c.post_form("/entries", {"theme": "body", "page": "1"}, follow_redirects=True),
        "entry": lambda c: c.get(f"/entries/{first}"),
        "session": lambda c: c.get(f"/sessions/{session_id}"),
    }
    request = requests.get(url, lambda c: c.get(url))

    def add(count: int) -> None:
        for day in range(count):
            journal.entry(
                patient.id,
                f"river stone {day}",
                tags=["calm", f"t{day % 5}"],
                theme="body",
                session_id=session_id,
                created_at=START + timedelta(days=day + 1),
            )

    add(40)
    few = cost(app, client, monkeypatch, request)
    add(59)
    many = cost(app, client, monkeypatch, request)
    assert few == many, (few, many)


@pytest.mark.parametrize(
    "query",
    [
        "page=99999999999999999999999",
        "page=²",
        "date_to=9999-12-31",
        "date_from=0001-01-01",
        "date_from=2026-06-01&date_to=2026-06-30&page=-3",
    ],
)
def test_odd_list_parameters_never_crash(client, patient, journal, query):
    journal.entry(patient.id)
    assert client.get(f"/entries?{query}").status_code in (200, 422)


def test_the_list_names_sessions_by_their_plain_columns(app, client, patient, journal, monkeypatch):
    """Naming sessions in the filter menu decrypts only those whose medicine is "other"."""
    from journal.models import Medicine

    journal.entry(patient.id)
    journal.session(patient.id, medicine=Medicine.OTHER, medicine_other="Ibogaine")
    few = cost(app, client, monkeypatch, lambda c: c.get("/entries"))[:2]  # queries, decrypted
    for _ in range(10):
        journal.session(patient.id)
    many = cost(app, client, monkeypatch, lambda c: c.get("/entries"))[:2]
    assert few == many, (few, many)
    assert "Ibogaine" in client.get("/entries").get_data(as_text=True)


def test_the_list_reads_no_more_rows_for_a_longer_journal(app, make_user, journal):
    """Its page count comes from the sealed summary: counting a 400-entry journal read every entry."""
    from tests import db_work
    from tests.conftest import login_client

    db_work.sqlite_only(app)
    work = []
    for name, size in (("short", 25), ("long", 400)):
        owner = make_user(email=f"{name}@example.org").id
        for day in range(size):
            journal.entry(owner, created_at=START + timedelta(days=day))
        client = login_client(app, f"{name}@example.org")
        work.append(db_work.sqlite_steps(app, lambda c=client: c.get("/entries"), per=100))
        assert f"{size} entries." in client.get("/entries").get_data(as_text=True)
    assert work[1] <= work[0] * 1.2 + 2, work
