"""Connection settings that every SQLite connection needs, and closing a request's session safely."""

from __future__ import annotations

import logging
import sqlite3

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from journal.extensions import db

log = logging.getLogger(__name__)


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


def init_session_teardown(app: Flask) -> None:
    """Close each request's session without letting a dead connection turn a finished answer into a 500.

    When the database restarts mid-request, the rollback that closing the
    session sends can fail after the answer (a saved entry's redirect, say)
    is ready; the connection is already invalidated, so the failure is logged
    and the answer stands. Runs before Flask-SQLAlchemy's own teardown, which
    then finds nothing left to close.
    """

    @app.teardown_appcontext
    def close_session(_exc: BaseException | None) -> None:
        try:
            db.session.remove()
        except DBAPIError as error:
            log.warning("database connection lost while closing a session: %s", type(error.orig).__name__)
            db.session.registry.clear()
