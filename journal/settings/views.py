"""The Settings page: preferences, email address, and links to password, devices and two-factor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from flask import Blueprint, Response, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from journal.access import patient_required
from journal.auth import gate, mfa, recovery
from journal.auth.logins import end_session, fresh_login_required
from journal.auth.services import AccountError
from journal.clock import utcnow
from journal.export import archive, importing
from journal.models import Role
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
            "paper_size": user.paper_size,
            "crisis_region": user.crisis_region or "",
            "reminders": user.reminders,
            "reminder_hour": str(user.reminder_hour),
            "quiet_from": str(user.quiet_from),
            "quiet_until": str(user.quiet_until),
            "measures_asked": [k for k in user.measures_asked.split(",") if k],
            "after_hours_line": user.after_hours_line or "",
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
                    time_zone=form.time_zone.data.replace(" ", "_"),
                    clock=form.clock.data,
                    paper_size=form.paper_size.data,
                    crisis_region=form.crisis_region.data or None,
                    reminders=form.reminders.data,
                    reminder_hour=int(form.reminder_hour.data),
                    quiet_from=int(form.quiet_from.data),
                    quiet_until=int(form.quiet_until.data),
                    measures_asked=tuple(form.measures_asked.data or ()),
                    after_hours_line=form.after_hours_line.data or None,
                ),
            )
        except AccountError as error:
            form.time_zone.errors.append(str(error))
        else:
            flash("Your settings are saved.", "success")
            return redirect(url_for("settings.index"))
    return _page(form, EmailChangeForm(formdata=None), 422)


@bp.post("/settings/email")
@login_required
@fresh_login_required(back="settings.index")
def change_email():
    """Ask to move the account to another address: a fresh login, then a link to the new address."""
    form = EmailChangeForm()
    if form.validate():
        try:
            sent = recovery.request_email_change(current_user._get_current_object(), form.new_email.data)
        except AccountError as error:
            form.new_email.errors.append(str(error))
        else:
            if sent:
                flash(
                    f"We have sent a link to {form.new_email.data}. Your address changes when you follow it.", "success"
                )
            else:
                flash("We couldn't send the email just now. Please try again in a little while.", "error")
            return redirect(url_for("settings.index"))
    return _page(_saved_preferences(), form, 422)


@bp.post("/settings/export")
@patient_required
@fresh_login_required(back="settings.index")
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
@patient_required
def import_journal():
    """Add entries from an export file, in one transaction; a file that cannot be used changes nothing."""
    form = ImportForm()
    if not form.validate():
        flash(" ".join(form.file.errors) or "Please choose a file.", "error")
        return redirect(url_for("settings.index"))
    upload = form.file.data
    try:
        summary = importing.import_file(
            current_user._get_current_object(),
            upload.filename or "",
            upload.read(importing.MAX_UPLOAD_BYTES + 1),
            by="settings",
        )
    except importing.ImportRefused as refused:
        flash(f"Nothing was imported. {refused}", "error")
    else:
        flash(summary.sentence(), "success")
    return redirect(url_for("settings.index"))


@bp.route("/settings/delete", methods=["GET", "POST"])
@patient_required
def delete_account():
    """Delete the account for good: password, second factor when on, and the typed word. Export offered first."""
    user = current_user._get_current_object()
    form = DeleteAccountForm()
    needs_code = mfa.enabled(user)
    if form.validate_on_submit():
        if form.confirm.data != deletion.CONFIRM_WORD:
            form.confirm.errors.append(f"Please type {deletion.CONFIRM_WORD} in capitals, or go back.")
        elif not gate.confirm_password(user, form.password.data):
            form.password.errors.append("That password is not right.")
        elif needs_code and not mfa.check_code(user, form.code.data or ""):
            form.code.errors.append("That code didn't work. Enter a current code or a recovery code.")
        else:
            deletion.delete_account(user)
            end_session()
            flash("Your account and everything in it have been deleted. Take good care of yourself.", "success")
            return redirect(url_for("auth.login"))
    return render_template(
        "settings/delete.html", form=form, needs_code=needs_code, kept_for=retention_in_words()
    ), 422 if form.errors else 200
