"""Fixtures in the flaskr style: app, client, runner, auth, and users.

Every test runs once on SQLite and once on PostgreSQL (the latter skipped,
with a reason, unless JOURNAL_TEST_POSTGRES_URL is set). The schema comes
from the real migrations; tables are emptied after each test. CSRF
protection stays on: the client fetches and sends tokens like a browser.
"""

from __future__ import annotations

import faulthandler
import os
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from flask_migrate import upgrade
from jinja2 import FileSystemBytecodeCache
from sqlalchemy import delete, text

from journal import create_app
from journal.auth.services import create_user
from journal.extensions import db
from journal.models import Role
from tests import postgres

PASSWORD = "a quiet walk by the river"
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


class BrowserLikeClient(FlaskClient):
    """A test client that sends the CSRF token a real form would carry."""

    def csrf_token(self) -> str:
        page = self.get("/help")
        return CSRF_META.search(page.get_data(as_text=True)).group(1)

    def post_form(self, url: str, data: dict | None = None, **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf_token())
        return self.post(url, data=data, **kwargs)


# Every test makes an app, and each app's Jinja environment would compile every template it draws again:
# compiled templates are kept on disk, keyed by each template's source, and shared by every app and worker.
TEMPLATE_CACHE = FileSystemBytecodeCache()


def make_app(database_url: str, instance_path: Path, **overrides):
    """Create a testing app on a given database."""
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": database_url, **overrides}, instance_path)
    app.test_client_class = BrowserLikeClient
    app.jinja_env.bytecode_cache = TEMPLATE_CACHE
    return app


def dispose(app) -> None:
    """Close an app's pooled connections now, not whenever the garbage collector gets to them."""
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    """A migrated database for the whole session, one per backend."""
    if request.param == "sqlite":
        url = "sqlite:///" + str(tmp_path_factory.mktemp("sqlite") / "journal.sqlite3")
        yield _migrated(url, tmp_path_factory)
    else:
        with postgres.temporary_database("suite") as url:
            yield _migrated(url, tmp_path_factory)


def _migrated(url: str, tmp_path_factory) -> str:
    app = make_app(url, tmp_path_factory.mktemp("instance"))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


@pytest.fixture
def backend(database_url) -> str:
    return "postgresql" if database_url.startswith("postgresql") else "sqlite"


@pytest.fixture
def app(database_url, tmp_path):
    app = make_app(database_url, tmp_path)
    yield app
    with app.app_context():
        empty_tables()
        db.engine.dispose()


def empty_tables() -> None:
    """Delete every row between tests. On PostgreSQL the audit trail refuses deletes by
    trigger; the suite (as superuser) switches triggers off for its own cleanup only."""
    db.session.remove()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("SET session_replication_role = replica"))
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(delete(table))
    db.session.commit()


@pytest.fixture
def client(app) -> BrowserLikeClient:
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class UserMaker:
    """Create users directly through the account service."""

    def __init__(self, app) -> None:
        self.app = app
        self.counter = iter(range(1, 10_000))

    def __call__(self, role: Role = Role.PATIENT, email: str | None = None, password: str = PASSWORD, **fields):
        with self.app.app_context():
            user = create_user(
                email=email or f"{role.value}{next(self.counter)}@example.org",
                display_name=fields.pop("display_name", f"Test {role.value}"),
                password=password,
                role=role,
                **fields,
            )
            db.session.expunge(user)
            return user


@pytest.fixture
def make_user(app):
    """Create a user directly through the account service."""
    return UserMaker(app)


class AuthActions:
    def __init__(self, client: BrowserLikeClient) -> None:
        self._client = client

    def login(self, email: str, password: str = PASSWORD, next: str | None = None):
        query = {"next": next} if next is not None else None
        return self._client.post_form("/login", {"email": email, "password": password}, query_string=query)

    def logout(self):
        return self._client.post_form("/logout")


@pytest.fixture
def auth(client) -> AuthActions:
    return AuthActions(client)


# Suites that start servers of their own, kept out of ``make test-fast``; each is one xdist group, so one worker
# starts its server once while the other runs everything else (``--dist loadgroup``).
SLOW_SUITES = {
    "browser": "tests/browser/",
    "server": "tests/test_concurrent_writers.py",
    "cluster": "tests/cluster/",
}


@pytest.hookimpl(tryfirst=True)  # before xdist's loadgroup reads the groups
def pytest_collection_modifyitems(config, items) -> None:
    root = Path(__file__).resolve().parent.parent
    for item in items:
        path = Path(item.fspath).resolve().relative_to(root).as_posix()
        for mark, where in SLOW_SUITES.items():
            if path.startswith(where):
                item.add_marker(getattr(pytest.mark, mark))
                item.add_marker(pytest.mark.xdist_group(mark))


HANGS = Path(__file__).resolve().parent.parent / "artifacts" / "hangs"


@pytest.fixture(autouse=True)
def hang_dump(request):
    """A test still running 20 s before pytest-timeout ends it writes every thread's stack to artifacts/hangs/
    (a worker's own stderr is lost when it is ended); the run's summary prints them."""
    limit = request.config.getini("timeout")
    if not limit:
        yield
        return
    folder = hangs_folder(request.config)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{os.getpid()}.txt").open("w") as out:
        out.write(f"{request.node.nodeid}\n")
        out.flush()
        faulthandler.dump_traceback_later(max(float(limit) - 20, 1), file=out)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()
    (folder / f"{os.getpid()}.txt").unlink(missing_ok=True)


def hangs_folder(config) -> Path:
    """This run's folder: named by the controller's process (an xdist worker's parent), so runs side by side
    keep theirs apart."""
    return HANGS / str(os.getppid() if hasattr(config, "workerinput") else os.getpid())


def pytest_report_header(config) -> str:
    return postgres.status_line()


def pytest_terminal_summary(terminalreporter) -> None:
    terminalreporter.write_line(postgres.status_line())
    for dump in sorted(hangs_folder(terminalreporter.config).glob("*.txt")):
        if dump.read_text().count("\n") > 1:  # a test name, then the stacks
            terminalreporter.section(f"hung test, stacks 20 s before its timeout ({dump.name})")
            terminalreporter.write_line(dump.read_text())


@pytest.fixture
def raw_clock():
    """Control the application's clock: ``raw_clock(datetime)``; restored after the test."""
    from journal import clock as app_clock

    yield app_clock.freeze
    app_clock.freeze(None)


@pytest.fixture
def clock(app, raw_clock):
    """The clock, for tests about something else than login timeouts: logins do not expire."""
    app.config.update(SESSION_IDLE_MINUTES=10**7, SESSION_ABSOLUTE_HOURS=10**6)
    return raw_clock


@pytest.fixture
def patient(client, auth, make_user):
    """A patient, logged in on ``client``."""
    user = make_user(email="pat@example.org", display_name="Pat", time_zone="Europe/Berlin")
    auth.login("pat@example.org")
    return user


@pytest.fixture
def journal(app):
    """Write sessions and entries straight through the services, for a given user id."""
    return JournalFactory(app)


class JournalFactory:
    def __init__(self, app) -> None:
        self.app = app

    def session(self, owner_id: int, occurred_at=None, intention: str = "to meet my fear kindly", **fields):
        from journal.clock import utcnow
        from journal.models import Medicine, Setting
        from journal.sessions.services import SessionDetails, save_session

        with self.app.app_context():
            row = save_session(
                None,
                owner_id=owner_id,
                occurred_at=occurred_at or utcnow(),
                medicine=fields.pop("medicine", Medicine.KETAMINE_IV),
                setting=fields.pop("setting", Setting.CLINIC),
                details=SessionDetails(intention=intention, **fields),
            )
            return row.id

    def entry(
        self,
        owner_id: int,
        text: str = "a quiet morning",
        *,
        title: str = "Morning",
        tags=(),
        session_id=None,
        prompt_set=None,
        created_at=None,
        mood=None,
        intensity=None,
        theme=None,
        after_effects=(),
    ):
        from journal.entries.content import Answer, CheckIn, EntryContent
        from journal.entries.services import create_entry
        from journal.models import EntryKind

        content = EntryContent(
            title=title,
            answers=[Answer("p1" if theme else None, theme, "Prompt?" if theme else None, text)],
            tags=list(tags),
            after_effects=list(after_effects),
        )
        with self.app.app_context():
            row = create_entry(
                owner_id=owner_id,
                kind=EntryKind.GUIDED if prompt_set else EntryKind.FREE,
                content=content,
                checkin=CheckIn(mood, intensity),
                session_id=session_id,
                prompt_set=prompt_set,
                created_at=created_at,
            )
            return row.id


def login_client(app, email: str, password: str = PASSWORD) -> BrowserLikeClient:
    """A fresh client logged in as ``email``."""
    client = app.test_client()
    response = client.post_form("/login", {"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def sharing(app):
    """Connect and share straight through the services."""
    return SharingFactory(app)


class SharingFactory:
    def __init__(self, app) -> None:
        self.app = app

    def connect(self, patient_id: int, therapist_id: int):
        from journal.models import User
        from journal.sharing.services import connect

        with self.app.app_context():
            from journal.extensions import db as _db

            return connect(_db.session.get(User, patient_id), _db.session.get(User, therapist_id)).id

    def share(self, entry_id, *therapist_ids: int) -> None:
        from journal.models import Entry
        from journal.sharing.services import set_entry_sharing

        with self.app.app_context():
            from journal.extensions import db as _db

            set_entry_sharing(_db.session.get(Entry, entry_id), set(therapist_ids))

    def share_session(self, session_id, *therapist_ids: int) -> None:
        from journal.models import TreatmentSession
        from journal.sharing.services import set_session_sharing

        with self.app.app_context():
            from journal.extensions import db as _db

            set_session_sharing(_db.session.get(TreatmentSession, session_id), set(therapist_ids))

    def disconnect(self, patient_id: int, therapist_id: int) -> None:
        from journal.sharing.services import active_connection, end_connection

        with self.app.app_context():
            end_connection(active_connection(patient_id, therapist_id))


@pytest.fixture(scope="session")
def smtp_server():
    """One real SMTP server for the whole run."""
    from tests.mail_server import SmtpServer

    with SmtpServer() as server:
        yield server


@pytest.fixture
def mailbox(app, smtp_server):
    """Send this test's app's mail to the suite's SMTP server; what it receives, from empty."""
    app.config.update(smtp_server.settings)
    smtp_server.mailbox.clear()
    return smtp_server.mailbox


@pytest.fixture
def proxied_postgres(tmp_path):
    """An app whose PostgreSQL is reached through a proxy the test can cut."""
    from sqlalchemy.engine import make_url

    from tests.tcp_proxy import CuttableProxy

    with postgres.temporary_database("outage") as url:
        server = make_url(url)
        proxy = CuttableProxy(server.host, server.port or 5432)
        through = server.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        app = make_app(through, tmp_path)
        with app.app_context():
            upgrade()
            create_user(email="p@example.org", display_name="Pat", password=PASSWORD)
        yield app, proxy
        proxy.close()
        dispose(app)
