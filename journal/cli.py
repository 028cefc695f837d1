"""Command-line tools: ``flask --app journal COMMAND``."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from journal.auth.services import AccountError, create_user
from journal.demo import seed_demo_command
from journal.entries.services import purge_expired_trash
from journal.keys_cli import keys_cli
from journal.models import Role


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
@click.password_option(help="Asked for, hidden, when missing. Avoid passing it on the command line.")
@with_appcontext
def create_user_command(email: str, role: str, display_name: str | None, time_zone: str, password: str) -> None:
    """Create an account with the given role."""
    if not display_name:
        display_name = click.prompt("Display name")
    try:
        user = create_user(
            email=email, display_name=display_name, password=password, role=Role(role), time_zone=time_zone
        )
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {user.role.value} {user.email} (id {user.id}).")


@click.command("purge-trash")
@with_appcontext
def purge_trash_command() -> None:
    """Delete entries that have been in the trash for more than 30 days (run daily)."""
    click.echo(f"Deleted {purge_expired_trash()} entries from the trash.")


def register_commands(app: Flask) -> None:
    """Add the project's commands to ``flask``."""
    for command in (create_user_command, purge_trash_command, seed_demo_command, keys_cli):
        app.cli.add_command(command)
