"""Register, log in, log out, change password."""

from __future__ import annotations

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf

from journal import audit
from journal.access import deny
from journal.audit import Event
from journal.auth import gate, mfa, recovery
from journal.auth.forms import ChangePasswordForm, CodeForm, LoginForm, ReauthForm, RegistrationForm
from journal.auth.gate import Outcome
from journal.auth.logins import confirm_password_now, end_all_sessions, end_session
from journal.auth.services import AccountError, change_password, create_user
from journal.auth.urls import is_safe_next
from journal.clock import utcnow
from journal.device import leave_nothing, offline_account
from journal.http import wants_json
from journal.models import User
from journal.ratelimits import LoginLimited, register_limit
from journal.timezones import time_zone_choices, to_local

bp = Blueprint("auth", __name__)


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
                locale=form.locale.data or None,
            )
        except AccountError as error:
            form.email.errors.append(str(error))
        else:
            gate.start_login_for(user, via="register")
            recovery.send_verification(user)
            flash(_("Welcome. Your journal is ready, and it is private to you."), "success")
            return redirect(url_for("main.index"))
    return render_template("auth/register.html", form=form, zones=time_zone_choices())


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in. Scripts (the editor's re-login dialog) get JSON, send the code in the same post,
    and get a fresh CSRF token."""
    if current_user.is_authenticated and request.method == "GET":
        return redirect(_after_login_target())
    form = LoginForm()
    attempt = None
    if form.validate_on_submit():
        via = "relogin-dialog" if wants_json() else "login"
        attempt = gate.log_in(form.email.data, form.password.data, request.form.get("code"), via=via)
        if attempt.outcome is Outcome.LIMITED:
            raise LoginLimited(retry_after=attempt.retry_after)
        if attempt.logged_in:
            return {"ok": True, "csrf_token": generate_csrf()} if wants_json() else redirect(_after_login_target())
        if attempt.outcome is Outcome.NEEDS_CODE and not wants_json():
            return redirect(url_for("auth.login_code", next=request.args.get("next")))
    if wants_json():
        needs_code = attempt is not None and attempt.outcome is Outcome.NEEDS_CODE
        return {"ok": False, "mfa": needs_code, "message": attempt.message if attempt else str(gate.LOGIN_FAILED)}, 401
    return render_template("auth/login.html", form=form, failed=attempt is not None, message=str(gate.LOGIN_FAILED))


@bp.route("/login/code", methods=["GET", "POST"])
def login_code():
    """Second step of logging in: a TOTP code or a recovery code."""
    if gate.pending_user() is None:
        flash(str(gate.PENDING_EXPIRED), "info")
        return redirect(url_for("auth.login", next=request.args.get("next")))
    form = CodeForm()
    if form.validate_on_submit():
        attempt = gate.log_in_with_code(form.code.data, via="login-code")
        if attempt.outcome is Outcome.LIMITED:
            raise LoginLimited(retry_after=attempt.retry_after)
        if attempt.logged_in:
            return redirect(_after_login_target())
        form.code.errors.append(attempt.message)
    return render_template("auth/login_code.html", form=form)


@bp.route("/account/mfa", methods=["GET", "POST"])
@login_required
def mfa_settings():
    """Set up, replace or (for patients) turn off two-factor authentication; new recovery codes.

    Every change needs a fresh login and, once the factor is on, a current code.
    """
    user = current_user._get_current_object()
    codes = None
    action = request.form.get("action") if request.method == "POST" else None
    if action is not None:
        try:
            codes = _change_mfa(user, action, request.form.get("code", ""))
        except mfa.FreshLoginNeeded:
            return redirect(url_for("auth.reauthenticate", next=url_for("auth.mfa_settings")))
        except mfa.MfaChangeRefused as refused:
            flash(str(refused), "error")
        if codes is None:
            return redirect(url_for("auth.mfa_settings"))
    row = mfa.credential(user)
    pending = mfa.pending_secret(row)
    return render_template(
        "auth/mfa.html",
        form=CodeForm(),
        row=row,
        codes=codes,
        pending=pending,
        key_groups=mfa.key_groups(pending) if pending else None,
        qr=mfa.provisioning_svg(user, pending) if pending else None,
        codes_left=mfa.recovery_codes_left(user),
        required=mfa.required(user),
    )


@bp.post("/account/mfa/recovery-codes.txt")
@login_required
def recovery_codes_file():
    """The recovery codes just shown, as a text file: posted back by that page (only their hashes are kept)."""
    codes = request.form.getlist("recovery_code")
    if not mfa.current_recovery_codes(current_user, codes):
        deny()
    text = render_template(
        "auth/recovery_codes.txt", codes=codes, user=current_user, made=to_local(utcnow(), current_user.time_zone)
    )
    response = make_response(text)
    response.mimetype = "text/plain"
    response.headers["Content-Disposition"] = "attachment; filename=integration-journal-recovery-codes.txt"
    response.headers["Cache-Control"] = "no-store"  # as every page (journal.security); said here, where it matters
    return response


def _change_mfa(user: User, action: str, code: str) -> list[str] | None:
    """Carry out one action of the two-factor page; return recovery codes to show once, if any."""
    if action == "start":
        mfa.start_enrolment(user, code)
    elif action == "cancel":
        mfa.cancel_enrolment(user)
    elif action == "confirm":
        codes = mfa.confirm_enrolment(user, code)
        if codes is None:
            flash(_("That code didn't work. Check the time on your phone and try the next one."), "error")
        return codes
    elif action == "recovery-codes":
        return mfa.regenerate_recovery_codes(user, code)
    elif action == "disable":
        mfa.disable(user, code)
        flash(_("Two-factor authentication is off."), "success")
    else:
        abort(400)
    return None


@bp.get("/auth/csrf-token")
def csrf_token():
    """Hand the page's script the token of the current session (it cannot be read cross-site)."""
    return {
        "csrf_token": generate_csrf(),
        "logged_in": current_user.is_authenticated,
        # Whose offline store this session may send (static/js/offline-store.js): never another person's.
        "offline_account": offline_account(),
    }


@bp.post("/logout")
@login_required
def logout():
    audit.record(Event.LOGOUT, subject_id=current_user.id)
    end_session()
    flash(_("You have logged out. Take care."), "success")
    return leave_nothing(redirect(url_for("auth.login")))


@bp.post("/account/logout-everywhere")
@login_required
def logout_everywhere():
    audit.record(Event.LOGOUT_EVERYWHERE, subject_id=current_user.id)
    end_all_sessions(current_user._get_current_object())
    end_session()
    flash(_("You have logged out on every device."), "success")
    return leave_nothing(redirect(url_for("auth.login")))


@bp.get("/account/activity")
@login_required
def activity():
    """Security events about the user's own account."""
    mine = audit.events(subject_id=current_user.id, since=current_user.created_at)
    return render_template("auth/security.html", events=mine, labels=audit.EVENT_LABELS)


@bp.route("/reauth", methods=["GET", "POST"])
@login_required
def reauthenticate():
    """Type the password again before a sensitive action."""
    form = ReauthForm()
    if form.validate_on_submit():
        if gate.confirm_password(current_user, form.password.data):
            confirm_password_now()
            return redirect(_after_login_target())
        form.password.errors.append(_("That password is not right."))
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
            # Every session has just ended (the service sees to it); this device gets a new one.
            gate.start_login_for(current_user._get_current_object(), via="password-change")
            recovery.notify_password_changed(current_user._get_current_object())
            flash(_("Your password has been changed. Other devices have been logged out."), "success")
            return redirect(url_for("main.index"))
    return render_template("auth/change_password.html", form=form)
