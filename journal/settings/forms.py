"""Settings forms. Each lists its fields; nothing else is read from a request."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, Email, InputRequired, Length

from journal.forms import CheckboxesField, SelectField, options, time_zone_field
from journal.models.user import (
    AFTER_HOURS_MAX_LENGTH,
    DISPLAY_NAME_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
)
from journal.safety import crisis
from journal.settings.services import PAPER_SIZES
from journal.text import clean_line
from journal.timezones import CLOCKS

HOURS = [(str(hour), f"{hour:02d}:00") for hour in range(24)]


class PreferencesForm(FlaskForm):
    display_name = StringField(
        "Your name",
        filters=[clean_line],
        validators=[DataRequired("Please tell us what to call you."), Length(max=DISPLAY_NAME_MAX_LENGTH)],
        description="Shown to you and to any therapist you connect with.",
        render_kw={"autocomplete": "given-name"},
    )
    time_zone = time_zone_field(
        "Time zone", "Type your city, such as Lisbon or New York, or a zone such as Europe/Lisbon."
    )
    clock = RadioField("Clock", choices=options(CLOCKS.items()))
    paper_size = RadioField("PDF paper size", choices=options(PAPER_SIZES.items()))
    crisis_region = SelectField(
        "Your country, for crisis lines",
        choices=[],
        description="The care card and the help page (Need help now?) show this country's emergency number and "
        "lines first. Left on your time zone, the country is read from it.",
    )

    reminders = BooleanField(
        "Email me when a new reflection is ready",
        description="At most one email a day, with no journal text in it. Only to a confirmed "
        "address; every email has a one-click way to stop them.",
    )
    reminder_hour = SelectField("Not before", choices=options(HOURS), default="18")
    quiet_from = SelectField(
        "Quiet from",
        choices=options(HOURS),
        default="22",
        description="No reminder between these hours, even if one is due.",
    )
    quiet_until = SelectField("Quiet until", choices=options(HOURS), default="8")

    measures_asked = CheckboxesField(
        "Questionnaires to be asked about",
        choices=options([("phq-9", "PHQ-9 (low mood)"), ("gad-7", "GAD-7 (anxiety)"), ("pcl-5", "PCL-5 (trauma)")]),
        description="They appear on your home page when due: to start with, before a session and a week and a "
        "month after. You can take any of them at any time.",
    )

    digest = BooleanField(
        "Email me a daily summary",
        description="How many new shared entries and messages, and any safety alert not yet acknowledged, with a "
        "link. No names and no journal text. Only to a confirmed address; nothing is sent on a day with nothing "
        "new.",
    )
    digest_hour = SelectField("At", choices=options(HOURS), default="8")

    after_hours_line = StringField(
        "Your clinic's after-hours line",
        filters=[clean_line],
        validators=[Length(max=AFTER_HOURS_MAX_LENGTH)],
        description="Shown to your patients on the card they see when a safety concern is noticed, e.g. "
        "\u201cCall 555 0100, evenings and weekends\u201d. Leave empty if you have none.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.crisis_region.choices = options(
            [("", "From my time zone"), *((title, title) for title in crisis.region_titles())]
        )


class ProveItIsYou(FlaskForm):
    """The password, and the second factor where it is on: asked by every step that cannot be undone."""

    password = PasswordField(
        "Your password",
        validators=[InputRequired("Please enter your password.")],
        render_kw={"autocomplete": "current-password"},
    )
    code = StringField(
        "Two-factor code",
        filters=[clean_line],
        validators=[Length(max=32)],
        description="6 digits from your authenticator app, or a recovery code.",
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


class EmailChangeForm(ProveItIsYou):
    new_email = EmailField(
        "New email address",
        filters=[clean_line],
        validators=[
            DataRequired("Please enter the new address."),
            Length(max=EMAIL_MAX_LENGTH),
            Email("This doesn't look like an email address.", check_deliverability=False),
        ],
        description="We send a link to the new address; nothing changes until you follow it.",
        render_kw={"autocomplete": "email"},
    )


class ImportForm(FlaskForm):
    file = FileField(
        "Export file",
        validators=[FileRequired("Please choose a file.")],
        description="The zip (or journal.json) from Export everything, or a Day One JSON export zip.",
        render_kw={"accept": ".zip,.json,application/zip,application/json"},
    )


class DeleteAccountForm(ProveItIsYou):
    confirm = StringField(
        "Type DELETE to confirm",
        filters=[clean_line],
        validators=[Length(max=20)],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
