"""Languages: which ones the app speaks, which one a request gets, and the direction of its script.

One rule picks the language (``select_locale``): the person's own choice in Settings or at sign-up, then the
browser's ``Accept-Language``, then English. Mail and PDFs are written in their reader's language with
``reader_locale``. Catalogs live in ``translations/`` at the checkout's root (``make translations``); the
compiled ``.mo`` files are built by the install step, never committed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from babel import Locale
from flask import Flask, has_request_context, request
from flask_babel import Babel, force_locale, get_locale
from flask_babel.speaklater import LazyString
from flask_login import current_user
from markupsafe import Markup, escape

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
DEFAULT_LOCALE = "en"
# Every language the app ships, named in itself (a person looks for their own language's name).
LANGUAGES = {
    "en": "English",
    "es": "Español",
    "pt_BR": "Português (Brasil)",
    "de": "Deutsch",
    "ar": "العربية",
}
RIGHT_TO_LEFT = frozenset({"ar"})

babel = Babel()


def _escaped_html(self: LazyString) -> Markup:
    return escape(str(self))


# A lazy message (a form label, a choice) is text like any other and is escaped where a template prints it:
# Flask-Babel's LazyString marks itself safe HTML, which would print a translation's "<" or a filled-in value as
# markup. One rule for every lazy string, in one place.
LazyString.__html__ = _escaped_html


def supported(code: str | None) -> str | None:
    """The shipped locale a code means ("pt", "pt-PT", "pt_BR" -> "pt_BR"; "es-MX" -> "es"), or None."""
    if not code:
        return None
    code = code.replace("-", "_")
    if code in LANGUAGES:
        return code
    base = code.split("_")[0].lower()
    return next((locale for locale in LANGUAGES if locale.split("_")[0] == base), None)


def browser_locale() -> str | None:
    """The first shipped language the browser asks for, in its order of preference."""
    if not has_request_context():
        return None
    for code, _quality in request.accept_languages:
        if (locale := supported(code)) is not None:
            return locale
    return None


def select_locale() -> str:
    """The language of this request: the person's setting, then the browser's, then English."""
    user = current_user._get_current_object() if has_request_context() else None
    chosen = supported(getattr(user, "locale", None)) if user is not None and user.is_authenticated else None
    return chosen or browser_locale() or DEFAULT_LOCALE


def select_timezone() -> str | None:
    """Babel's time zone: the person's own (dates are formatted in it)."""
    if has_request_context() and current_user.is_authenticated:
        return current_user.time_zone
    return None


def reader_locale(user: object) -> str:
    """The language to write to a person in (mail, a PDF, the safety net's reading of their words): their own
    setting; else, while they are the one asking, the language their pages are in (their browser's); else
    English. A mail or a PDF for someone else (a therapist's alert) never takes the asker's language."""
    chosen = supported(getattr(user, "locale", None))
    if chosen:
        return chosen
    if (
        has_request_context()
        and current_user.is_authenticated
        and current_user.get_id() == getattr(user, "get_id", lambda: None)()
    ):
        return current_locale()
    return DEFAULT_LOCALE


@contextmanager
def speaking(locale: str | None) -> Iterator[None]:
    """Translate everything inside in ``locale`` (mail and PDFs for a reader other than the request's)."""
    with force_locale(supported(locale) or DEFAULT_LOCALE):
        yield


def current_locale() -> str:
    """The active locale's code ("en" outside a request)."""
    locale = get_locale()
    return str(locale) if locale is not None else DEFAULT_LOCALE


def is_right_to_left(locale: str | None = None) -> bool:
    return (locale or current_locale()).split("_")[0] in RIGHT_TO_LEFT


def html_lang(locale: str | None = None) -> str:
    """The BCP 47 tag for ``<html lang>``: "pt-BR", not "pt_BR"."""
    parsed = Locale.parse(locale or current_locale())
    return "-".join(part for part in (parsed.language, parsed.territory) if part)


def language_choices() -> list[tuple[str, str]]:
    """The Settings and sign-up choice: each language in its own name."""
    return list(LANGUAGES.items())


def init_i18n(app: Flask) -> None:
    """Bind Flask-Babel to the catalogs, and give templates the page's language and direction."""
    babel.init_app(
        app,
        default_locale=DEFAULT_LOCALE,
        default_translation_directories=str(TRANSLATIONS),
        locale_selector=select_locale,
        timezone_selector=select_timezone,
    )
    app.add_template_global(html_lang, "html_lang")
    app.add_template_global(lambda: "rtl" if is_right_to_left() else "ltr", "html_dir")
