"""Which language a person gets, and what is written in it: pages, dates, the crisis card, mail and the PDF.

Expected words are read from the shipped catalogs (``translated``), so these tests say "in Spanish" without
holding a second copy of the Spanish.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from babel.support import Translations

from journal import i18n
from journal.extensions import db
from journal.models import User
from journal.timezones import format_local
from tests.conftest import login_client


def translated(locale: str, message: str) -> str:
    """``message`` as the shipped catalog of ``locale`` has it; fails if it is not translated there."""
    catalog = Translations.load(str(i18n.TRANSLATIONS), [locale])
    text = catalog.gettext(message)
    assert text != message or locale == "en", f"{message!r} is not translated in {locale}"
    return text


@pytest.mark.parametrize(
    ("code", "locale"),
    [("es", "es"), ("es-MX", "es"), ("pt-BR", "pt_BR"), ("pt", "pt_BR"), ("pt-PT", "pt_BR"), ("de-AT", "de"),
     ("ar-EG", "ar"), ("en-GB", "en"), ("fr", None), ("", None), (None, None)],
)  # fmt: skip
def test_a_language_code_means_the_shipped_language_nearest_to_it(code, locale):
    assert i18n.supported(code) == locale


@pytest.mark.parametrize(
    ("header", "expected"),
    [("es-ES,es;q=0.9,en;q=0.8", "es"), ("fr-FR,fr;q=0.9,de;q=0.7", "de"), ("fr", "en"), ("", "en"),
     ("pt-BR", "pt_BR"), ("ar", "ar")],
)  # fmt: skip
def test_without_a_setting_the_browser_chooses_then_english(client, header, expected):
    page = client.get("/login", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{i18n.html_lang(expected)}" dir="{"rtl" if expected == "ar" else "ltr"}">' in page


def test_a_persons_own_setting_wins_over_the_browser(app, client, make_user):
    make_user(email="p@example.org", locale="de")
    client = login_client(app, "p@example.org")
    page = client.get("/", headers={"Accept-Language": "es"}).get_data(as_text=True)
    assert '<html lang="de" dir="ltr">' in page


SETTINGS = {"display_name": "Pat", "time_zone": "UTC", "clock": "24h", "paper_size": "a4", "crisis_region": ""}


def test_the_language_is_chosen_in_settings_and_kept(app, patient, client):
    form = client.get("/settings").get_data(as_text=True)
    assert 'name="locale"' in form and "Español" in form and "العربية" in form
    page = client.post_form("/settings", {**SETTINGS, "locale": "ar"}, follow_redirects=True)
    assert '<html lang="ar" dir="rtl">' in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, patient.id).locale == "ar"


def test_an_unknown_language_is_refused_and_nothing_changes(app, patient, client):
    response = client.post_form("/settings", {**SETTINGS, "locale": "xx"})
    assert response.status_code == 422
    with app.app_context():
        assert db.session.get(User, patient.id).locale is None


def test_sign_up_offers_the_page_language_and_keeps_the_choice(app, client):
    form = client.get("/register", headers={"Accept-Language": "pt-BR"}).get_data(as_text=True)
    assert '<option selected value="pt_BR">' in form or 'selected value="pt_BR"' in form
    client.post_form(
        "/register",
        {"email": "new@example.org", "display_name": "Ana", "new_password": "a long path through the pines",
         "confirm_password": "a long path through the pines", "time_zone": "America/Sao_Paulo", "locale": "pt_BR"},
    )  # fmt: skip
    with app.app_context():
        assert db.session.query(User).filter_by(email="new@example.org").one().locale == "pt_BR"


@pytest.mark.parametrize(
    ("locale", "shown"),
    [("en", "3 December 2026, 15:30"), ("de", "3. Dezember 2026, 15:30"), ("es", "3 de diciembre de 2026, 15:30"),
     ("pt_BR", "3 de dezembro de 2026 15:30")],
)  # fmt: skip
def test_dates_are_written_the_way_each_language_writes_them(app, locale, shown):
    with app.test_request_context(), i18n.speaking(locale):
        moment = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)
        assert format_local(moment, "Europe/Berlin", "%-d %B %Y, %H:%M") == shown
        assert format_local(moment, "UTC", "%Y-%m-%d %H:%M:%S") == "2026-12-03 14:30:00"  # a machine's format


def test_a_german_user_sees_german_dates_on_their_pages(app, make_user, journal):
    user = make_user(email="p@example.org", locale="de", time_zone="Europe/Berlin")
    entry_id = journal.entry(user.id, created_at=datetime(2026, 6, 1, 18, 30, tzinfo=UTC))
    page = login_client(app, "p@example.org").get(f"/entries/{entry_id}").get_data(as_text=True)
    assert "1. Juni 2026" in page and "1 June 2026" not in page


@pytest.mark.parametrize("locale", ["es", "pt_BR", "de", "ar"])
def test_the_login_page_and_the_help_page_are_in_the_browsers_language(client, locale):
    headers = {"Accept-Language": locale.replace("_", "-")}
    login = client.get("/login", headers=headers).get_data(as_text=True)
    assert translated(locale, "Log in") in login
    help_page = client.get("/help", headers=headers).get_data(as_text=True)
    assert translated(locale, "Need help now?") in help_page


def test_a_lazy_message_is_escaped_like_any_text(app):
    """Flask-Babel's lazy strings call themselves safe HTML; here they are text: a translation or a filled-in
    value holding markup is printed as characters."""
    from flask import render_template_string
    from flask_babel import lazy_gettext

    with app.test_request_context():
        label = lazy_gettext("Hello %(name)s", name="<b>Robin</b>")
        assert render_template_string("{{ label }}", label=label) == "Hello &lt;b&gt;Robin&lt;/b&gt;"


def test_a_spanish_browser_gets_its_journal_its_crisis_card_and_its_pdf_in_spanish(app, make_user):
    """No language chosen: the browser's Spanish reaches the journal, the card after a risky save (the words read
    in Spanish too) and the PDF the person downloads."""
    import io

    from pypdf import PdfReader

    from tests.entries.test_views import editor_fields

    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es-ES,es;q=0.9"
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    assert '<html lang="es"' in page and translated("es", "Journal") in page
    saved = client.post_form(
        "/entries/new", {**editor_fields(page), "answer_0": "ya no aguanto mas, esta noche me quiero matar"}
    )
    card = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert translated("es", "You don't have to carry this alone").replace("'", "&#39;") in card
    pdf = client.post_form("/export", {"scope": "all", "paper_size": "a4"})
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert translated("es", "Contents") in text
