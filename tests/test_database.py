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


def test_a_connection_lost_after_the_answer_is_ready_does_not_turn_it_into_an_error(proxied_postgres, caplog):
    """PostgreSQL goes away between the view's answer and the session's closing rollback (a real cut)."""
    app, proxy = proxied_postgres

    @app.get("/_answer-then-cut")
    def answer_then_cut():
        db.session.execute(text("SELECT 1"))  # the request holds a connection, in a transaction
        proxy.cut()
        return "saved"

    response = app.test_client().get("/_answer-then-cut")
    assert response.status_code == 200 and response.get_data(as_text=True) == "saved"
    assert "database connection lost while closing a session" in caplog.text
    proxy.restore()
    with app.app_context():
        assert db.session.execute(text("SELECT 1")).scalar() == 1  # the dead connection was not reused
