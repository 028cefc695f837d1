"""Export forms: what to include and on which paper."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField
from wtforms.validators import Optional, ValidationError

from journal.forms import CheckboxesField, FriendlyDateField, SelectField, options

PAPER = options([("a4", "A4"), ("letter", _l("US Letter"))])


class RangeMixin:
    date_from = FriendlyDateField(_l("From"), validators=[Optional()])
    date_to = FriendlyDateField(_l("To"), validators=[Optional()])
    paper_size = RadioField(_l("Paper"), choices=PAPER, default="a4")

    def validate_date_to(self, field) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_("The end date is before the start date."))


class PatientExportForm(RangeMixin, FlaskForm):
    scope = RadioField(
        _l("What to export"),
        default="all",
        choices=options(
            [
                ("all", _l("My whole journal")),
                ("range", _l("Entries between two dates")),
                ("session", _l("One session with its entries")),
                ("chosen", _l("Entries I choose")),
            ]
        ),
    )
    session = SelectField(_l("Session"), choices=[], default="")
    entries = CheckboxesField(_l("Entries"), choices=[])
    include_checkins = BooleanField(_l("Include check-ins and after-effects"), default=True)
    include_replies = BooleanField(_l("Include replies from my therapists"), default=True)

    def validate_scope(self, field) -> None:
        if field.data == "session" and not self.session.data:
            raise ValidationError(_("Please choose a session."))
        if field.data == "chosen" and not self.entries.data:
            raise ValidationError(_("Please choose at least one entry."))
        if field.data == "range" and not (self.date_from.data or self.date_to.data):
            raise ValidationError(_("Please give a start date, an end date, or both."))


class TherapistExportForm(RangeMixin, FlaskForm):
    include_replies = BooleanField(_l("Include our replies"), default=True)
