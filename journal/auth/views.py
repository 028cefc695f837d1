"""Register, log in, log out, change password."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf.csrf import generate_csrf

from journal.auth.forms import ChangePasswordForm, LoginForm, RegistrationForm
from journal.auth.services import AccountError, authenticate, change_password, create_user
from journal.auth.urls import is_safe_next
from journal.errors import wants_json

bp = Blueprint("auth", __name__)

LOGIN_FAILED = "That email and password don't match an account. Please try again."


def start_session(user) -> None:
    """Log a user in on a brand-new session: no pre-login value, CSRF token included, survives."""
    session.clear()
    g.pop("csrf_token", None)  # Flask-WTF caches the old token for the rest of the request
    login_user(user)


def _after_login_target() -> str:
    target = request.args.get("next")
    return target if is_safe_next(target) else url_for("main.index")


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegistrationForm()
    if form.validate_on_submit():
        try:
            user = create_user(
                email=form.email.data,
                display_name=form.display_name.data,
                password=form.new_password.data,
                time_zone=form.time_zone.data,
            )
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            start_session(user)
            flash("Welcome. Your journal is ready, and it is private to you.", "success")
            return redirect(url_for("main.index"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in. Scripts (the editor's re-login dialog) get JSON and a fresh CSRF token."""
    if current_user.is_authenticated and request.method == "GET":
        return redirect(_after_login_target())
    form = LoginForm()
    failed = False
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            start_session(user)
            if wants_json():
                return {"ok": True, "csrf_token": generate_csrf()}
            return redirect(_after_login_target())
        failed = True
    if wants_json():
        return {"ok": False, "message": LOGIN_FAILED}, 401
    return render_template("auth/login.html", form=form, failed=failed, message=LOGIN_FAILED)


@bp.get("/auth/csrf-token")
def csrf_token():
    """Hand the page's script the token of the current session (it cannot be read cross-site)."""
    return {"csrf_token": generate_csrf(), "logged_in": current_user.is_authenticated}


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    session.clear()
    flash("You have logged out. Take care.", "success")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    form = ChangePasswordForm(user=current_user)
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current_password.data, form.new_password.data)
        except AccountError as error:
            form.current_password.errors.append(str(error))
        else:
            # Every older session has just ended; this one carries on.
            start_session(current_user._get_current_object())
            flash("Your password has been changed. Other devices have been logged out.", "success")
            return redirect(url_for("main.index"))
    return render_template("auth/change_password.html", form=form)
