"""Command-line tools: ``flask --app journal COMMAND``.

What a command says to the person running it is marked for translation (in the app's default language
outside a request); what it writes for an account (a PDF, an export) is in that account's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_babel import format_number, ngettext
from flask_babel import gettext as _

from journal import backups, mail
from journal.admin.services import set_account_active
from journal.auth.services import AccountError, create_user, find_user_by_email
from journal.database import refresh_statistics
from journal.demo import seed_demo_command
from journal.entries.index import rebuild_all
from journal.entries.searches import purge_searches
from journal.entries.services import purge_expired_trash
from journal.export.archive import export_everything
from journal.export.document import build_pdf
from journal.export.fonts import configured_fonts
from journal.export.gather import ExportOptions, patient_export
from journal.export.importing import ImportRefused, import_file
from journal.extensions import db
from journal.keys_cli import keys_cli
from journal.models import Role
from journal.ops.metrics import reminder_run
from journal.reminders.services import send_due
from journal.safety import outbox
from journal.settings.deletion import LedgerUnreadable, apply_ledger, deleted_accounts
from journal.therapist import digest


@click.command("create-user")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice([role.value for role in Role]),
    default=Role.THERAPIST.value,
    show_default=True,
    help="Therapists and admins are created here; patients register themselves.",
)
@click.option("--name", "display_name", help="Display name (asked for when missing).")
@click.option("--time-zone", default="UTC", show_default=True, help="IANA time zone, e.g. Europe/Berlin.")
@click.option(
    "--confirmed",
    is_flag=True,
    help="The address is known to work: reset links and reminders go to it without a confirmation link first.",
)
@click.password_option(help="Asked for, hidden, when missing. Avoid passing it on the command line.")
@with_appcontext
def create_user_command(
    email: str, role: str, display_name: str | None, time_zone: str, confirmed: bool, password: str
) -> None:
    """Create an account with the given role."""
    if not display_name:
        display_name = click.prompt(_("Display name"))
    try:
        user = create_user(
            email=email,
            display_name=display_name,
            password=password,
            role=Role(role),
            time_zone=time_zone,
            confirmed=confirmed,
        )
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    if confirmed:
        done = _(
            "Created %(role)s %(email)s (id %(id)d), its address confirmed.",
            role=user.role.value,
            email=user.email,
            id=user.id,
        )
    else:
        done = _(
            "Created %(role)s %(email)s (id %(id)d), its address not confirmed yet.",
            role=user.role.value,
            email=user.email,
            id=user.id,
        )
    click.echo(done)


def _set_active_from_cli(email: str, active: bool) -> None:
    user = find_user_by_email(email)
    if user is None:
        raise click.ClickException(_("No account %(email)s.", email=repr(email)))
    set_account_active(user, active, detail="from the command line")
    if active:
        click.echo(_("%(email)s is now enabled.", email=user.email))
    else:
        click.echo(_("%(email)s is now disabled, and logged out everywhere.", email=user.email))


@click.command("disable-user")
@click.argument("email")
@with_appcontext
def disable_user_command(email: str) -> None:
    """Disable an account and end every login of it at once."""
    _set_active_from_cli(email, False)


@click.command("enable-user")
@click.argument("email")
@with_appcontext
def enable_user_command(email: str) -> None:
    """Enable a disabled account again."""
    _set_active_from_cli(email, True)


@click.command("purge-trash")
@with_appcontext
def purge_trash_command() -> None:
    """Delete entries that have been in the trash for more than 30 days (run daily)."""
    click.echo(_("Deleted %(num)d entries from the trash.", num=purge_expired_trash()))


@click.command("reindex")
@with_appcontext
def reindex_command() -> None:
    """Rebuild every journal's search index and tag summary (optional after an upgrade: visits build them too)."""
    click.echo(
        ngettext(
            "Rebuilt the index and summary of %(num)d journal.",
            "Rebuilt the index and summary of %(num)d journals.",
            rebuild_all(),
        )
    )


@click.command("export-pdf")
@click.argument("email")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True), help="PDF file to write.")
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="First day (YYYY-MM-DD), inclusive.")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Last day (YYYY-MM-DD), inclusive.")
@with_appcontext
def export_pdf_command(email: str, out: str, date_from, date_to) -> None:
    """Export a patient's own journal to a PDF file."""
    user = find_user_by_email(email)
    if user is None or user.role != Role.PATIENT:
        raise click.ClickException(_("No patient account %(email)s.", email=repr(email)))
    options = ExportOptions(
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        page_size=user.paper_size,
    )
    pdf = build_pdf(patient_export(user, options), configured_fonts())
    with open(out, "wb") as handle:
        handle.write(pdf)
    click.echo(_("Wrote %(file)s (%(size)s bytes).", file=out, size=format_number(len(pdf))))


@click.command("export-data")
@click.argument("email")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="Zip file to write.")
@with_appcontext
def export_data_command(email: str, out: str) -> None:
    """Export everything a patient wrote: journal.json, Markdown per entry and the PDF, in one zip. Audited."""
    user = find_user_by_email(email)
    if user is None or user.role != Role.PATIENT:
        raise click.ClickException(_("No patient account %(email)s.", email=repr(email)))
    if Path(out).exists():
        raise click.ClickException(_("%(file)s already exists: choose a new file name.", file=out))
    made = export_everything(user, by="command line")
    shutil.move(made, out)
    click.echo(
        _(
            "Wrote %(file)s (%(size)s bytes). It is not encrypted: keep it private.",
            file=out,
            size=format_number(Path(out).stat().st_size),
        )
    )


@click.command("import-data")
@click.argument("email")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def import_data_command(email: str, source: str) -> None:
    """Import an export zip (or journal.json) or a Day One JSON export zip into a patient's journal. Audited."""
    user = find_user_by_email(email)
    if user is None or user.role != Role.PATIENT:
        raise click.ClickException(_("No patient account %(email)s.", email=repr(email)))
    try:
        summary = import_file(user, source, Path(source).read_bytes(), by="command line")
    except ImportRefused as refused:
        raise click.ClickException(refused.for_person()) from None
    click.echo(summary.sentence())


@click.command("send-reminders")
@with_appcontext
def send_reminders_command() -> None:
    """Email the reminders and therapists' daily digests due now, and any safety alert email due (run every
    15 minutes from cron or a systemd timer; safe to overlap). ``flask send-alerts`` sends the alert emails
    alone, more often."""
    with reminder_run(), _mail_links():
        summary = send_due()
        digests = digest.send_due()
        alerts = outbox.send_due()
    purge_searches()  # searches of the entry list last an hour
    db.session.commit()
    refresh_statistics()  # every 15 minutes: SQLite's planner follows a growing database
    click.echo(
        _("%(sent)d reminder(s) sent; %(skipped)d to try again next time.", sent=summary.sent, skipped=summary.skipped)
    )
    if digests.sent or digests.skipped:
        click.echo(
            _(
                "%(sent)d daily digest(s) sent; %(skipped)d to try again next time.",
                sent=digests.sent,
                skipped=digests.skipped,
            )
        )
    if alerts.sent or alerts.given_up:
        click.echo(_alerts_line(alerts))


@click.command("send-alerts")
@with_appcontext
def send_alerts_command() -> None:
    """Send the safety alert emails that are due: new ones a save could not send, retries after a refusal,
    and reminders of alerts still unacknowledged (run every minute or few from cron; safe to overlap)."""
    with _mail_links():
        summary = outbox.send_due()
    click.echo(_alerts_line(summary))


def _mail_links():
    """A request context on PUBLIC_URL, so links in emails sent from the command line point at the site."""
    return current_app.test_request_context("/", base_url=mail.site_url())


def _alerts_line(summary: outbox.RunSummary) -> str:
    return _(
        "%(sent)d safety alert email(s) sent; %(retrying)d to try again later; %(given_up)d given up (see the "
        "alert); %(reminders)d reminder(s) written.",
        sent=summary.sent,
        retrying=summary.retrying,
        given_up=summary.given_up,
        reminders=summary.reminders,
    )


def _database_url() -> str:
    """The engine's own URL: Flask-SQLAlchemy has resolved a relative SQLite path against the instance folder."""
    return db.engine.url.render_as_string(hide_password=False)


@click.command("backup")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="The file to write (must not exist).")
@with_appcontext
def backup_command(out: str) -> None:
    """Back up the database (not the keys: keep the master key apart from backups)."""
    try:
        backups.backup(_database_url(), Path(out))
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(_("Wrote %(file)s. It holds journals only as ciphertext; the master key is not in it.", file=out))


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.confirmation_option(prompt="This replaces everything in the configured database. Is the app stopped?")
@with_appcontext
def restore_command(source: str) -> None:
    """Replace the database's contents with a backup made by ``backup``. Stop the app first."""
    try:
        ledger = deleted_accounts()  # read first: a damaged ledger must stop the restore, not follow it
    except LedgerUnreadable as error:
        raise click.ClickException(_("Nothing was restored: %(error)s", error=error)) from None
    db.session.remove()
    db.engine.dispose()  # no pooled connection may outlive the old contents
    try:
        backups.restore(_database_url(), Path(source))
    except backups.BackupError as error:
        raise click.ClickException(str(error)) from None
    forgotten = apply_ledger(ledger)  # accounts deleted after the backup was taken stay deleted
    click.echo(
        _(
            "Restored %(file)s; %(num)d account(s) deleted since then removed again (deletion ledger). "
            "Run 'flask --app journal db upgrade' if the backup is from an older version.",
            file=source,
            num=forgotten,
        )
    )


@click.command("crisis-lines")
@click.argument("action", type=click.Choice(["check"]))
@click.option("--months", default=18, show_default=True, help="Flag sources older than this.")
def crisis_lines_command(action: str, months: int) -> None:
    """List packaged crisis numbers whose source is older than MONTHS, to check again (exit 1 if any)."""
    from journal.clock import utcnow
    from journal.safety import crisis

    found = crisis.stale(utcnow().date(), months)
    for country, name, checked in found:
        click.echo(_("%(country)s: %(name)s (last checked %(checked)s)", country=country, name=name, checked=checked))
    regions = crisis.packaged_regions()
    click.echo(
        _(
            "%(countries)d countries, %(numbers)d numbers; %(old)d older than %(months)d months.",
            countries=len(regions),
            numbers=sum(len(r["lines"]) for r in regions),
            old=len(found),
            months=months,
        )
    )
    if found:
        raise SystemExit(1)


@click.command("purge-records")
@with_appcontext
def purge_records_command() -> None:
    """Delete former patients' clinical records past CLINICAL_RECORD_RETENTION_DAYS (run daily; safe to overlap)."""
    from journal.therapist.records import purge_expired_records

    click.echo(_("Deleted %(num)d clinical record(s) past their retention time.", num=purge_expired_records()))


def register_commands(app: Flask) -> None:
    """Add the project's commands to ``flask``."""
    for command in (
        create_user_command,
        disable_user_command,
        enable_user_command,
        purge_trash_command,
        reindex_command,
        seed_demo_command,
        export_pdf_command,
        keys_cli,
        backup_command,
        restore_command,
        export_data_command,
        import_data_command,
        send_reminders_command,
        send_alerts_command,
        crisis_lines_command,
        purge_records_command,
    ):
        app.cli.add_command(command)
