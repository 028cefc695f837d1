"""Register, log in, log out, change password."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf

from journal import audit
from journal.auth import mfa
from journal.auth.forms import ChangePasswordForm, CodeForm, LoginForm, ReauthForm, RegistrationForm
from journal.auth.logins import confirm_password_now, end_all_sessions, end_session, is_fresh, start_session
from journal.auth.passwords import verify_password
from journal.auth.services import AccountError, authenticate, change_password, create_user
from journal.auth.urls import is_safe_next
from journal.errors import wants_json
from journal.extensions import db
from journal.models import User
from journal.ratelimits import login_per_account, login_per_ip, mfa_limit, reauth_limit, register_limit

bp = Blueprint("auth", __name__)

LOGIN_FAILED = "That email and password don't match an account. Please try again."


def _after_login_target() -> str:
    target = request.args.get("next")
    return target if is_safe_next(target) else url_for("main.index")


@bp.route("/register", methods=["GET", "POST"])
@register_limit
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
@login_per_ip
@login_per_account
def login():
    """Log in. Scripts (the editor's re-login dialog) get JSON and a fresh CSRF token."""
    if current_user.is_authenticated and request.method == "GET":
        return redirect(_after_login_target())
    form = LoginForm()
    failed = False
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None and mfa.enabled(user):
            code = request.form.get("code", "")
            if not (wants_json() and code and mfa.verify(user, code)):
                return _ask_for_code(user)
        if user is not None:
            start_session(user)
            if wants_json():
                return {"ok": True, "csrf_token": generate_csrf()}
            return redirect(_after_login_target())
        failed = g.attempt_failed = True
    if wants_json():
        return {"ok": False, "message": LOGIN_FAILED}, 401
    return render_template("auth/login.html", form=form, failed=failed, message=LOGIN_FAILED)


def _ask_for_code(user):
    """The password was right; the second factor is next. Nothing is logged in yet."""
    session.clear()
    session["mfa_pending"] = user.id
    if wants_json():
        return {"ok": False, "mfa": True, "message": "Enter the 6-digit code from your authenticator app."}, 401
    return redirect(url_for("auth.login_code", next=request.args.get("next")))


@bp.route("/login/code", methods=["GET", "POST"])
@mfa_limit
def login_code():
    """Second step of logging in: a TOTP code or a recovery code."""
    user = db.session.get(User, session.get("mfa_pending") or 0)
    if user is None or not user.active:
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        if mfa.verify(user, form.code.data):
            start_session(user)
            return redirect(_after_login_target())
        g.attempt_failed = True
        audit.record("mfa_failed", subject_id=user.id)
        form.code.errors.append("That code didn't work. Codes change every 30 seconds and work once.")
    return render_template("auth/login_code.html", form=form)


@bp.route("/account/mfa", methods=["GET", "POST"])
@login_required
def mfa_settings():
    """Set up, confirm or (for patients) turn off two-factor authentication."""
    form = CodeForm()
    row = mfa.credential(current_user)
    if request.method == "POST" and request.form.get("action") == "start":
        if not is_fresh():
            return redirect(url_for("auth.reauthenticate", next=url_for("auth.mfa_settings")))
        mfa.start_enrolment(current_user)
        return redirect(url_for("auth.mfa_settings"))
    if request.method == "POST" and request.form.get("action") == "disable" and row and row.confirmed:
        if mfa.required(current_user) or not is_fresh() or not mfa.verify(current_user, request.form.get("code", "")):
            flash("Two-factor authentication stays on: a fresh login and a current code are needed.", "error")
        else:
            mfa.disable(current_user)
            flash("Two-factor authentication is off.", "success")
        return redirect(url_for("auth.mfa_settings"))
    codes = None
    if form.validate_on_submit() and row and not row.confirmed:
        codes = mfa.confirm_enrolment(current_user, form.code.data)
        if codes is None:
            form.code.errors.append("That code didn't work. Check the time on your phone and try the next one.")
    row = mfa.credential(current_user)
    qr = mfa.provisioning_svg(current_user, mfa.secret_of(row)) if row and not row.confirmed else None
    return render_template("auth/mfa.html", form=form, row=row, qr=qr, codes=codes,
                           secret=mfa.secret_of(row) if row and not row.confirmed else None,
                           required=mfa.required(current_user))


@bp.get("/auth/csrf-token")
def csrf_token():
    """Hand the page's script the token of the current session (it cannot be read cross-site)."""
    return {"csrf_token": generate_csrf(), "logged_in": current_user.is_authenticated}


@bp.post("/logout")
@login_required
def logout():
    audit.record("logout", subject_id=current_user.id)
    end_session()
    flash("You have logged out. Take care.", "success")
    return redirect(url_for("auth.login"))


@bp.post("/account/logout-everywhere")
@login_required
def logout_everywhere():
    audit.record("logout_everywhere", subject_id=current_user.id)
    end_all_sessions(current_user._get_current_object())
    end_session()
    flash("You have logged out on every device.", "success")
    return redirect(url_for("auth.login"))


@bp.get("/account/activity")
@login_required
def activity():
    """Security events about the user's own account."""
    return render_template("auth/security.html", events=audit.events(subject_id=current_user.id),
                           labels=audit.EVENT_LABELS)


@bp.route("/reauth", methods=["GET", "POST"])
@login_required
@reauth_limit
def reauthenticate():
    """Type the password again before a sensitive action."""
    form = ReauthForm()
    if form.validate_on_submit():
        if verify_password(current_user.password_hash, form.password.data):
            confirm_password_now()
            return redirect(_after_login_target())
        form.password.errors.append("That password is not right.")
        g.attempt_failed = True
        audit.record("reauth_failed", subject_id=current_user.id)
    return render_template("auth/reauth.html", form=form)


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
            # Every older session has just ended; this device gets a new one.
            user = current_user._get_current_object()
            end_all_sessions(user)
            start_session(user)
            flash("Your password has been changed. Other devices have been logged out.", "success")
            return redirect(url_for("main.index"))
    return render_template("auth/change_password.html", form=form)
