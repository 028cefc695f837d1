"""Every word a person reads is translated: a pseudo-locale crawl, and complete catalogs.

The crawl extracts the catalog from the code as it is now (``babel.cfg``), turns every message into a
pseudo-translation (each letter accented, "Save" -> "⟦Śàṽé⟧"), serves the app in that language and follows every
link of every page, as nobody, a patient, a therapist and an admin. What people wrote is seeded in accented
letters too, so any plain ASCII word left on a page is a string nobody marked. Text a page shows on purpose
in another language carries its own ``lang`` (a questionnaire's validated wording, a language's own name) or
``translate="no"`` (a crisis line's name), and is left out.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from journal import i18n
from journal.models import Role
from tests.conftest import login_client

ROOT = Path(__file__).resolve().parent.parent
# A locale Babel knows, with non-Latin dates (so a formatted date is no English word), that the app does not
# ship: its catalog is made here, from the code.
PSEUDO = "ru"
ACCENTED = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "àƀçđéƒĝĥîĵķĺɱñöƥʠŕšţüṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖƤɊŔŠŢÜṼŴẊÝŽ",
        strict=True,
    )
)
# Placeholders, markup and entities stay as they are: the app fills them in.
KEPT = re.compile(r"(%\([^)]+\)[sdr]|%[sd%]|<[^>]+>|&#?\w+;|\{[^}]*\})")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
# What may stay in Latin letters: addresses, file and zone names, acronyms (PDF, PHQ-9), numbers with units.
ALLOWED = re.compile(r"\S*[@/]\S*|\S+\.(?:pdf|zip|json|csv|md|txt|png|jpe?g)\b|\b[A-Z]{2,6}(?:-\d+)?s?\b|\S*\d\S*")


def pseudo(text: str) -> str:
    if not text:
        return text
    parts = KEPT.split(text)
    return "⟦" + "".join(p if KEPT.fullmatch(p) else "".join(ACCENTED.get(c, c) for c in p) for p in parts) + "⟧"


def extract(target: Path) -> Catalog:
    """The catalog of the code as it is now (what ``make translations`` extracts)."""
    pot = target / "messages.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_l",
            "-k", "lazy_gettext", "-k", "lazy_ngettext:1,2", "-k", "lazy_pgettext:1c,2", "--no-location",
            "-o", str(pot), ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )  # fmt: skip
    with pot.open("rb") as source:
        return read_po(source)


@pytest.fixture(scope="module")
def pseudo_catalogs(tmp_path_factory) -> Path:
    """A compiled pseudo catalog of every message in the code; returns the translations folder holding it."""
    folder = tmp_path_factory.mktemp("pseudo-translations")
    template = extract(folder)
    catalog = Catalog(locale=PSEUDO)
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            forms = [pseudo(message.id[0])] + [pseudo(message.id[1])] * (catalog.num_plurals - 1)
            catalog.add(message.id, tuple(forms), context=message.context)
        else:
            catalog.add(message.id, pseudo(message.id), context=message.context)
    out = folder / PSEUDO / "LC_MESSAGES"
    out.mkdir(parents=True)
    with (out / "messages.mo").open("wb") as target:
        write_mo(target, catalog)
    return folder


class PageText(HTMLParser):
    """The words a person reads on a page (text and the attributes read aloud or shown), and its links."""

    READ = ("alt", "title", "placeholder", "aria-label", "aria-description", "value")
    SKIPPED = {"script", "style", "template"}

    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang, self.stack, self.words, self.links = page_lang, [], [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        own_words = attributes.get("translate") == "no" or attributes.get("lang", self.page_lang) != self.page_lang
        void = tag in {"input", "img", "meta", "link", "br", "hr", "source", "area", "col", "wbr"}
        quiet = own_words or tag in self.SKIPPED or (self.stack and self.stack[-1][1])
        if not quiet:
            for name in self.READ:
                shown = name != "value" or (tag == "input" and attributes.get("type") in ("submit", "button"))
                if attributes.get(name) and shown:
                    self.words.append((f"{tag}@{name}", attributes[name]))
        if not void:
            self.stack.append((tag, bool(quiet)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip() and not (self.stack and self.stack[-1][1]):
            self.words.append(((self.stack[-1][0] if self.stack else ""), data.strip()))


def untranslated(text: str) -> list[str]:
    return ENGLISH_WORD.findall(ALLOWED.sub(" ", text))


def crawl(client, starts: list[str], limit: int = 400) -> dict[str, list[str]]:
    """Follow every same-site link from ``starts``; return, for each page, the English left on it."""
    seen, queue, found = set(), list(starts), {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        path = urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
        if path in seen or path.startswith(("/static", "/logout")):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code in (301, 302, 303):
            queue.append(response.headers["Location"])
            continue
        if not response.content_type.startswith("text/html"):
            continue
        page = PageText(i18n.html_lang(PSEUDO))
        page.feed(response.get_data(as_text=True))
        left = [f"{where}: {text[:120]!r}" for where, text in page.words if untranslated(text)]
        if left:
            found[path] = left
        queue.extend(urljoin(path, link) for link in page.links if not urlsplit(link).netloc)
    assert len(seen) > 50, seen  # every role reaches about a hundred pages
    return found


ACCENTED_WORDS = "Ŝöɱé ŵöŕðš ŵŕîţţéñ àƀöüţ ţĥé ɱöŕñîñĝ"


@pytest.fixture
def pseudo_app(app, backend, pseudo_catalogs, monkeypatch):
    if backend != "sqlite":
        pytest.skip("the words on a page do not depend on the database")
    monkeypatch.setitem(i18n.LANGUAGES, PSEUDO, "Pseudo")
    settings = app.extensions["babel"]
    monkeypatch.setattr(settings, "translation_directories", [str(pseudo_catalogs), *settings.translation_directories])
    with app.app_context():  # loaded afresh, from the folder above
        i18n.babel.domain_instance.cache.pop((PSEUDO, "messages"), None)
    return app


@pytest.fixture
def people(pseudo_app, make_user, journal, sharing):
    """A patient and a therapist with a little of everything, written in accented letters."""
    patient = make_user(email="p@example.org", display_name="Ŕöƀîñ", locale=PSEUDO)
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Ðŕ. Šàɱ", locale=PSEUDO)
    make_user(Role.ADMIN, email="a@example.org", display_name="Àðɱîñ", locale=PSEUDO)
    sharing.connect(patient.id, therapist.id)
    session_id = journal.session(patient.id, intention=ACCENTED_WORDS)
    for number in range(2):
        entry_id = journal.entry(patient.id, ACCENTED_WORDS, title=f"Ŵàţéŕ {number}", session_id=session_id)
        sharing.share(entry_id, therapist.id)
    client = login_client(pseudo_app, "p@example.org")  # a questionnaire and a safety plan, through their forms
    for name, items in (("phq-9", 9), ("gad-7", 7)):
        answered = client.post_form(f"/measures/{name}/new", {f"item{n}": "2" for n in range(1, items + 1)})
        assert answered.status_code in (302, 303), name
    plan = client.get("/safety-plan").get_data(as_text=True)
    version = re.search(r'name="version"[^>]*value="([^"]*)"', plan)
    sections = {key: ACCENTED_WORDS for key in re.findall(r'<textarea[^>]*name="([a-z_]+)"', plan)}
    client.post_form("/safety-plan", {"version": version.group(1) if version else "", **sections})
    return patient, therapist


@pytest.mark.parametrize("who", ["nobody", "patient", "therapist", "admin"])
def test_pseudo_locale_crawl_finds_no_untranslated_words(pseudo_app, people, who):
    if who == "nobody":
        client = pseudo_app.test_client()
        client.environ_base["HTTP_ACCEPT_LANGUAGE"] = PSEUDO
    else:
        client = login_client(pseudo_app, f"{who[0]}@example.org")
    starts = ["/", "/no-such-page"] + [
        rule.rule
        for rule in pseudo_app.url_map.iter_rules()
        if "GET" in rule.methods and not rule.arguments and rule.endpoint != "static"
    ]
    found = crawl(client, starts)
    report = "\n".join(f"{page}\n    " + "\n    ".join(words) for page, words in sorted(found.items()))
    assert not found, f"{sum(map(len, found.values()))} untranslated strings on {len(found)} pages:\n{report}"


def test_the_crawl_would_see_an_unmarked_word(pseudo_app, people):
    """The check itself: English on a page is found; accented, placeholder and allowed words are not."""
    assert untranslated("Save this entry") == ["Save", "this", "entry"]
    assert untranslated(pseudo("Save %(name)s entry")) == ["name"] or untranslated(pseudo("Save entry")) == []
    assert untranslated("PHQ-9 · p@example.org · Europe/Berlin · 12 MB") == []


SHIPPED = sorted(path.parent.parent.name for path in (ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))


def test_every_shipped_language_has_a_catalog():
    assert set(SHIPPED) == set(i18n.LANGUAGES) - {i18n.DEFAULT_LOCALE}


@pytest.mark.parametrize("locale", SHIPPED)
def test_a_shipped_catalog_is_complete_with_no_empty_or_fuzzy_entry(locale, tmp_path):
    with (ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po").open("rb") as source:
        catalog = read_po(source, locale=locale)
    empty = [m.id for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    missing = [m.id for m in extract(tmp_path) if m.id and catalog.get(m.id, context=m.context) is None]
    assert not missing, f"{len(missing)} messages not in the {locale} catalog (make translations): {missing[:10]}"
    assert not empty, f"{len(empty)} empty in {locale}: {empty[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {locale}: {fuzzy[:10]}"
