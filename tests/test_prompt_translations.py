"""The prompt library is translatable: its extractor finds every text of ``prompts.json`` a patient reads, the
editor asks in the reader's language, and an entry keeps each question in the language it was asked in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from sqlalchemy import select

from journal import i18n
from journal.entries.services import open_entry
from journal.extensions import db
from journal.models import Entry, User
from journal.prompts import Library, library
from tests.conftest import login_client
from tests.entries.test_views import editor_fields

ROOT = Path(__file__).resolve().parent.parent
PROMPTS = ROOT / "journal" / "data" / "prompts.json"
EXTRACTOR = "journal.i18n_extract:extract_prompts"


def read_texts(lib: Library) -> set[str]:
    """Every text of the library a page shows: domain names, and each set's name, introduction and questions
    with their medicine variants and looking-back wording."""
    texts = set(lib.domains.values())
    for prompt_set in lib.sets:
        texts |= {prompt_set.name, prompt_set.intro, *prompt_set.intro_variants.values()}
        for prompt in prompt_set.prompts:
            texts |= {prompt.text, *prompt.variants.values()}
        if prompt_set.late:
            late = prompt_set.late
            texts |= {late["name"], late["intro"], *late.get("prompts", {}).values()}
    return texts


def extracted() -> list[tuple[int, str, list[str], str | None]]:
    return extract_from_file(EXTRACTOR, PROMPTS)


def test_babel_cfg_extracts_the_prompt_library_with_its_extractor():
    with (ROOT / "babel.cfg").open() as source:
        method_map, _options = parse_mapping_cfg(source)
    assert ("journal/data/prompts.json", EXTRACTOR) in method_map


def test_the_extractor_finds_every_prompt_in_prompts_json():
    messages = {message for _line, message, _comments, _context in extracted()}
    raw = json.loads(PROMPTS.read_text(encoding="utf-8"))
    every_question = {prompt["text"] for prompt_set in raw["sets"] for prompt in prompt_set["prompts"]}
    assert every_question <= messages
    missing = read_texts(library()) - messages
    assert not missing, missing
    assert "" not in messages


def test_each_message_says_where_it_comes_from_and_points_at_its_line():
    lines = PROMPTS.read_text(encoding="utf-8").splitlines()
    for line, message, comments, context in extracted():
        assert context is None and comments and comments[0]
        assert json.dumps(message, ensure_ascii=False) in lines[line - 1], (line, message)


# A language the app does not ship, with a catalog made here: the tests never depend on the real catalogs.
LOCALE = "fr"
FRENCH = {
    "Same day": "Le jour même",
    "How does your body feel right now?": "Comment votre corps se sent-il en ce moment ?",
    "Mind": "Esprit",
}


@pytest.fixture
def french(app, backend, tmp_path, monkeypatch):
    if backend != "sqlite":
        pytest.skip("the words on a page do not depend on the database")
    catalog = Catalog(locale=LOCALE)
    for english, french in FRENCH.items():
        catalog.add(english, french)
    folder = tmp_path / LOCALE / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.mo").open("wb") as target:
        write_mo(target, catalog)
    monkeypatch.setitem(i18n.LANGUAGES, LOCALE, "Français")
    settings = app.extensions["babel"]
    monkeypatch.setattr(settings, "translation_directories", [str(tmp_path), *settings.translation_directories])
    with app.app_context():  # loaded afresh, from the folder above
        cache = i18n.babel.domain_instance.cache
    cache.pop((LOCALE, "messages"), None)
    yield app
    cache.pop((LOCALE, "messages"), None)


def set_locale(app, user_id: int, locale: str) -> None:
    with app.app_context():
        db.session.get(User, user_id).locale = locale
        db.session.commit()


def test_a_new_entry_asks_and_keeps_its_questions_in_the_language_they_were_asked_in(french, make_user, journal):
    user = make_user(email="fr@example.org", locale=LOCALE)
    client = login_client(french, "fr@example.org")
    session_id = journal.session(user.id)
    url = f"/entries/new?session={session_id}&set=same_day"
    page = client.get(url, follow_redirects=True).get_data(as_text=True)
    asked, english = FRENCH["How does your body feel right now?"], "How does your body feel right now?"
    assert asked in page and english not in page
    assert f'value="{FRENCH["Same day"]} · ' in page  # the title it proposes
    response = client.post_form(url, {**editor_fields(page), "answer_0": "lourd", "session_id": str(session_id)})
    assert response.status_code == 302
    with french.app_context():
        entry = open_entry(db.session.scalar(select(Entry)))
    assert entry.content.answers[0].prompt == asked  # stored as it was asked
    # Read later in English: the question stays the one that was answered.
    set_locale(french, user.id, "en")
    shown = client.get(f"/entries/{entry.id}").get_data(as_text=True)
    assert asked in shown and english not in shown
    # A new entry in English asks in English; the timeline names the set in the reader's language.
    assert english in client.get(url, follow_redirects=True).get_data(as_text=True)
    set_locale(french, user.id, LOCALE)
    assert FRENCH["Same day"] in client.get(f"/sessions/{session_id}").get_data(as_text=True)


def test_an_older_entry_keeps_its_english_questions_for_a_reader_in_another_language(french, make_user, journal):
    user = make_user(email="en@example.org", locale="en")
    client = login_client(french, "en@example.org")
    session_id = journal.session(user.id)
    url = f"/entries/new?session={session_id}&set=same_day"
    page = client.get(url, follow_redirects=True).get_data(as_text=True)
    response = client.post_form(url, {**editor_fields(page), "answer_0": "heavy", "session_id": str(session_id)})
    set_locale(french, user.id, LOCALE)
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "How does your body feel right now?" in shown
    assert FRENCH["How does your body feel right now?"] not in shown
    # The edit page asks the entry's own questions, not the library's in today's language.
    edit = client.get(f"{response.headers['Location']}/edit").get_data(as_text=True)
    assert "How does your body feel right now?" in edit
    assert FRENCH["How does your body feel right now?"] not in edit
    # The theme filter names the library's domains in the reader's language.
    assert FRENCH["Mind"] in client.get("/entries").get_data(as_text=True)
