"""Forgot password, reset by link, and confirming an email address."""

from __future__ import annotations

import time

from flask import (
    Blueprint,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from journal.auth import recovery
from journal.auth.forms import ForgotPasswordForm, ResetPasswordForm
from journal.auth.services import AccountError
from journal.auth.urls import is_safe_next
from journal.ratelimits import reset_limits, verify_limit

bp = Blueprint("recovery", __name__)

RESET_KEY = "reset_token"  # the link's token, moved from the URL into the cookie session, encrypted


@bp.route("/password/forgot", methods=["GET", "POST"])
@reset_limits
def forgot():
    """Ask for a reset link. The answer is the same, in the same time, whether or not the account exists."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        started = time.monotonic()
        send = recovery.request_reset(form.email.data)
        time.sleep(max(0.0, current_app.config["PASSWORD_RESET_ANSWER_SECONDS"] - (time.monotonic() - started)))
        response = make_response(render_template("auth/forgot_sent.html", minutes=recovery.RESET_MINUTES))
        if send is not None:
            response.call_on_close(send)  # after the answer has gone: SMTP time cannot tell who has an account
        return response
    return render_template("auth/forgot.html", form=form)


@bp.get("/password/reset/<token>")
def reset_link(token: str):
    """The emailed link: keep its token, encrypted, in the session and go on without it in the address bar."""
    session[RESET_KEY] = recovery.seal_reset_token(token)
    return redirect(url_for("recovery.reset"))


@bp.route("/password/reset", methods=["GET", "POST"])
def reset():
    row = recovery.reset_token(session.get(RESET_KEY, ""))
    if row is None:
        session.pop(RESET_KEY, None)
        return render_template("auth/reset_dead.html", message=str(recovery.LINK_USED)), 404
    user = recovery.account_of(row)
    form = ResetPasswordForm(user=user)
    needs_code = recovery.mfa.enabled(user)
    if form.validate_on_submit():
        try:
            recovery.reset_password(row, form.new_password.data, form.code.data)
        except AccountError as error:
            (form.code if needs_code and str(error) == str(recovery.CODE_FAILED) else form.new_password).errors.append(
                str(error)
            )
        else:
            session.pop(RESET_KEY, None)
            flash(_("Your new password is set, and every device has been logged out. Please log in."), "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form, needs_code=needs_code)


@bp.route("/email/verify/<token>", methods=["GET", "POST"])
def verify_email(token: str):
    """Opening the link shows a button; only pressing it confirms the address (mail scanners open links too)."""
    live = recovery.verification_is_live(token) if request.method == "GET" else recovery.verify_email(token)
    if not live:
        return render_template(
            "auth/reset_dead.html",
            message=_(
                "This confirmation link has already been used or has expired. "
                "Log in and ask for a new one from the banner at the top of the page."
            ),
        ), 404
    if request.method == "GET":
        return render_template("auth/confirm_email.html")
    flash(_("Thank you: your email address is confirmed."), "success")
    return redirect(url_for("main.index"))


@bp.post("/email/verify/send")
@login_required
@verify_limit
def send_verification():
    user = current_user._get_current_object()
    if user.email_verified:
        flash(_("Your email address is already confirmed."), "info")
    elif recovery.send_verification(user):
        flash(
            ngettext(
                "We have sent a new link to %(email)s. It works for %(num)d hour.",
                "We have sent a new link to %(email)s. It works for %(num)d hours.",
                recovery.VERIFY_HOURS,
                email=user.email,
            ),
            "success",
        )
    else:
        flash(_("We couldn't send the email just now. Please try again in a little while."), "error")
    back = request.form.get("next")  # the page the link was asked for from (Settings), else home
    return redirect(back if is_safe_next(back) else url_for("main.index"))


@bp.route("/email/change/<token>", methods=["GET", "POST"])
def confirm_email_change(token: str):
    """Opening the link shows a button; only pressing it moves the account (mail scanners open links too)."""
    if request.method == "GET":
        return render_template("auth/confirm_email_change.html", token=token)
    user = recovery.confirm_email_change(token)
    if user is None:
        return render_template(
            "auth/reset_dead.html",
            message=_(
                "This link has already been used, has expired, or the address is now used by another account. "
                "You can ask again from Settings."
            ),
        ), 404
    flash(_("Your email address is now %(email)s.", email=user.email), "success")
    return redirect(url_for("main.index"))
