"""Backups: restored into an empty database they give every entry back with the master key;
the backup alone holds no journal text."""

from __future__ import annotations

import subprocess
from contextlib import contextmanager

import pytest
from flask_migrate import upgrade
from sqlalchemy import select

from journal import backups
from journal.entries.services import open_entry
from journal.extensions import db
from journal.models import Entry
from tests import postgres
from tests.conftest import dispose, make_app

WORDS = ["the river carried the stone", "my father's hands, from a distance", "Übermut und Stille"]


@contextmanager
def empty_database(backend: str, tmp_path):
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    else:
        with postgres.temporary_database("restore") as url:
            yield url


def plain_text_of(backend: str, path) -> bytes:
    """What someone holding only the backup file can read."""
    if backend == "sqlite":
        return path.read_bytes()
    return subprocess.run(["pg_restore", "--file=-", str(path)], capture_output=True, check=True).stdout


def test_a_backup_restores_into_an_empty_database_and_holds_no_journal_text(
    app, backend, runner, make_user, journal, tmp_path
):
    patient = make_user(email="p@example.org")
    session_id = journal.session(patient.id, intention="to meet my fear kindly")
    ids = [
        journal.entry(patient.id, words, title=f"Title {n}", session_id=session_id, tags=["grief"])
        for n, words in enumerate(WORDS)
    ]
    out = tmp_path / "journal.backup"
    result = runner.invoke(args=["backup", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert oct(out.stat().st_mode & 0o777) == "0o600"

    dumped = plain_text_of(backend, out)
    assert b"p@example.org" in dumped  # the backup is real: plaintext columns are there
    for secret in [*WORDS, "Title 0", "grief", "to meet my fear kindly"]:
        assert secret.encode() not in dumped, secret

    with empty_database(backend, tmp_path) as url:
        restored = make_app(url, app.instance_path)  # the same master key, kept apart from the backup
        with restored.app_context():
            if backend == "postgresql":
                upgrade()  # an empty schema to restore over, as a fresh installation has
        result = restored.test_cli_runner().invoke(args=["restore", str(out), "--yes"])
        assert result.exit_code == 0, result.output
        with restored.app_context():
            texts = {row.id: open_entry(row).content.answers[0].text for row in db.session.scalars(select(Entry))}
        dispose(restored)
    assert texts == dict(zip(ids, WORDS, strict=True))


def test_backup_refuses_to_overwrite_and_restore_refuses_a_stranger_file(app, backend, runner, tmp_path):
    taken = tmp_path / "taken.backup"
    taken.write_text("keep me")
    result = runner.invoke(args=["backup", "--out", str(taken)])
    assert result.exit_code != 0 and "already exists" in result.output
    assert taken.read_text() == "keep me"
    result = runner.invoke(args=["restore", str(taken), "--yes"])
    assert result.exit_code != 0 and ("not a backup" in result.output or "pg_restore failed" in result.output)


def test_restore_asks_first(app, runner, tmp_path):
    result = runner.invoke(args=["restore", __file__], input="n\n")
    assert result.exit_code != 0 and "Aborted" in result.output


@pytest.mark.parametrize("url", ["sqlite://", "mysql://x@localhost/db"])
def test_unsupported_databases_are_explained(url, tmp_path):
    with pytest.raises(backups.BackupError):
        backups.backup(url, tmp_path / "x.backup")
