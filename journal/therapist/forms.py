"""The therapist's own forms: a private note and a private label for a patient, and the date a summary
starts from."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import DataRequired, Optional

from journal.forms import FriendlyDateField, line_field, text_field
from journal.therapist.labels import LABEL_MAX
from journal.therapist.workspace import NOTE_MAX


class NoteForm(FlaskForm):
    text = text_field(
        _l("A private note"),
        NOTE_MAX,
        rows=3,
        validators=[DataRequired(_l("Please write the note first."))],
        description=_l(
            "Only you can read it: never shown to your patient, never in their export. "
            "Their access log says only that a note was written."
        ),
    )


class LabelForm(FlaskForm):
    label = line_field(
        _l("Your private label"),
        LABEL_MAX,
        description=_l(
            "Your own words to tell patients apart, such as a surname or a group. Shown to you beside "
            "the name they chose; never to them. Leave it empty to remove it."
        ),
    )


class SinceForm(FlaskForm):
    """Read from the address (a GET form): no token, nothing is changed."""

    class Meta:
        csrf = False

    since = FriendlyDateField(_l("Since"), validators=[Optional()])
