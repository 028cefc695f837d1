"""Backups of the database, never of the keys: SQLite's online backup API, pg_dump on PostgreSQL.

A backup holds journal text only as ciphertext: the data keys in it are
wrapped by the master key, which lives apart (``instance/master.key`` or
``JOURNAL_MASTER_KEY``) and must be kept apart from the backups.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import URL, make_url


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message says why."""


def backup(database_url: str, out: Path) -> None:
    """Write a consistent copy of the database to ``out`` (mode 0600), taken while the app runs."""
    url = make_url(database_url)
    out = Path(out)
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise BackupError(f"no backup method for {url.get_backend_name()}")
    try:  # made here, private and new, before anything is written to it
        os.close(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise BackupError(f"{out} already exists: choose a new file name") from None
    try:
        _write_backup(url, out)
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def _write_backup(url: URL, out: Path) -> None:
    if url.get_backend_name() == "sqlite":
        _sqlite_backup(_sqlite_path(url), out)
    elif url.get_backend_name() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={out}"], url)
    os.chmod(out, 0o600)


def restore(database_url: str, source: Path) -> None:
    """Replace the database's contents with a backup. Stop the app first: nothing may write meanwhile."""
    url = make_url(database_url)
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    if url.get_backend_name() == "sqlite":
        _check_sqlite_backup(source)
        _sqlite_backup(source, _sqlite_path(url), replace=True)
    elif url.get_backend_name() == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                str(source),
            ],
            url,
            database_flag=True,
        )
    else:
        raise BackupError(f"no restore method for {url.get_backend_name()}")


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database has nothing to back up")
    return Path(url.database)


def _check_sqlite_backup(source: Path) -> None:
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as conn:
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source} is not a backup of this app's SQLite database ({error})") from None


def _sqlite_backup(source: Path, target: Path, *, replace: bool = False) -> None:
    """Copy with SQLite's backup API (page by page, consistent while others write), atomically into place."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(fd)
    try:
        # Read-only: a source that is not there must fail, not be created empty and "backed up".
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, closing(sqlite3.connect(tmp)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        if replace:
            for suffix in ("-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _run(command: list[str], url: URL, *, database_flag: bool = False) -> None:
    """Run a PostgreSQL client tool with the connection in libpq's environment (no password in ``ps``)."""
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client)")
    env = {
        **os.environ,
        "PGHOST": url.host or "localhost",
        "PGPORT": str(url.port or 5432),
        "PGUSER": url.username or "",
        "PGDATABASE": url.database or "",
    }
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    if database_flag:
        command = [*command[:-1], f"--dbname={url.database}", command[-1]]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-1000:]}")
