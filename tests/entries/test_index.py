"""The blind index and the sealed tag summary: right answers, kept in step, and nothing in the clear."""

import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from journal import vault
from journal.entries import index
from journal.entries.content import Answer, CheckIn, EntryContent
from journal.entries.services import (
    EntryFilters,
    delete_forever,
    find_entries,
    open_entry,
    purge_expired_trash,
    restore_entry,
    trash_entry,
    update_entry,
)
from journal.extensions import db
from journal.models import Entry, EntryTerm, JournalSummary
from tests.entries.test_finding import search, titles

START = datetime(2026, 3, 1, 9, tzinfo=UTC)
CORPUS = {
    "Café": "Coffee at the café by the river, a quiet start.",
    "Riverbank": "I sat on the RIVERBANK and watched the stones.",
    "Naïve": "A naïve hope, maybe; still it felt true.",
    "Stone": "Every river stone was warm in my hand.",
    "Long": "It felt transformationally different this time.",
    "Longer": "A transformationalist would say so.",
    "Tagged": "Nothing else in here.",
}
QUERIES = [
    "cafe",
    "CAFÉ",
    "caf",
    "river",
    "riv",
    "RIVER stone",
    "naive",
    "NAÏVE hope",
    "a",
    "at",
    "iver",
    "stones",
    "transformational",
    "transformationally",
    "transformationalist",
    "sleep",
    "zzz",
    "hand warm",
]


def reference(text: str, query: str) -> bool:
    """Search as documented, written independently: each query word starts a word (short ones: is one)."""

    def fold(value: str) -> list[str]:
        plain = "".join(c for c in unicodedata.normalize("NFKD", value.casefold()) if not unicodedata.combining(c))
        return "".join(c if c.isalnum() else " " for c in plain).split()

    have = fold(text)
    return all(word in have if len(word) < 3 else any(w.startswith(word) for w in have) for word in fold(query))


def find(owner_id: int, size: int = 100, page: int = 1, **filters) -> list[str]:
    return [view.title for view in find_entries(owner_id, EntryFilters(**filters), page=page, size=size).items]


def terms_in_db(owner_id: int) -> dict:
    rows = db.session.execute(
        select(EntryTerm.entry_id, EntryTerm.term)
        .join(Entry, Entry.id == EntryTerm.entry_id)
        .where(Entry.owner_id == owner_id)
    )
    found: dict = {}
    for entry_id, term in rows:
        found.setdefault(entry_id, set()).add(term)
    return found


def assert_in_step(owner_id: int) -> None:
    """The index and the summary say exactly what a full decryption of the journal says."""
    db.session.expire_all()
    entries = [open_entry(row) for row in db.session.scalars(select(Entry).where(Entry.owner_id == owner_id))]
    expected_terms = {e.id: index.blind(owner_id, index.entry_labels(e.content)) for e in entries}
    assert terms_in_db(owner_id) == {key: value for key, value in expected_terms.items() if value}
    expected_tags: dict = {}
    for entry in entries:
        if entry.row.is_live:
            for tag in entry.content.tags:
                expected_tags[tag.casefold()] = expected_tags.get(tag.casefold(), 0) + 1
    assert dict(index.tag_counts(owner_id)) == expected_tags
    live = sum(1 for entry in entries if entry.row.is_live)
    assert index._read(index._summary(owner_id, lock=False))[1] == live  # kept, not counted again
    assert index.live_entries(owner_id) == live


@pytest.fixture
def corpus(app, make_user, journal):
    owner = make_user()
    for day, (title, text) in enumerate(CORPUS.items()):
        journal.entry(
            owner.id,
            text,
            title=title,
            created_at=START + timedelta(days=day),
            tags=["Sleep"] if title == "Tagged" else [],
        )
    return owner


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_what_a_plaintext_scan_finds(app, corpus, query):
    expected = [
        title
        for title, text in reversed(CORPUS.items())
        if reference(text + ("\nSleep" if title == "Tagged" else ""), query)
    ]
    with app.app_context():
        assert find(corpus.id, query=query) == expected


def test_folding_prefixes_and_long_words(app, corpus):
    with app.app_context():
        assert find(corpus.id, query="CAFE") == ["Café"]
        assert find(corpus.id, query="riv") == ["Stone", "Riverbank", "Café"]
        assert find(corpus.id, query="iver") == []  # words match from their start, not inside
        # Both share the longest indexed prefix; the plaintext tells them apart.
        assert find(corpus.id, query="transformationally") == ["Long"]
        assert find(corpus.id, query="transformational") == ["Longer", "Long"]


def test_results_are_newest_first_and_paged(app, make_user, journal):
    owner = make_user()
    for day in range(25):
        journal.entry(owner.id, f"river day {day}", title=f"Day {day:02d}", created_at=START + timedelta(days=day))
    journal.entry(owner.id, "no match here", title="Other", created_at=START + timedelta(days=30))
    with app.app_context():
        first = find_entries(owner.id, EntryFilters(query="river"), page=1)
        assert first.total == 25 and first.pages == 2
        assert [v.title for v in first.items] == [f"Day {d:02d}" for d in range(24, 4, -1)]
        assert find(owner.id, size=20, page=2, query="river") == [f"Day {d:02d}" for d in range(4, -1, -1)]


def test_words_tag_theme_and_plain_filters_combine(app, make_user, journal):
    owner = make_user()
    journal.entry(owner.id, "calm river", title="Both", tags=["Calm"], theme="body", created_at=START)
    journal.entry(owner.id, "calm river", title="No tag", theme="body", created_at=START + timedelta(days=1))
    journal.entry(
        owner.id, "calm lake", title="Lake", tags=["calm"], theme="body", created_at=START + timedelta(days=2)
    )
    with app.app_context():
        assert find(owner.id, query="river", tag="CALM", domain="body") == ["Both"]
        assert find(owner.id, tag="calm") == ["Lake", "Both"]
        assert find(owner.id, query="calm", start=START + timedelta(hours=1)) == ["Lake", "No tag"]


def edit(row_id, *, tags=(), text="edited"):
    row = db.session.get(Entry, row_id)
    content = EntryContent(title="Edited", answers=[Answer(None, None, None, text)], tags=list(tags))
    update_entry(row, expected_version=row.version, content=content, checkin=CheckIn(), session_id=None)


def test_index_and_summary_stay_in_step_through_every_write(app, make_user, journal, clock):
    clock(START)
    owner = make_user()
    first = journal.entry(owner.id, "river stone", tags=["Calm", "work"])
    second = journal.entry(owner.id, "lake", tags=["calm"])
    third = journal.entry(owner.id, "forest", tags=["grief"])
    with app.app_context():
        assert_in_step(owner.id)
        assert index.tag_menu(owner.id) == ["calm", "grief", "work"]

        edit(first, tags=["Calm", "hope"], text="mountain path")
        assert_in_step(owner.id)
        assert find(owner.id, query="river") == [] and find(owner.id, query="mount") == ["Edited"]
        assert index.tag_menu(owner.id) == ["Calm", "grief", "hope"]

        trash_entry(db.session.get(Entry, third))
        assert_in_step(owner.id)
        assert "grief" not in index.tag_menu(owner.id)
        assert find(owner.id, query="forest") == [] and find(owner.id, tag="grief") == []

        restore_entry(db.session.get(Entry, third))
        assert_in_step(owner.id)
        assert "grief" in index.tag_menu(owner.id) and find(owner.id, query="forest") == ["Morning"]

        trash_entry(db.session.get(Entry, third))
        delete_forever(db.session.get(Entry, third))
        assert_in_step(owner.id)
        assert third not in terms_in_db(owner.id)

        trash_entry(db.session.get(Entry, second))
        clock(START + timedelta(days=31))
        assert purge_expired_trash(owner.id) == 1
        assert_in_step(owner.id)
        assert set(terms_in_db(owner.id)) == {first}
        assert dict(index.tag_counts(owner.id)) == {"calm": 1, "hope": 1}


def test_the_menu_forgets_a_trashed_tag_and_remembers_it_on_restore(client, patient, journal):
    kept = journal.entry(patient.id, tags=["sleep"])
    journal.entry(patient.id, tags=["Sleep", "grief"])
    gone = journal.entry(patient.id, tags=["grief"])
    assert '<option value="grief">' in client.get("/entries").get_data(as_text=True)
    client.post_form(f"/entries/{gone}/delete")
    client.post_form(f"/entries/{kept}/delete")
    page = client.get("/entries").get_data(as_text=True)
    assert '<option value="grief">' in page and '<option value="Sleep">' in page
    client.post_form(f"/trash/{kept}/restore")
    assert '<option value="sleep">' in client.get("/entries").get_data(as_text=True)


def test_no_word_or_tag_is_stored_in_the_clear(app, make_user, journal):
    owner = make_user()
    journal.entry(owner.id, "Marmalade crocodile", tags=["Zeppelin"], theme="body")
    with app.app_context():
        terms = db.session.scalars(select(EntryTerm.term)).all()
        sealed = db.session.scalars(select(JournalSummary.sealed)).all()
    assert terms and sealed and all(len(term) == index.TERM_BYTES for term in terms)
    blob = b"".join(terms + sealed)
    for word in ("marmalade", "marm", "crocodile", "croc", "zeppelin", "zepp", "body"):
        for form in (word, word.title(), word.upper()):
            assert form.encode() not in blob


def test_the_same_word_gives_other_terms_for_another_user(app, make_user, journal):
    alice, bob = make_user(), make_user()
    journal.entry(alice.id, "river stone", tags=["calm"])
    journal.entry(bob.id, "river stone", tags=["calm"])
    with app.app_context():
        alices, bobs = terms_in_db(alice.id), terms_in_db(bob.id)
        assert len(next(iter(alices.values()))) == len(next(iter(bobs.values())))
        assert not set.union(*alices.values()) & set.union(*bobs.values())
        assert find(alice.id, query="river") == ["Morning"] and find(bob.id, query="calm") == ["Morning"]


def test_master_key_rotation_changes_no_data_key_and_no_term(app, runner, make_user, journal):
    """`keys rotate` rewraps data keys without changing them, so the derived index key and every term stay."""
    owner = make_user()
    journal.entry(owner.id, "river stone", tags=["calm"])
    with app.app_context():
        key_before, index_key_before = vault.data_key(owner.id), vault.index_key(owner.id)
        terms_before = terms_in_db(owner.id)
    result = runner.invoke(args=["keys", "rotate"])
    assert result.exit_code == 0, result.output
    with app.app_context():  # a new context: keys are unwrapped again, with the new master key
        assert vault.data_key(owner.id) == key_before
        assert vault.index_key(owner.id) == index_key_before
        assert terms_in_db(owner.id) == terms_before
        assert find(owner.id, query="riv", tag="calm") == ["Morning"]


def forget_index() -> None:
    """Put the database back as an upgrade from before the index leaves it."""
    db.session.execute(delete(EntryTerm))
    db.session.execute(delete(JournalSummary))
    db.session.commit()


def test_a_journal_from_before_the_index_is_built_on_its_first_visit(app, client, patient, journal):
    journal.entry(patient.id, "river stone", tags=["calm"])
    with app.app_context():
        forget_index()
    assert '<option value="calm">' in client.get("/entries").get_data(as_text=True)
    assert titles(search(client, q="rive").get_data(as_text=True)) == ["Morning"]
    with app.app_context():
        assert_in_step(patient.id)


def test_a_first_save_after_the_upgrade_indexes_the_whole_journal(app, make_user, journal):
    owner = make_user()
    journal.entry(owner.id, "river stone", tags=["calm"])
    with app.app_context():
        forget_index()
    journal.entry(owner.id, "lake", tags=["calm"])
    with app.app_context():
        assert_in_step(owner.id)
        assert index.tag_counts(owner.id) == {"calm": 2}


def test_reindex_command_rebuilds_every_journal(app, runner, make_user, journal):
    owners = [make_user(), make_user()]
    for owner in owners:
        journal.entry(owner.id, "river stone", tags=["calm"])
    with app.app_context():
        forget_index()
    result = runner.invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    assert "2 journals" in result.output
    with app.app_context():
        for owner in owners:
            assert_in_step(owner.id)


def test_a_summary_from_before_the_count_counts_and_learns_it_on_the_next_write(app, make_user, journal):
    from journal.vault import seal_row

    owner = make_user()
    journal.entry(owner.id, "river stone", tags=["calm"])
    journal.entry(owner.id, "lake")
    with app.app_context():
        summary = index._summary(owner.id, lock=False)
        seal_row(summary, {"tags": index._read(summary)[0]})  # as sealed before "live" was kept
        db.session.commit()
        assert index._read(summary)[1] is None and index.live_entries(owner.id) == 2
    third = journal.entry(owner.id, "forest")
    with app.app_context():
        assert_in_step(owner.id)
        trash_entry(db.session.get(Entry, third))
        assert_in_step(owner.id)
        assert index.live_entries(owner.id) == 2


def test_an_untitled_entry_shows_its_opening_words_in_the_authors_list(app, client, patient, journal):
    journal.entry(patient.id, "Woke early and   walked to the harbour. " * 10, title="", created_at=START)
    journal.entry(patient.id, "Words under a title stay on the entry's page.", title="Titled", created_at=START)
    page = client.get("/entries").get_data(as_text=True)
    assert "Untitled entry</a>" in page and '<p class="excerpt">Woke early and walked to the harbour.' in page
    assert "Words under a title" not in page
