"""Worlds built once per module, each test inside a transaction that is rolled back (Warehouse's pattern).

A large parametrised suite (the access matrix, the CSRF matrix) needs the same
users, connections and entries for every cell. Building them again for each
cell cost 95% of the cell's time. Instead a module builds its world once,
committed, and each cell runs in ``rolled_back(app)``: every database session
the app opens, in every request, joins one outer transaction on one connection,
and the app's own commits become savepoints inside it. At the end of the cell
the outer transaction is rolled back and the world is as it was built.

Inside a cell ``db.engine`` is that connection: code that disposes of the engine or opens a transaction of
its own (a backup, ``refresh_statistics``) does not belong in a rolled-back cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask

from journal.extensions import db, limiter


@contextmanager
def rolled_back(app: Flask) -> Iterator[None]:
    """Route every session of ``app`` through one transaction, and roll it back at the end.

    SQLite needs one more step: pysqlite opens a transaction only before a
    write, so a SAVEPOINT would start (and its RELEASE commit) a transaction of
    its own. Taking the connection out of pysqlite's hands and saying BEGIN
    ourselves puts every savepoint inside the outer transaction.
    """
    with app.app_context():
        db.session.remove()
        engine = db.engine
    engines = db._app_engines[app]
    factory = db.session.session_factory
    connection = engine.connect()
    sqlite = engine.dialect.name == "sqlite"
    driver = connection.connection.driver_connection if sqlite else None
    legacy_mode = driver.isolation_level if sqlite else None
    try:
        if sqlite:
            driver.isolation_level = None
        connection.begin()
        if sqlite:
            connection.exec_driver_sql("BEGIN")
        engines[None] = connection
        factory.kw["join_transaction_mode"] = "create_savepoint"
        with app.app_context():
            limiter.reset()  # one cell's requests never count against the next cell's limits
        yield
    finally:
        with app.app_context():
            db.session.remove()
        engines[None] = engine
        factory.kw.pop("join_transaction_mode", None)
        connection.rollback()
        if sqlite:
            driver.isolation_level = legacy_mode
        connection.close()


@contextmanager
def module_app(database_url: str, instance_path: Path, **overrides) -> Iterator[Flask]:
    """A testing app for one module's world, emptied and closed when the module is done."""
    from tests.conftest import dispose, empty_tables, make_app

    app = make_app(database_url, instance_path, **overrides)
    try:
        yield app
    finally:
        with app.app_context():
            empty_tables()
        dispose(app)
