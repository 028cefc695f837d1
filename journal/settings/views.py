"""The Settings page: preferences, email address, and links to password, devices and two-factor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from journal.access import patient_required
from journal.auth import gate, mfa, recovery
from journal.auth.logins import end_session, fresh_login_required
from journal.auth.services import AccountError
from journal.clock import utcnow
from journal.device import leave_nothing
from journal.export import archive, importing
from journal.http import allow_bytes
from journal.models import Role, User
from journal.ratelimits import email_change_limits, import_limit, one_upload_slot
from journal.reminders.services import waiting_for_address
from journal.settings import deletion
from journal.settings.forms import DeleteAccountForm, EmailChangeForm, ImportForm, PreferencesForm
from journal.settings.services import Preferences, save_preferences
from journal.sharing.services import patient_connections
from journal.therapist.records import retention_in_words
from journal.timezones import time_zone_choices

bp = Blueprint("settings", __name__)


def _page(preferences: PreferencesForm, email: EmailChangeForm, status: int = 200):
    connections = patient_connections(current_user.id) if current_user.role == Role.PATIENT else []
    return render_template(
        "settings/index.html",
        form=preferences,
        email_form=email,
        email_needs_code=mfa.enabled(current_user),
        reminders_waiting=waiting_for_address(current_user),
        export_resumed=request.args.get("resume") == "export",  # back from "Confirm it's you"
        import_form=ImportForm(),
        zones=time_zone_choices(),
        user=current_user,
        connections=connections,
    ), status


def _saved_preferences() -> PreferencesForm:
    user = current_user
    return PreferencesForm(
        formdata=None,
        data={
            "display_name": user.display_name,
            "time_zone": user.time_zone,
            "clock": user.clock,
            "locale": user.locale or "",
            "paper_size": user.paper_size,
            "crisis_region": user.crisis_region or "",
            "reminders": user.reminders,
            "reminder_hour": str(user.reminder_hour),
            "quiet_from": str(user.quiet_from),
            "quiet_until": str(user.quiet_until),
            "measures_asked": [k for k in user.measures_asked.split(",") if k],
            "after_hours_line": user.after_hours_line or "",
            "digest": user.digest,
            "digest_hour": str(user.digest_hour),
        },
    )


@bp.get("/settings")
@login_required
def index():
    return _page(_saved_preferences(), EmailChangeForm(formdata=None))


@bp.post("/settings")
@login_required
def save():
    form = PreferencesForm()
    if form.validate():
        try:
            save_preferences(
                current_user._get_current_object(),
                Preferences(
                    display_name=form.display_name.data,
                    time_zone=form.time_zone.data,
                    clock=form.clock.data,
                    locale=form.locale.data or None,
                    paper_size=form.paper_size.data,
                    crisis_region=form.crisis_region.data or None,
                    reminders=form.reminders.data,
                    reminder_hour=int(form.reminder_hour.data),
                    quiet_from=int(form.quiet_from.data),
                    quiet_until=int(form.quiet_until.data),
                    measures_asked=tuple(form.measures_asked.data or ()),
                    after_hours_line=form.after_hours_line.data or None,
                    digest=bool(form.digest.data),
                    digest_hour=int(form.digest_hour.data),
                ),
            )
        except AccountError as error:
            form.time_zone.errors.append(str(error))
        else:
            flash(_("Your settings are saved."), "success")
            if waiting_for_address(current_user):  # said now, not found out weeks later
                flash(
                    _(
                        "Reminders are on, but none will be sent until your email address is confirmed. "
                        "You can ask for a confirmation link under Reminders."
                    ),
                    "info",
                )
            return redirect(url_for("settings.index"))
    return _page(form, EmailChangeForm(formdata=None), 422)


@bp.post("/settings/email")
@login_required
@email_change_limits
def change_email():
    """Ask to move the account to another address: the password (and code), then a link to the new address.

    The answer is the same whether or not another account uses the address; the mail goes after it.
    """
    form = EmailChangeForm()
    if form.validate():
        try:
            send = recovery.request_email_change(
                current_user._get_current_object(), form.new_email.data, form.password.data, form.code.data
            )
        except AccountError as error:
            wrong = {str(recovery.PASSWORD_WRONG): form.password, str(recovery.CODE_FAILED): form.code}
            wrong.get(str(error), form.new_email).errors.append(str(error))
        else:
            flash(_("If that address can be used, we have sent a link to it. Check your inbox."), "success")
            response = redirect(url_for("settings.index"))
            response.call_on_close(send)  # after the answer: mail time cannot tell whether the address is taken
            return response
    return _page(_saved_preferences(), form, 422)


@bp.post("/settings/export")
@patient_required
@fresh_login_required(back="settings.index", resume="export", _anchor="export-heading")
def export_everything():
    """The whole journal as a zip (journal.json, Markdown, PDF): a fresh login first. Audited."""
    path = archive.export_everything(current_user._get_current_object(), by="settings")
    return Response(
        _read_then_delete(path),
        mimetype="application/zip",
        headers={
            "Content-Disposition": f"attachment; filename=integration-journal-{utcnow():%Y-%m-%d}.zip",
            "Content-Length": str(path.stat().st_size),
        },
    )


def _read_then_delete(path: Path, chunk: int = 64 * 1024) -> Iterator[bytes]:
    """Stream the file, and delete it once sent or abandoned (the generator is closed either way)."""
    try:
        with open(path, "rb") as handle:
            while block := handle.read(chunk):
                yield block
    finally:
        path.unlink(missing_ok=True)


@bp.post("/settings/import")
@allow_bytes("IMPORT_MAX_BYTES")
@patient_required
@fresh_login_required(back="settings.index")
@import_limit
@one_upload_slot
def import_journal():
    """Add entries from an export file, checked whole first; a file that cannot be used changes nothing (400)."""
    form = ImportForm()
    if not form.validate():
        flash(" ".join(map(str, form.file.errors)) or _("Please choose a file."), "error")
        return _page(_saved_preferences(), EmailChangeForm(formdata=None), 400)
    upload = form.file.data
    try:
        summary = importing.import_file(
            current_user._get_current_object(),
            upload.filename or "",
            upload.read(current_app.config["IMPORT_MAX_BYTES"] + 1),
            by="settings",
        )
    except importing.ImportRefused as refused:
        flash(refused.for_person(), "error")
        return _page(_saved_preferences(), EmailChangeForm(formdata=None), 400)
    else:
        flash(summary.message(), "success")
    return redirect(url_for("settings.index"))


@bp.route("/settings/delete", methods=["GET", "POST"])
@patient_required
def delete_account():
    """Delete the account for good: password, second factor when on, and the typed word. Export offered first."""
    user = current_user._get_current_object()
    form = DeleteAccountForm()
    needs_code = mfa.enabled(user)
    if form.is_submitted() and not _deletion_problems(form, user, needs_code):
        deletion.delete_account(user)
        end_session()
        flash(_("Your account and everything in it have been deleted. Take good care of yourself."), "success")
        return leave_nothing(redirect(url_for("auth.login")))
    return render_template(
        "settings/delete.html", form=form, needs_code=needs_code, kept_for=retention_in_words()
    ), 422 if form.errors else 200


def _deletion_problems(form: DeleteAccountForm, user: User, needs_code: bool) -> bool:
    """Check every field at once and mark each problem on its field; True if there is any.

    The password is checked (under the login limits) only on a request that passed its CSRF check, and
    the second-factor code only after the right password, so a recovery code is never spent for nothing.
    """
    form.validate()
    if form.csrf_token.errors:
        return True
    if form.confirm.data != deletion.CONFIRM_WORD:
        form.confirm.errors.append(_("Please type %(word)s in capitals, or go back.", word=deletion.CONFIRM_WORD))
    if needs_code and not form.code.data:
        form.code.errors.append(_("Please enter a code from your authenticator app, or a recovery code."))
    if form.password.data and not gate.confirm_password(user, form.password.data):
        form.password.errors.append(_("That password is not right."))
    elif form.errors:  # a code is spent only when nothing else stands in the way
        pass
    elif form.password.data and needs_code and form.code.data and not mfa.check_code(user, form.code.data):
        form.code.errors.append(_("That code didn't work. Enter a current code or a recovery code."))
    return bool(form.errors)
