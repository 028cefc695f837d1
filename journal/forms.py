"""Field helpers shared by the journal's forms: one place for limits and messages."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import format_number, gettext, lazy_gettext
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import DateField, DateTimeLocalField, SelectMultipleField, StringField, TextAreaField
from wtforms import SelectField as _SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.widgets import Select as _Select

from journal.text import clean_line, clean_multiline
from journal.timezones import resolve_time_zone

TITLE_MAX = 200
ANSWER_MAX = 100_000
NOTE_MAX = 20_000
SHORT_MAX = 120
TAGS_MAX = 500


def options(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    """Turn (value, label) pairs into choices for a select, radio or checkbox field."""
    return [SelectChoice(value, label) for value, label in pairs]


class Select(_Select):
    """WTForms' select, drawing plain options without its generic attribute builder.

    The same markup, several times faster: a time-zone or session menu has
    hundreds of options on pages people open all day.
    """

    @classmethod
    def render_option(cls, choice: SelectChoice, **kwargs) -> Markup:
        if choice.render_kw or kwargs:
            return super().render_option(choice, **kwargs)
        value = str(choice.value)
        selected = "selected " if choice.selected else ""  # WTForms sorts attributes by name
        return Markup(f'<option {selected}value="{escape(value)}">{escape(choice.label or value)}</option>')


class SelectField(_SelectField):
    """A select field drawn with :class:`Select`."""

    widget = Select()


def parse_count(value: str | None, default: int) -> int:
    """Read a small non-negative whole number sent by a page (ASCII digits only)."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    return default


class _Number:
    """A number written the active language's way ("100,000", "100.000") when the message is shown."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __str__(self) -> str:
        return format_number(self.value)


def too_long(limit: int) -> str:
    """The message of a length limit, made at import time (a field's validator) and translated when shown."""
    return _l(
        "This is longer than %(limit)s characters. Please shorten it; nothing has been saved or lost yet.",
        limit=_Number(limit),
    )


def line_field(label: str, limit: int = SHORT_MAX, validators=None, **kwargs) -> StringField:
    """A one-line text field with control characters removed and a clear limit (optional unless told)."""
    return StringField(
        label,
        filters=[clean_line],
        validators=[*(validators or [Optional()]), Length(max=limit, message=too_long(limit))],
        render_kw={"maxlength": limit, **kwargs.pop("render_kw", {})},
        **kwargs,
    )


def _known_zone(form, field: StringField) -> None:
    if field.data and resolve_time_zone(field.data) != field.data:
        raise ValidationError(gettext("Please choose a time zone from the list, or type a nearby city such as Lisbon."))


def time_zone_field(label: str, description: str, default: str | None = None) -> StringField:
    """A time zone typed as a city or a zone name ("Lisbon", "new york", "Europe/Lisbon"), stored as its
    IANA name; drawn with a list of zones to pick from (macro ``time_zone_field``)."""
    return StringField(
        label,
        filters=[clean_line, lambda typed: resolve_time_zone(typed or "") or typed],
        validators=[DataRequired(_l("Please choose a time zone.")), _known_zone],
        description=description,
        default=default,
        render_kw={"list": "time-zones", "autocomplete": "off", "spellcheck": "false"},
    )


def language_field(browser_choice: bool = True) -> SelectField:
    """The language of pages, mail and PDFs: each shipped language in its own name. In Settings it may follow
    the browser; at sign-up it starts on the language the page is shown in."""
    from journal.i18n import language_choices, select_locale

    # Each language's name is in that language, and says so (``lang``), for screen readers and the page's own.
    choices = [SelectChoice(code, name, {"lang": code.replace("_", "-")}) for code, name in language_choices()]
    if browser_choice:
        choices = [SelectChoice("", lazy_gettext("The same as my browser")), *choices]
    return SelectField(
        lazy_gettext("Language"),
        choices=choices,
        # Not sent at all (an older form, a script): the browser's language, as the first choice says.
        default="" if browser_choice else select_locale,
        validate_choice=True,
    )


def text_field(label: str, limit: int = ANSWER_MAX, **kwargs) -> TextAreaField:
    """A multi-line text field with control characters removed and a clear limit."""
    # No maxlength attribute: a browser would cut a long paste silently (and
    # counts emoji twice); the server says what is too long and keeps the text.
    return TextAreaField(
        label,
        filters=[clean_multiline],
        validators=[*kwargs.pop("validators", []), Length(max=limit, message=too_long(limit))],
        render_kw={"rows": kwargs.pop("rows", 5), "maxlength": False, **kwargs.pop("render_kw", {})},
        **kwargs,
    )


# Dates outside these years are typing mistakes, and near year 1 or 9999 the
# conversions between time zones overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2100


class _FriendlyDateMixin:
    """Say what to type when a date does not parse, and keep years sensible."""

    message = _l("Please enter a date like 2026-11-27.")

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(self.message)) from None
        if self.data is not None and not FIRST_YEAR <= self.data.year <= LAST_YEAR:
            self.data = None
            raise ValueError(
                gettext("Please enter a date between %(first)s and %(last)s.", first=FIRST_YEAR, last=LAST_YEAR)
            )


class FriendlyDateField(_FriendlyDateMixin, DateField):
    """A date field with a helpful error."""


class FriendlyDateTimeField(_FriendlyDateMixin, DateTimeLocalField):
    """A local date-and-time field with a helpful error."""

    message = _l("Please enter a date and time like 2026-11-27 10:30.")


class CheckboxesField(SelectMultipleField):
    """Several checkboxes in a list, for small fixed sets of choices."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
