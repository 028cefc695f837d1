"""Field helpers shared by the journal's forms: one place for limits and messages."""

from __future__ import annotations

from collections.abc import Iterable

from wtforms import DateField, DateTimeLocalField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from journal.text import clean_line, clean_multiline

TITLE_MAX = 200
ANSWER_MAX = 100_000
NOTE_MAX = 20_000
SHORT_MAX = 120
TAGS_MAX = 500


def options(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    """Turn (value, label) pairs into choices for a select, radio or checkbox field."""
    return [SelectChoice(value, label) for value, label in pairs]


def too_long(limit: int) -> str:
    return f"This is longer than {limit:,} characters. Please shorten it; nothing has been saved or lost yet."


def line_field(label: str, limit: int = SHORT_MAX, **kwargs) -> StringField:
    """A one-line text field with control characters removed and a clear limit."""
    return StringField(
        label, filters=[clean_line], validators=[Optional(), Length(max=limit, message=too_long(limit))],
        render_kw={"maxlength": limit, **kwargs.pop("render_kw", {})}, **kwargs,
    )


def text_field(label: str, limit: int = ANSWER_MAX, **kwargs) -> TextAreaField:
    """A multi-line text field with control characters removed and a clear limit."""
    return TextAreaField(
        label, filters=[clean_multiline], validators=[Length(max=limit, message=too_long(limit))],
        render_kw={"rows": kwargs.pop("rows", 5), **kwargs.pop("render_kw", {})}, **kwargs,
    )


class FriendlyDateField(DateField):
    """A date field whose error says what to type."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError("Please enter a date like 2026-11-27.") from None


class FriendlyDateTimeField(DateTimeLocalField):
    """A local date-and-time field whose error says what to type."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError("Please enter a date and time like 2026-11-27 10:30.") from None


class CheckboxesField(SelectMultipleField):
    """Several checkboxes in a list, for small fixed sets of choices."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
