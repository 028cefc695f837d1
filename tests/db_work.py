"""How many rows the database reads: SQLite's virtual-machine steps, for tests of work that must not grow.

Counting queries misses one query that reads a whole journal; counting the
steps of SQLite's virtual machine (in thousands) does not.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event

from journal.extensions import db


def sqlite_only(app) -> None:
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("counts SQLite's virtual-machine steps")


def sqlite_steps(app, view: Callable[[], object], per: int = 1000) -> int:
    """SQLite steps (in ``per``s) taken by ``view()`` run a second time, with fresh planner statistics.

    The first run builds what a view keeps (summaries, indexes); the statistics are those the app
    refreshes at start and every 15 minutes.
    """
    from journal.database import refresh_statistics

    steps = [0]

    def count():
        steps[0] += 1
        return 0  # carry on

    def watch(conn, *args):
        conn.connection.driver_connection.set_progress_handler(count, per)

    with app.app_context():
        refresh_statistics()
        view()
        engine = db.engine
    event.listen(engine, "before_cursor_execute", watch)
    try:
        with app.app_context():
            view()
    finally:
        event.remove(engine, "before_cursor_execute", watch)
        with engine.connect() as conn:  # the pool's connection: stop counting
            conn.connection.driver_connection.set_progress_handler(None, 0)
    return steps[0]
