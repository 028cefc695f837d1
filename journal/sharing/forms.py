"""Forms for connecting, sharing and replying."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, StringField
from wtforms.validators import DataRequired, InputRequired, StopValidation

from journal.forms import CheckboxesField, line_field, options, text_field
from journal.sharing.phones import PHONE_MAX, PhoneError, clean_phone
from journal.sharing.services import REPLY_MAX


def _a_phone(form, field) -> None:
    try:
        field.data = clean_phone(field.data)
    except PhoneError as error:
        raise StopValidation(str(error)) from None


def phone_field() -> StringField:
    """A phone number the patient may give one therapist for safety alerts: optional, its own consent."""
    return line_field(
        _l("Your phone number, for safety alerts (optional)"),
        PHONE_MAX,
        validators=[_a_phone],
        description=_l(
            "If you give one, only this therapist sees it, and only on a safety alert about you, so "
            "they can call you. Leave it empty to give none; you can change or withdraw it on the Therapists page."
        ),
        render_kw={"type": "tel", "autocomplete": "tel"},
    )


class PhoneForm(FlaskForm):
    phone = phone_field()


class CodeForm(FlaskForm):
    code = line_field(
        _l("Connection code"),
        32,
        description=_l("The code your therapist gave you, e.g. K7QX-3MPA-2R."),
        validators=[DataRequired(_l("Please enter the code."))],
        render_kw={"autocomplete": "off"},
    )


class ConsentForm(FlaskForm):
    code = HiddenField()
    token = HiddenField()
    agree = BooleanField(
        _l("I understand what my therapist will and will not see"),
        validators=[DataRequired(_l("Please tick the box to confirm."))],
    )
    # Its own explicit choice: no answer is chosen for the patient.
    safety_alerts = RadioField(
        _l("Safety alerts"),
        choices=options([("yes", _l("Yes, they may be told")), ("no", _l("No, not for now"))]),
        validators=[InputRequired(_l("Please choose whether safety alerts may be sent."))],
    )
    phone = phone_field()


class ShareForm(FlaskForm):
    therapists = CheckboxesField(_l("Share with"), coerce=int, choices=[])


def share_form(therapists: Iterable[tuple[int, str]], shared: Iterable[int] | None = None) -> ShareForm:
    """The share checkboxes, one per connected therapist (id, name). With ``shared``, the form shows those
    ticked and reads no request (a page); without, it reads the posted form (a save)."""
    form = ShareForm() if shared is None else ShareForm(formdata=None, therapists=sorted(shared))
    form.therapists.choices = options((str(therapist_id), name) for therapist_id, name in therapists)
    return form


class AutoShareForm(FlaskForm):
    auto_share = BooleanField(_l("Share my new entries automatically"))


class ShareMeasuresForm(FlaskForm):
    share_measures = BooleanField(_l("Share my questionnaires and progress"))


class SafetyAlertsForm(FlaskForm):
    safety_alerts = BooleanField(_l("Send safety alerts"))


class ShareSafetyPlanForm(FlaskForm):
    share_safety_plan = BooleanField(_l("Share my safety plan"))


class ReplyForm(FlaskForm):
    text = text_field(_l("Your reply"), REPLY_MAX, rows=4, validators=[DataRequired(_l("Please write a reply first."))])


def reply_form_for(therapist_id: int, **kwargs) -> ReplyForm:
    """A reply form whose fields are named for one thread, so several can sit on one page."""
    return ReplyForm(prefix=f"thread-{therapist_id}", **kwargs)
