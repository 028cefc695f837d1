from sqlalchemy import text

from journal.extensions import db


def test_sqlite_connections_enforce_foreign_keys_wal_and_wait_for_locks(app, backend):
    if backend != "sqlite":
        return _assert_postgres_pre_ping(app)
    with app.app_context():
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def _assert_postgres_pre_ping(app):
    with app.app_context():
        assert db.engine.pool._pre_ping is True
        assert db.engine.dialect.driver == "psycopg"
