"""Deleting an account: everything goes, therapists are told without a name, and it holds against old backups."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import func, select

from journal.audit import Event
from journal.extensions import db
from journal.models import AuditEvent, Role, User
from tests.conftest import PASSWORD, login_client

GONE = "what I saw from a distance"


def ask(client, **fields):
    return client.post_form("/settings/delete", {"password": PASSWORD, "confirm": "DELETE", **fields})


def rows_of(app, user_id: int) -> dict[str, int]:
    """Rows that mention the user, table by table (the audit trail aside: it keeps the bare id)."""
    counts = {}
    with app.app_context():
        for table in db.metadata.sorted_tables:
            if table.name in ("audit_events", "closed_connections"):
                continue
            columns = [
                c
                for c in table.columns
                if c.name in ("user_id", "owner_id", "patient_id", "author_id", "id")
                and (c.name != "id" or table.name == "users")
            ]
            for column in columns:
                count = db.session.scalar(select(func.count()).select_from(table).where(column == user_id))
                if count:
                    counts[f"{table.name}.{column.name}"] = count
    return counts


@pytest.fixture
def full_account(app, patient, make_user, journal, sharing):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    sharing.connect(patient.id, therapist.id)
    session_id = journal.session(patient.id)
    entry_id = journal.entry(patient.id, GONE, session_id=session_id, tags=["grief"])
    sharing.share(entry_id, therapist.id)
    sharing.share_session(session_id, therapist.id)
    with app.app_context():
        from journal.models import Entry
        from journal.sharing.services import add_reply

        add_reply(db.session.get(Entry, entry_id), therapist.id, db.session.get(User, therapist.id), "Thank you.")
        # The safety loop's rows: a plan, an alert (with a sealed note), a therapist's private note.
        from journal.models import Connection
        from journal.safety import alerts
        from journal.safety.plan import save
        from journal.safety.risk import assess
        from journal.therapist.workspace import write_note

        save(patient.id, {"reasons": GONE}, 0)
        db.session.scalar(select(Connection)).safety_alerts = True
        (alert,) = alerts.raise_alerts(
            db.session.get(User, patient.id), assess([GONE], phq9_item9=3), entry_id=entry_id
        )
        db.session.commit()
        alerts.acknowledge(alert, "called", "reached them")
        write_note(therapist.id, patient.id, "a note")
    return therapist


def test_deleting_removes_everything_and_logs_out(app, client, patient, full_account):
    assert rows_of(app, patient.id)  # there is something to delete
    response = ask(client)
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert rows_of(app, patient.id) == {}  # data_keys.user_id among them; the therapist keeps their own key
    with app.app_context():  # rows tied to the entries and sessions, not to the user directly
        for table in (
            "entry_shares",
            "session_shares",
            "entry_terms",
            "replies",
            "journal_summaries",
            "share_summaries",
            "connections",
            "safety_plans",
            "safety_alerts",
            "clinician_notes",
        ):
            assert db.session.scalar(select(func.count()).select_from(db.metadata.tables[table])) == 0, table
    assert client.get("/entries").status_code == 302  # logged out
    assert client.post_form("/login", {"email": "pat@example.org", "password": PASSWORD}).status_code == 200


def test_the_audit_trail_keeps_a_record_without_name_or_email(app, client, patient, full_account):
    ask(client)
    with app.app_context():
        (deleted,) = db.session.scalars(select(AuditEvent).where(AuditEvent.event == Event.ACCOUNT_DELETED.value))
        assert deleted.subject_id == patient.id
        details = " ".join(e.detail or "" for e in db.session.scalars(select(AuditEvent)))
    assert "pat@example.org" not in details and "Pat" not in details


def test_the_ledger_holds_only_ids_and_times(app, client, patient):
    ask(client)
    from journal.settings.deletion import ledger_path

    with app.app_context():
        lines = ledger_path().read_text().splitlines()
        mode = ledger_path().stat().st_mode & 0o777
    assert [set(json.loads(line)) for line in lines] == [{"user_id", "created_at", "deleted_at"}]
    assert json.loads(lines[0])["user_id"] == patient.id and mode == 0o600


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"confirm": "delete"}, "Please type DELETE in capitals"),
        ({"confirm": ""}, "Please type DELETE in capitals"),
        ({"password": "not my password"}, "That password is not right."),
    ],
)
def test_a_wrong_word_or_password_deletes_nothing(app, client, patient, full_account, fields, message):
    before = rows_of(app, patient.id)
    response = ask(client, **fields)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert rows_of(app, patient.id) == before


def test_a_two_factor_account_needs_its_code(app, patient, full_account):
    from tests.auth.test_recovery import enrol

    recovery_code = enrol(app, "pat@example.org")
    client = app.test_client()
    step = client.post_form("/login", {"email": "pat@example.org", "password": PASSWORD})
    assert step.headers["Location"].startswith("/login/code")
    client.post_form("/login/code", {"code": recovery_code})
    response = ask(client, code="000000")
    assert response.status_code == 422 and "code didn" in response.get_data(as_text=True)
    assert rows_of(app, patient.id)


def test_therapists_are_told_without_a_name(app, client, patient, full_account):
    ask(client)
    therapist = login_client(app, "t@example.org")
    dashboard = therapist.get("/therapist/").get_data(as_text=True)
    assert "closed their account" in dashboard and "Pat" not in dashboard.replace("Patients", "")
    old_link = therapist.get(f"/therapist/patients/{patient.id}")
    assert old_link.status_code == 410 and "This patient closed their account" in old_link.get_data(as_text=True)
    stranger = login_client(app, "t@example.org")
    assert stranger.get("/therapist/patients/999999").status_code == 404


def test_nothing_is_deleted_when_the_ledger_cannot_be_written(app, client, patient, full_account, tmp_path):
    app.config["DELETION_LEDGER"] = str(tmp_path)  # a folder: the line cannot be appended
    before = rows_of(app, patient.id)
    with pytest.raises(IsADirectoryError):
        ask(client)
    assert rows_of(app, patient.id) == before


def test_restoring_a_backup_taken_before_the_deletion_does_not_bring_the_journal_back(
    app, backend, client, runner, patient, full_account, tmp_path
):
    """The backup still holds the account and its wrapped data key; the ledger, kept with the keys, wins."""
    from flask_migrate import upgrade

    from journal.models import DataKey
    from tests.conftest import dispose, make_app
    from tests.test_backups import empty_database

    out = tmp_path / "before.backup"
    assert runner.invoke(args=["backup", "--out", str(out)]).exit_code == 0
    assert ask(client).status_code == 302
    with empty_database(backend, tmp_path) as url:
        restored = make_app(url, app.instance_path)  # the same instance: master key and deletion ledger
        with restored.app_context():
            if backend == "postgresql":
                upgrade()
        result = restored.test_cli_runner().invoke(args=["restore", str(out), "--yes"])
        assert result.exit_code == 0, result.output
        assert "1 account(s) deleted since then removed again" in result.output
        with restored.app_context():
            assert db.session.get(User, patient.id) is None
            keys = select(func.count()).select_from(DataKey).where(DataKey.user_id == patient.id)
            assert db.session.scalar(keys) == 0
            assert db.session.get(User, full_account.id) is not None  # everyone else is back
        dispose(restored)


def test_a_new_account_given_a_deleted_accounts_id_is_not_mistaken_for_it(app, client, patient, full_account):
    """SQLite hands the highest id out again, and a restored sequence does too: the id alone proves nothing."""

    from journal.clock import utcnow
    from journal.settings.deletion import apply_ledger, deleted_accounts
    from tests.conftest import PASSWORD as SAME

    ask(client)
    with app.app_context():
        newcomer = User(
            id=patient.id,
            email="new@example.org",
            display_name="New",
            role=Role.PATIENT,
            password_hash=db.session.get(User, full_account.id).password_hash,
            created_at=utcnow(),
        )
        db.session.add(newcomer)
        db.session.commit()
        from journal.sharing.services import connect

        connect(newcomer, db.session.get(User, full_account.id))
        assert apply_ledger(deleted_accounts()) == 0  # the ledger names the old account, not this one
        assert db.session.get(User, patient.id) is not None
    new = login_client(app, "new@example.org", SAME)
    activity = new.get("/account/activity").get_data(as_text=True)
    rows = re.findall(r"<tr><td>.*?</tr>", activity)
    assert not any("Account deleted" in row for row in rows), rows
    assert any("Logged in" in row for row in rows), rows
    therapist = login_client(app, "t@example.org")
    assert therapist.get(f"/therapist/patients/{patient.id}").status_code == 200


def test_a_damaged_ledger_stops_a_restore_before_it_starts(app, runner, client, patient, tmp_path):
    from journal.settings.deletion import ledger_path

    out = tmp_path / "x.backup"
    assert runner.invoke(args=["backup", "--out", str(out)]).exit_code == 0
    with app.app_context():
        ledger_path().write_text("not json\n")
    result = runner.invoke(args=["restore", str(out), "--yes"])
    assert result.exit_code != 0 and "Nothing was restored" in result.output


def test_every_problem_of_the_deletion_form_is_shown_at_once(app, client, patient, full_account):
    before = rows_of(app, patient.id)
    page = ask(client, password="", confirm="delete").get_data(as_text=True)
    assert "Please enter your password." in page and "Please type DELETE in capitals" in page
    page = ask(client, password="not my password", confirm="").get_data(as_text=True)
    assert "That password is not right." in page and "Please type DELETE in capitals" in page
    assert rows_of(app, patient.id) == before


def test_a_recovery_code_is_not_spent_when_something_else_stops_the_deletion(app, patient, full_account):
    import re

    import pyotp

    from tests.two_factor import key_on

    setup = login_client(app, "pat@example.org")
    setup.post_form("/account/mfa", {"action": "start"})
    secret = key_on(setup.get("/account/mfa").get_data(as_text=True))
    done = setup.post_form("/account/mfa", {"action": "confirm", "code": pyotp.TOTP(secret).now()})
    first, second = re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", done.get_data(as_text=True))[:2]
    client = app.test_client()
    client.post_form("/login", {"email": "pat@example.org", "password": PASSWORD})
    client.post_form("/login/code", {"code": first})
    refused = ask(client, code=second, confirm="delete")  # the word in small letters: refused
    assert refused.status_code == 422 and rows_of(app, patient.id)
    assert ask(client, code=second).status_code == 302  # the same code still works
    with app.app_context():
        from journal.models import User

        assert db.session.get(User, patient.id) is None
