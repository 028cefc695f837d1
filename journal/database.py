"""Connection settings that every SQLite connection needs."""

from __future__ import annotations

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """Enforce foreign keys and use write-ahead logging on SQLite.

    SQLite leaves foreign keys off unless each connection asks; WAL lets the
    autosave of one tab write while another tab reads. The busy timeout is
    set through ``connect_args`` in ``journal.config``.
    """
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
