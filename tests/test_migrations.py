"""The schema comes from the migrations, and they agree with the models."""

from contextlib import contextmanager

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import Column, Integer, MetaData, inspect

from journal.extensions import db
from tests import postgres
from tests.conftest import make_app


@contextmanager
def fresh_database(backend, tmp_path):
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path}/fresh.sqlite3"
    else:
        with postgres.temporary_database("migrations") as url:
            yield url


@pytest.fixture
def fresh_app(backend, tmp_path):
    with fresh_database(backend, tmp_path) as url:
        app = make_app(url, tmp_path)
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()


def drift(metadata: MetaData | None = None) -> list:
    with db.engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), metadata or db.metadata)


def tables() -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_models_and_migrations_agree(fresh_app):
    upgrade()
    assert drift() == []


def test_upgrade_downgrade_upgrade(fresh_app):
    upgrade()
    assert tables() == set(db.metadata.tables)
    downgrade(revision="base")
    assert tables() == set()
    upgrade()
    assert tables() == set(db.metadata.tables)
    assert drift() == []


def test_drift_is_detected(fresh_app):
    """Guard the guard: a column missing from the migrations is reported."""
    upgrade()
    changed = MetaData(naming_convention=db.metadata.naming_convention)
    for table in db.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["users"].append_column(Column("not_migrated", Integer))
    assert any("not_migrated" in str(change) for change in drift(changed))


def test_the_access_log_takes_the_new_action_and_still_refuses_unknown_ones(fresh_app):
    """Alembic's autogenerate does not compare CHECK constraints: this does, for the one that changed."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from journal.models import AccessAction, AccessLog, Role, User

    upgrade()
    patient = User(email="p@example.org", display_name="P", password_hash="x", role=Role.PATIENT)
    db.session.add(patient)
    db.session.flush()
    db.session.add(AccessLog(patient_id=patient.id, action=AccessAction.VIEW_MEASURES))
    db.session.commit()
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO access_log (patient_id, action, at) VALUES (:id, 'read_everything', CURRENT_TIMESTAMP)"),
            {"id": patient.id},
        )
    db.session.remove()
    downgrade(revision="c9d1e3f5a7b2")
    with db.engine.connect() as connection:
        assert connection.scalar(text("SELECT action FROM access_log")) == "view_patient"  # the line is kept


def test_upgrading_a_populated_database_keeps_every_child_row(fresh_app):
    """Revision 3c5e1f0a9b27 rebuilds ``users`` (SQLite's copy-and-move); with foreign keys on, dropping
    the old table would delete every session through ON DELETE CASCADE. Migrations must keep them."""
    import uuid

    from sqlalchemy import text

    upgrade(revision="798697e2980f")  # just before it
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (id, email, display_name, password_hash, role, time_zone, active, session_token, "
                "created_at, password_changed_at, paper_size) VALUES (1, 'p@example.org', 'P', 'x', 'patient', 'UTC', "
                "TRUE, 'token', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'a4')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO treatment_sessions (id, owner_id, occurred_at, medicine, setting, sealed, version, "
                "created_at, updated_at) VALUES (:id, 1, CURRENT_TIMESTAMP, 'mdma', 'clinic', :blob, 1, "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"id": uuid.uuid4().hex if db.engine.dialect.name == "sqlite" else str(uuid.uuid4()), "blob": b"sealed"},
        )
    upgrade()
    with db.engine.connect() as connection:
        assert connection.scalar(text("SELECT COUNT(*) FROM treatment_sessions")) == 1
        assert connection.scalar(text("SELECT COUNT(*) FROM users")) == 1
