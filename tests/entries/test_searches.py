"""A search answers with a redirect to a kept, sealed search: Back works, words stay out of URLs."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from journal.extensions import db
from journal.models import SavedSearch
from journal.vault import unseal_row
from tests.conftest import login_client
from tests.entries.test_finding import START, titles


def search(client, **fields):
    return client.post_form("/entries", {"page": "1", **fields})


def test_a_search_redirects_to_its_results_and_back_shows_them_again(app, client, patient, journal):
    journal.entry(patient.id, "the river stone was warm", title="Stone", created_at=START)
    journal.entry(patient.id, "nothing here", title="Other", created_at=START + timedelta(days=1))
    response = search(client, q="river stone")
    assert response.status_code == 303
    address = response.headers["Location"]
    assert address.startswith("/entries?search=") and "river" not in address and "stone" not in address
    assert all("river" not in cookie.value for cookie in client._cookies.values())
    for _ in range(2):  # the first visit, then Back or reload: a GET, the same results
        page = client.get(address)
        assert page.status_code == 200 and titles(page.get_data(as_text=True)) == ["Stone"]
    assert 'value="river stone"' in page.get_data(as_text=True)  # the form still holds the words
    with app.app_context():
        row = db.session.scalar(select(SavedSearch))
        assert b"river" not in row.sealed and unseal_row(row)["fields"]["q"] == "river stone"


def test_results_show_an_excerpt_with_the_matched_words_marked(client, patient, journal):
    text = (
        "It was a slow morning and I sat for a long time by the window. " * 2
        + "Then I remembered the <river> stone my grandmother gave me, and how warm it felt."
    )
    journal.entry(patient.id, text, title="Morning", created_at=START)
    page = client.get(search(client, q="river gran").headers["Location"]).get_data(as_text=True)
    excerpt = page.split('<p class="excerpt">', 1)[1].split("</p>", 1)[0]
    assert excerpt.startswith("… ") and "<mark>river</mark>" in excerpt and "<mark>grandmother</mark>" in excerpt
    assert "&lt;<mark>river</mark>&gt;" in excerpt  # the writer's own angle brackets stay text


def test_pages_of_a_search_are_links_that_keep_it(client, patient, journal):
    for day in range(25):
        journal.entry(patient.id, f"river day {day}", title=f"Day {day:02d}", created_at=START + timedelta(days=day))
    address = search(client, q="river").headers["Location"]
    first = client.get(address).get_data(as_text=True)
    search_id = address.split("search=", 1)[1].split("&", 1)[0]
    assert f'href="/entries?search={search_id}&amp;page=2"' in first
    second = client.get(f"/entries?search={search_id}&page=2").get_data(as_text=True)
    assert titles(second) == [f"Day {day:02d}" for day in range(4, -1, -1)]


def test_a_search_ends_after_an_hour_and_is_purged(app, client, patient, journal, clock):
    journal.entry(patient.id, "river", title="River", created_at=START)
    clock(datetime(2026, 11, 3, 12, tzinfo=UTC))
    address = search(client, q="river").headers["Location"]
    clock(datetime(2026, 11, 3, 13, 1, tzinfo=UTC))
    page = client.get(address).get_data(as_text=True)
    assert "That search has ended" in page and 'value="river"' not in page
    runner = app.test_cli_runner()
    assert runner.invoke(args=["send-reminders"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SavedSearch)) == 0


def test_someone_elses_search_shows_nothing_of_theirs(app, client, patient, journal, make_user):
    journal.entry(patient.id, "orchard secret", title="Orchard", created_at=START)
    address = search(client, q="orchard").headers["Location"]
    make_user(email="other@example.org")
    other = login_client(app, "other@example.org")
    page = other.get(address).get_data(as_text=True)
    assert "That search has ended" in page and "orchard" not in page.lower()


def test_only_the_latest_searches_are_kept(app, client, patient):
    for n in range(13):
        search(client, q=f"word{n}")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SavedSearch)) == 10


def test_an_invalid_search_answers_at_once_and_keeps_nothing(app, client, patient):
    response = search(client, q="river", date_from="2026-06-09", date_to="2026-06-01")
    assert response.status_code == 422 and "before the start date" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SavedSearch)) == 0
