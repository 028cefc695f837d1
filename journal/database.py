"""Connection settings that every SQLite connection needs, SQLite's planner statistics kept current,
and closing a request's session safely."""

from __future__ import annotations

import logging
import sqlite3
from typing import cast

from flask import Flask
from sqlalchemy import Delete, Update, event
from sqlalchemy.engine import CursorResult, Engine
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
    cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
    cursor.close()


@event.listens_for(Engine, "first_connect")
def _sqlite_statistics_at_start(dbapi_connection, connection_record) -> None:
    """A process starting (a worker, a command) refreshes SQLite's planner statistics: see
    ``refresh_statistics``, which the periodic job runs too."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    try:
        dbapi_connection.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        dbapi_connection.execute("ANALYZE")
        dbapi_connection.commit()
    except sqlite3.Error as error:  # busy with a writer: the periodic job tries again
        log.warning("SQLite statistics not refreshed at start: %s", error)


# ANALYZE reads at most this many rows of each index: approximate statistics, in milliseconds.
ANALYSIS_LIMIT = 400


def refresh_statistics() -> None:
    """Bring SQLite's planner statistics up to date (PostgreSQL's autovacuum does this by itself).

    Without them SQLite guesses, and for "this session's entries" it took the owner's index and read
    the whole journal: 1.2 ms at 3,000 entries instead of 0.014 ms through the session's index. Run
    when a process starts and by the periodic ``flask send-reminders``, so they follow a growing
    database; with ``analysis_limit`` it takes a few milliseconds whatever the size. Must not run
    inside a request: it closes the pool's connections.
    """
    if db.engine.dialect.name != "sqlite":
        return
    try:
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    except DBAPIError as error:  # busy with a writer: the next run tries again
        log.warning("SQLite statistics not refreshed: %s", type(error.orig).__name__)
        return
    # Open connections keep the statistics they read when they opened: this process's reopen now,
    # other processes' within SQLITE_RECYCLE_SECONDS (journal.config).
    db.engine.dispose()


def changed_rows(statement: Update | Delete) -> int:
    """Run an UPDATE or DELETE in the current session and say how many rows it changed.

    An atomic claim (a token spent once, an alert emailed once) is an UPDATE whose count is 1 for the one
    caller that won. Does not commit.
    """
    return cast(CursorResult, db.session.execute(statement)).rowcount


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
