"""The session form."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import InputRequired

from journal.forms import ANSWER_MAX, NOTE_MAX, FriendlyDateTimeField, SelectField, line_field, options, text_field
from journal.models import MEDICINE_LABELS, SETTING_LABELS, Medicine, Setting


class SessionForm(FlaskForm):
    occurred_at = FriendlyDateTimeField(
        _l("Date and time"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        validators=[InputRequired(_l("Please enter the date and time, like 2026-11-27 10:30."))],
        description=_l("A planned session can be in the future."),
    )
    medicine = SelectField(
        _l("Medicine"),
        choices=options((m.value, label) for m, label in MEDICINE_LABELS.items()),
        default=Medicine.KETAMINE_IV.value,
    )
    medicine_other = line_field(_l("If other, which medicine?"))
    setting = RadioField(
        _l("Setting"),
        choices=options((s.value, label) for s, label in SETTING_LABELS.items()),
        default=Setting.CLINIC.value,
    )
    setting_other = line_field(_l("If somewhere else, where?"))
    intention = text_field(_l("Your intention"), NOTE_MAX, rows=4)
    notes = text_field(
        _l("Notes"), ANSWER_MAX, rows=4, description=_l("Dose, people present, anything you want to remember.")
    )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        # Checked here, not on the field: the field is optional unless "Other" is chosen.
        if self.medicine.data == Medicine.OTHER.value and not self.medicine_other.data:
            self.medicine_other.errors = [*self.medicine_other.errors, _("Please name the medicine.")]
            valid = False
        return valid
