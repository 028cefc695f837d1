"""Account forms. Each lists its fields; nothing else is read from a request."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, ValidationError

from journal.auth.passwords import MAX_LENGTH, password_problem
from journal.auth.services import find_user_by_email
from journal.forms import time_zone_field
from journal.models.user import DISPLAY_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH
from journal.text import clean_line


def _email_field() -> EmailField:
    return EmailField(
        "Email",
        filters=[clean_line],
        validators=[
            DataRequired("Please enter your email."),
            Length(max=EMAIL_MAX_LENGTH),
            Email("This doesn't look like an email address.", check_deliverability=False),
        ],
        render_kw={"autocomplete": "email"},
    )


class NewPasswordMixin:
    """A new password typed twice, checked against the password policy."""

    new_password = PasswordField(
        "New password",
        validators=[InputRequired("Please choose a password.")],
        description="At least 12 characters. Spaces and any characters are welcome; a short sentence works well.",
        render_kw={"autocomplete": "new-password", "maxlength": MAX_LENGTH},
    )
    confirm_password = PasswordField(
        "New password again",
        validators=[
            InputRequired("Please type the password a second time."),
            EqualTo("new_password", "The two passwords are not the same."),
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
        "Your name",
        filters=[clean_line],
        validators=[DataRequired("Please tell us what to call you."), Length(max=DISPLAY_NAME_MAX_LENGTH)],
        description="Shown to you and to any therapist you choose to connect with. A first name is enough.",
        render_kw={"autocomplete": "given-name"},
    )
    time_zone = time_zone_field(
        "Your time zone", "Dates and times are shown in this time zone. Type your city, such as Lisbon.", "UTC"
    )

    def password_context(self) -> tuple[str, ...]:
        return ((self.email.data or "").split("@")[0], self.display_name.data or "")

    def validate_email(self, field: EmailField) -> None:
        if field.data and find_user_by_email(field.data):
            raise ValidationError("An account with this email already exists. Try logging in instead.")


class LoginForm(FlaskForm):
    email = _email_field()
    password = PasswordField(
        "Password",
        validators=[InputRequired("Please enter your password."), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )


class CodeForm(FlaskForm):
    code = StringField(
        "Code",
        filters=[clean_line],
        validators=[InputRequired("Please enter the code."), Length(max=32)],
        description="6 digits from your authenticator app, or one of your recovery codes.",
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


class ReauthForm(FlaskForm):
    password = PasswordField(
        "Your password",
        validators=[InputRequired("Please enter your password.")],
        render_kw={"autocomplete": "current-password"},
    )


class ChangePasswordForm(NewPasswordMixin, FlaskForm):
    current_password = PasswordField(
        "Current password",
        validators=[InputRequired("Please enter your current password.")],
        render_kw={"autocomplete": "current-password"},
    )


class ForgotPasswordForm(FlaskForm):
    email = _email_field()


class ResetPasswordForm(NewPasswordMixin, FlaskForm):
    code = StringField(
        "Two-factor code",
        filters=[clean_line],
        validators=[Length(max=32)],
        description="6 digits from your authenticator app, or one of your recovery codes.",
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )
