"""The therapist's own forms: a private note on a patient, and the date a summary starts from."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms.validators import DataRequired, Optional

from journal.forms import FriendlyDateField, text_field
from journal.therapist.workspace import NOTE_MAX


class NoteForm(FlaskForm):
    text = text_field(
        "A private note",
        NOTE_MAX,
        rows=3,
        validators=[DataRequired("Please write the note first.")],
        description="Only you can read it: never shown to your patient, never in their export. "
        "Their access log says only that a note was written.",
    )


class SinceForm(FlaskForm):
    """Read from the address (a GET form): no token, nothing is changed."""

    class Meta:
        csrf = False

    since = FriendlyDateField("Since", validators=[Optional()])
