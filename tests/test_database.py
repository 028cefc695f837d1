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


def test_sqlite_keeps_planner_statistics_so_a_sessions_entries_are_found_by_its_index(
    app, backend, make_user, journal, runner
):
    """Without statistics SQLite read a whole journal through the owner's index to find one session's
    entries (home page, timeline). The periodic job refreshes them, and connections are reopened to
    read them."""
    import pytest

    if backend != "sqlite":
        pytest.skip("PostgreSQL's autovacuum keeps its own statistics")
    from sqlalchemy import select

    from journal.models import Entry

    patient = make_user(email="p@example.org")
    with app.app_context():  # a journal of many sessions, a few entries each
        from journal.entries.content import CheckIn, EntryContent
        from journal.entries.services import create_entry
        from journal.models import EntryKind

        sessions = [journal.session(patient.id) for _ in range(40)]
        for session in sessions:
            for _ in range(4):
                create_entry(
                    owner_id=patient.id,
                    kind=EntryKind.GUIDED,
                    content=EntryContent(title="x"),
                    checkin=CheckIn(),
                    session_id=session,
                    prompt_set="same_day",
                    commit=False,
                )
        db.session.commit()
    session_id = sessions[-1]
    assert runner.invoke(args=["send-reminders"]).exit_code == 0  # the periodic job refreshes them
    assert app.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_recycle"] == 15 * 60
    with app.app_context():
        assert db.session.execute(text("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'entries'")).scalar() > 0
        from journal.sessions.timeline import done_sets

        statement = (
            select(Entry.session_id, Entry.prompt_set, Entry.id)
            .where(
                Entry.owner_id == patient.id,
                Entry.session_id.in_([session_id]),
                Entry.is_live,
                Entry.prompt_set.is_not(None),
            )
            .order_by(Entry.created_at)
        )
        compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
        plan = " ".join(row[3] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        assert "ix_entries_session_id" in plan, plan
        assert list(done_sets(patient.id, [session_id])[session_id]) == ["same_day"]
