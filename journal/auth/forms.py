"""Account forms. Each lists its fields; nothing else is read from a request."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, ValidationError

from journal.auth.passwords import MAX_LENGTH, MIN_LENGTH, password_problem
from journal.auth.services import find_user_by_email
from journal.forms import language_field, time_zone_field
from journal.models.user import DISPLAY_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH
from journal.text import clean_line


def _email_field() -> EmailField:
    return EmailField(
        _l("Email"),
        filters=[clean_line],
        validators=[
            DataRequired(_l("Please enter your email.")),
            Length(max=EMAIL_MAX_LENGTH),
            Email(_l("This doesn't look like an email address."), check_deliverability=False),
        ],
        render_kw={"autocomplete": "email"},
    )


class NewPasswordMixin:
    """A new password typed twice, checked against the password policy."""

    new_password = PasswordField(
        _l("New password"),
        validators=[InputRequired(_l("Please choose a password."))],
        description=lazy_ngettext(
            "At least %(num)d character. Spaces and any characters are welcome; a short sentence works well.",
            "At least %(num)d characters. Spaces and any characters are welcome; a short sentence works well.",
            MIN_LENGTH,
        ),
        render_kw={"autocomplete": "new-password", "maxlength": MAX_LENGTH},
    )
    confirm_password = PasswordField(
        _l("New password again"),
        validators=[
            InputRequired(_l("Please type the password a second time.")),
            EqualTo("new_password", _l("The two passwords are not the same.")),
        ],
        render_kw={"autocomplete": "new-password", "maxlength": MAX_LENGTH},
    )

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._user = user  # whose password it is: it must not be made of their email or name

    def password_context(self) -> tuple[str, ...]:
        user = self._user
        return () if user is None else (user.email.split("@")[0], user.display_name)

    def validate_new_password(self, field: PasswordField) -> None:
        problem = password_problem(field.data or "", context=self.password_context())
        if problem:
            raise ValidationError(problem)


class RegistrationForm(NewPasswordMixin, FlaskForm):
    email = _email_field()
    display_name = StringField(
        _l("Your name"),
        filters=[clean_line],
        validators=[DataRequired(_l("Please tell us what to call you.")), Length(max=DISPLAY_NAME_MAX_LENGTH)],
        description=_l("Shown to you and to any therapist you choose to connect with. A first name is enough."),
        render_kw={"autocomplete": "given-name"},
    )
    time_zone = time_zone_field(
        _l("Your time zone"), _l("Dates and times are shown in this time zone. Type your city, such as Lisbon."), "UTC"
    )
    locale = language_field(browser_choice=False)

    def password_context(self) -> tuple[str, ...]:
        return ((self.email.data or "").split("@")[0], self.display_name.data or "")

    def validate_email(self, field: EmailField) -> None:
        if field.data and find_user_by_email(field.data):
            raise ValidationError(_("An account with this email already exists. Try logging in instead."))


class LoginForm(FlaskForm):
    email = _email_field()
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(_l("Please enter your password.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code"),
        filters=[clean_line],
        validators=[InputRequired(_l("Please enter the code.")), Length(max=32)],
        description=_l("6 digits from your authenticator app, or one of your recovery codes."),
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


class ReauthForm(FlaskForm):
    password = PasswordField(
        _l("Your password"),
        validators=[InputRequired(_l("Please enter your password."))],
        render_kw={"autocomplete": "current-password"},
    )


class ChangePasswordForm(NewPasswordMixin, FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[InputRequired(_l("Please enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )


class ForgotPasswordForm(FlaskForm):
    email = _email_field()


class ResetPasswordForm(NewPasswordMixin, FlaskForm):
    code = StringField(
        _l("Two-factor code"),
        filters=[clean_line],
        validators=[Length(max=32)],
        description=_l("6 digits from your authenticator app, or one of your recovery codes."),
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )
