"""Export forms: what to include and on which paper."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField
from wtforms.validators import Optional, ValidationError

from journal.forms import CheckboxesField, FriendlyDateField, SelectField, options

PAPER = options([("a4", "A4"), ("letter", "US Letter")])


class RangeMixin:
    date_from = FriendlyDateField("From", validators=[Optional()])
    date_to = FriendlyDateField("To", validators=[Optional()])
    paper_size = RadioField("Paper", choices=PAPER, default="a4")

    def validate_date_to(self, field) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError("The end date is before the start date.")


class PatientExportForm(RangeMixin, FlaskForm):
    scope = RadioField(
        "What to export",
        default="all",
        choices=options(
            [
                ("all", "My whole journal"),
                ("range", "Entries between two dates"),
                ("session", "One session with its entries"),
                ("chosen", "Entries I choose"),
            ]
        ),
    )
    session = SelectField("Session", choices=[], default="")
    entries = CheckboxesField("Entries", choices=[])
    include_checkins = BooleanField("Include check-ins and after-effects", default=True)
    include_replies = BooleanField("Include replies from my therapists", default=True)

    def validate_scope(self, field) -> None:
        if field.data == "session" and not self.session.data:
            raise ValidationError("Please choose a session.")
        if field.data == "chosen" and not self.entries.data:
            raise ValidationError("Please choose at least one entry.")
        if field.data == "range" and not (self.date_from.data or self.date_to.data):
            raise ValidationError("Please give a start date, an end date, or both.")


class TherapistExportForm(RangeMixin, FlaskForm):
    include_replies = BooleanField("Include our replies", default=True)
