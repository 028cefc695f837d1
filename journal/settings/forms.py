"""Settings forms. Each lists its fields; nothing else is read from a request."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, Email, InputRequired, Length

from journal.forms import CheckboxesField, SelectField, language_field, options, time_zone_field
from journal.models.user import (
    AFTER_HOURS_MAX_LENGTH,
    DISPLAY_NAME_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
)
from journal.safety import crisis
from journal.settings.deletion import CONFIRM_WORD
from journal.settings.services import PAPER_SIZES
from journal.text import clean_line
from journal.timezones import CLOCKS

HOURS = [(str(hour), f"{hour:02d}:00") for hour in range(24)]


class PreferencesForm(FlaskForm):
    display_name = StringField(
        _l("Your name"),
        filters=[clean_line],
        validators=[DataRequired(_l("Please tell us what to call you.")), Length(max=DISPLAY_NAME_MAX_LENGTH)],
        description=_l("Shown to you and to any therapist you connect with."),
        render_kw={"autocomplete": "given-name"},
    )
    time_zone = time_zone_field(
        _l("Time zone"), _l("Type your city, such as Lisbon or New York, or a zone such as Europe/Lisbon.")
    )
    locale = language_field()
    clock = RadioField(_l("Clock"), choices=options(CLOCKS.items()))
    paper_size = RadioField(_l("PDF paper size"), choices=options(PAPER_SIZES.items()))
    crisis_region = SelectField(
        _l("Your country, for crisis lines"),
        choices=[],
        description=_l(
            "The care card and the help page (Need help now?) show this country's emergency number and "
            "lines first. Left on your time zone, the country is read from it."
        ),
    )

    reminders = BooleanField(
        _l("Email me when a new reflection is ready"),
        description=_l(
            "At most one email a day, with no journal text in it. Only to a confirmed "
            "address; every email has a one-click way to stop them."
        ),
    )
    reminder_hour = SelectField(_l("Not before"), choices=options(HOURS), default="18")
    quiet_from = SelectField(
        _l("Quiet from"),
        choices=options(HOURS),
        default="22",
        description=_l("No reminder between these hours, even if one is due."),
    )
    quiet_until = SelectField(_l("Quiet until"), choices=options(HOURS), default="8")

    measures_asked = CheckboxesField(
        _l("Questionnaires to be asked about"),
        choices=options(
            [("phq-9", _l("PHQ-9 (low mood)")), ("gad-7", _l("GAD-7 (anxiety)")), ("pcl-5", _l("PCL-5 (trauma)"))]
        ),
        description=_l(
            "They appear on your home page when due: to start with, before a session and a week and a "
            "month after. You can take any of them at any time."
        ),
    )

    digest = BooleanField(
        _l("Email me a daily summary"),
        description=_l(
            "How many new shared entries and messages, and any safety alert not yet acknowledged, with a "
            "link. No names and no journal text. Only to a confirmed address; nothing is sent on a day with nothing "
            "new."
        ),
    )
    digest_hour = SelectField(_l("At"), choices=options(HOURS), default="8")

    after_hours_line = StringField(
        _l("Your clinic's after-hours line"),
        filters=[clean_line],
        validators=[Length(max=AFTER_HOURS_MAX_LENGTH)],
        description=_l(
            "Shown to your patients on the card they see when a safety concern is noticed, e.g. "
            "\u201cCall 555 0100, evenings and weekends\u201d. Leave empty if you have none."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.crisis_region.choices = options(
            # Stored as the region's title; shown in the person's language.
            [
                ("", _l("From my time zone")),
                *((region["title"], crisis.region_name(region)) for region in crisis.regions()),
            ]
        )


class ProveItIsYou(FlaskForm):
    """The password, and the second factor where it is on: asked by every step that cannot be undone."""

    password = PasswordField(
        _l("Your password"),
        validators=[InputRequired(_l("Please enter your password."))],
        render_kw={"autocomplete": "current-password"},
    )
    code = StringField(
        _l("Two-factor code"),
        filters=[clean_line],
        validators=[Length(max=32)],
        description=_l("6 digits from your authenticator app, or a recovery code."),
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


class EmailChangeForm(ProveItIsYou):
    new_email = EmailField(
        _l("New email address"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Please enter the new address.")),
            Length(max=EMAIL_MAX_LENGTH),
            Email(_l("This doesn't look like an email address."), check_deliverability=False),
        ],
        description=_l("We send a link to the new address; nothing changes until you follow it."),
        render_kw={"autocomplete": "email"},
    )


class ImportForm(FlaskForm):
    file = FileField(
        _l("Export file"),
        validators=[FileRequired(_l("Please choose a file."))],
        description=_l("The zip (or journal.json) from Export everything, or a Day One JSON export zip."),
        render_kw={"accept": ".zip,.json,application/zip,application/json"},
    )


class DeleteAccountForm(ProveItIsYou):
    confirm = StringField(
        _l("Type %(word)s to confirm", word=CONFIRM_WORD),  # the word itself is typed as it is, in any language
        filters=[clean_line],
        validators=[Length(max=20)],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
