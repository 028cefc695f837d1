"""``flask keys …``: create, rotate and retire master keys."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import gettext as _
from flask_babel import ngettext

from journal import crypto, vault

keys_cli = AppGroup("keys", help="Manage the master keys that protect users' data keys.")


def _file_keyring() -> crypto.Keyring:
    if current_app.config.get("MASTER_KEY"):
        raise click.ClickException(
            _(
                "JOURNAL_MASTER_KEY is set, so keys live in your environment, not in instance/master.key. Add a "
                "line from 'flask keys generate' to it (keeping the old ones), restart, then run 'flask keys rewrap'."
            )
        )
    return vault.keyring()


@keys_cli.command("init")
def init_command() -> None:
    """Create instance/master.key if it does not exist (needed once in production)."""
    path = Path(current_app.instance_path) / crypto.MASTER_KEY_FILE
    if path.exists():
        click.echo(_("%(file)s already exists; nothing changed.", file=path))
        return
    crypto.load_or_create_keyring_file(Path(current_app.instance_path), create=True)
    click.echo(_("Created %(file)s (mode 0600). Back it up: without it no journal can be read.", file=path))


@keys_cli.command("generate")
def generate_command() -> None:
    """Print a new 'id:base64' key line for JOURNAL_MASTER_KEY (changes nothing)."""
    ring = crypto.Keyring(dict(vault.keyring().keys))
    ring.add_new_key()
    click.echo(ring.dump().splitlines()[-1])


@keys_cli.command("rotate")
def rotate_command() -> None:
    """Add a new master key to instance/master.key and rewrap every data key with it."""
    ring = _file_keyring()
    new_id = ring.add_new_key()
    crypto.write_keyring_file(Path(current_app.instance_path), ring)
    moved = vault.rewrap_all()
    click.echo(
        ngettext(
            "Master key %(id)d is now active; rewrapped %(num)d data key.",
            "Master key %(id)d is now active; rewrapped %(num)d data keys.",
            sum(moved.values()),
            id=new_id,
        )
    )
    click.echo(_("Old keys stay in the file until you retire them with 'flask keys retire ID'."))


@keys_cli.command("rewrap")
def rewrap_command() -> None:
    """Rewrap every data key with the active master key (after adding one by hand)."""
    moved = vault.rewrap_all()
    click.echo(
        ngettext(
            "Rewrapped %(num)d data key with master key %(id)d.",
            "Rewrapped %(num)d data keys with master key %(id)d.",
            sum(moved.values()),
            id=vault.keyring().active_id,
        )
    )


@keys_cli.command("retire")
@click.argument("key_id", type=int)
def retire_command(key_id: int) -> None:
    """Remove an old master key once no data key depends on it."""
    ring = _file_keyring()
    if key_id not in ring.keys:
        raise click.ClickException(_("There is no master key %(id)d.", id=key_id))
    if key_id == ring.active_id:
        raise click.ClickException(_("The active key cannot be retired; rotate first."))
    still = vault.keys_in_use().get(key_id, 0)
    if still:
        raise click.ClickException(
            ngettext(
                "%(num)d data key is still wrapped by key %(id)d; run 'flask keys rewrap'.",
                "%(num)d data keys are still wrapped by key %(id)d; run 'flask keys rewrap'.",
                still,
                id=key_id,
            )
        )
    del ring.keys[key_id]
    crypto.write_keyring_file(Path(current_app.instance_path), ring)
    click.echo(_("Retired master key %(id)d.", id=key_id))


@keys_cli.command("status")
def status_command() -> None:
    """Show the master keys and how many data keys each one wraps."""
    ring, used = vault.keyring(), vault.keys_in_use()
    for key_id in sorted(ring.keys):
        count = used.get(key_id, 0)
        if key_id == ring.active_id:
            line = ngettext(
                "master key %(id)d (active): %(num)d data key",
                "master key %(id)d (active): %(num)d data keys",
                count,
                id=key_id,
            )
        else:
            line = ngettext(
                "master key %(id)d: %(num)d data key", "master key %(id)d: %(num)d data keys", count, id=key_id
            )
        click.echo(line)
    for key_id in sorted(set(used) - set(ring.keys)):
        click.echo(
            ngettext(
                "MISSING master key %(id)d: %(num)d data key cannot be read",
                "MISSING master key %(id)d: %(num)d data keys cannot be read",
                used[key_id],
                id=key_id,
            )
        )
