"""Encryption at rest, seen from the database and the command line."""

import base64
import shutil
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from journal import crypto
from journal.entries.services import open_entry
from journal.extensions import db
from journal.models import DataKey, Draft, Entry, TreatmentSession

MARKER = "zebra-lantern-4417"


def test_master_key_file_is_private(app):
    path = Path(app.instance_path, crypto.MASTER_KEY_FILE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_each_user_gets_one_data_key_wrapped_by_the_master_key(app, make_user, journal):
    user = make_user()
    journal.entry(user.id)
    journal.entry(user.id)
    with app.app_context():
        keys = db.session.scalars(select(DataKey)).all()
        assert len(keys) == 1 and keys[0].user_id == user.id
        assert len(keys[0].wrapped) == 12 + 32 + 16  # nonce, key, tag: never the bare key


def test_no_journal_text_is_stored_in_plaintext_sqlite(app, backend, client, patient, journal):
    if backend != "sqlite":
        pytest.skip("this test reads the SQLite file; the pg_dump test covers PostgreSQL")
    _write_everywhere(app, client, patient, journal)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    database = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database
    for suffix in ("", "-wal", "-shm"):
        path = Path(database + suffix)
        if not path.exists():
            continue
        data = path.read_bytes()
        assert MARKER.encode() not in data, suffix
        assert MARKER.encode("utf-16-le") not in data


def test_no_journal_text_is_stored_in_plaintext_postgresql(app, backend, client, patient, journal):
    if backend != "postgresql":
        pytest.skip("this test dumps PostgreSQL; the SQLite test reads the file")
    if not shutil.which("pg_dump"):
        pytest.fail("pg_dump is needed to check the PostgreSQL database")
    _write_everywhere(app, client, patient, journal)
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    dump = subprocess.run(
        ["pg_dump", "-h", url.host, "-p", str(url.port or 5432), "-U", url.username, "--data-only", url.database],
        capture_output=True,
        check=True,
    ).stdout
    assert b"treatment_sessions" in dump  # the dump really holds the journal tables
    assert MARKER.encode() not in dump


def _write_everywhere(app, client, patient, journal):
    """Put the marker in every private field: session, entry, tags, after-effects note, draft."""
    session_id = journal.session(patient.id, intention=MARKER, notes=MARKER, medicine_other=MARKER)
    journal.entry(patient.id, MARKER, title=MARKER, tags=[MARKER], session_id=session_id)
    draft = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    response = client.post(
        f"/drafts/{draft}/autosave",
        data={"answer_0": MARKER, "title": MARKER, "after_effects_note": MARKER},
        headers={"X-CSRFToken": client.csrf_token(), "Accept": "application/json"},
    )
    assert response.status_code == 200
    with app.app_context():
        assert db.session.get(Draft, uuid.UUID(draft)) is not None
        assert db.session.scalar(select(Entry)).sealed
        assert db.session.scalar(select(TreatmentSession)).sealed


def test_a_ciphertext_copied_to_another_row_does_not_decrypt(app, make_user, journal):
    user = make_user()
    first, second = journal.entry(user.id, "first"), journal.entry(user.id, "second")
    with app.app_context():
        stolen = db.session.get(Entry, first).sealed
        db.session.execute(update(Entry).where(Entry.id == second).values(sealed=stolen))
        db.session.commit()
        with pytest.raises(crypto.DecryptionError):
            open_entry(db.session.get(Entry, second))


def test_a_ciphertext_copied_to_another_user_does_not_decrypt(app, make_user, journal):
    alice, bob = make_user(), make_user()
    alices, bobs = journal.entry(alice.id, "alice's words"), journal.entry(bob.id, "bob's words")
    with app.app_context():
        stolen = db.session.get(Entry, alices).sealed
        db.session.execute(update(Entry).where(Entry.id == bobs).values(sealed=stolen))
        db.session.commit()
        with pytest.raises(crypto.DecryptionError):
            open_entry(db.session.get(Entry, bobs))


def test_rotate_rewraps_data_keys_and_entries_still_open(app, runner, make_user, journal):
    users = [make_user(), make_user()]
    ids = [journal.entry(user.id, f"words of {user.id}") for user in users]
    with app.app_context():
        before = {row.user_id: row.wrapped for row in db.session.scalars(select(DataKey))}
        sealed_before = {row.id: row.sealed for row in db.session.scalars(select(Entry))}

    result = runner.invoke(args=["keys", "rotate"])
    assert result.exit_code == 0, result.output
    assert "Master key 2 is now active; rewrapped 2 data keys" in result.output

    with app.app_context():
        rows = db.session.scalars(select(DataKey)).all()
        assert {row.master_key_id for row in rows} == {2}
        assert all(before[row.user_id] != row.wrapped for row in rows)
        # Entries were not re-encrypted, and still open with the rewrapped keys.
        assert {row.id: row.sealed for row in db.session.scalars(select(Entry))} == sealed_before
        for user, entry_id in zip(users, ids, strict=True):
            assert open_entry(db.session.get(Entry, entry_id)).content.answers[0].text == f"words of {user.id}"

    assert runner.invoke(args=["keys", "retire", "2"]).exit_code != 0  # the active key stays
    result = runner.invoke(args=["keys", "retire", "1"])
    assert result.exit_code == 0, result.output
    assert crypto.Keyring.parse(Path(app.instance_path, "master.key").read_text()).keys.keys() == {2}
    assert "master key 2 (active): 2 data keys" in runner.invoke(args=["keys", "status"]).output


def test_retire_refuses_a_key_still_in_use(app, runner, make_user, journal):
    user = make_user()
    journal.entry(user.id)
    with app.app_context():
        ring = app.extensions["journal.keyring"]
        ring.add_new_key()  # a second key, but nothing rewrapped yet
        crypto.write_keyring_file(Path(app.instance_path), ring)
    result = runner.invoke(args=["keys", "retire", "1"])
    assert result.exit_code != 0
    assert "still wrapped" in result.output


def test_production_refuses_to_start_without_a_master_key(tmp_path):
    from journal import create_app
    from tests.test_config import STRONG_KEY

    with pytest.raises(RuntimeError, match="master key"):
        create_app(
            "production",
            {"SECRET_KEY": STRONG_KEY, "SQLALCHEMY_DATABASE_URI": "sqlite://", "PUBLIC_URL": "https://journal.example"},
            tmp_path,
        )
    assert not (tmp_path / crypto.MASTER_KEY_FILE).exists()


def test_keys_init_generate_and_rewrap(app, runner, make_user, journal, tmp_path):
    user = make_user()
    journal.entry(user.id, "kept readable")
    assert "already exists" in runner.invoke(args=["keys", "init"]).output
    line = runner.invoke(args=["keys", "generate"]).output.strip()
    key_id, _, encoded = line.partition(":")
    assert key_id == "2" and len(base64.b64decode(encoded)) == 32
    # A deployer using JOURNAL_MASTER_KEY adds the line, restarts, and rewraps.
    ring = crypto.Keyring.parse(Path(app.instance_path, "master.key").read_text())
    app.config["MASTER_KEY"] = (
        ", ".join(f"{k}:{base64.b64encode(v).decode()}" for k, v in ring.keys.items()) + ", " + line
    )
    with app.app_context():
        from journal.vault import init_vault

        init_vault(app)
    assert "with master key 2" in runner.invoke(args=["keys", "rewrap"]).output
    assert "keys live in your environment" in runner.invoke(args=["keys", "rotate"]).output
    with app.app_context():
        assert {row.master_key_id for row in db.session.scalars(select(DataKey))} == {2}
        assert open_entry(db.session.scalar(select(Entry))).content.answers[0].text == "kept readable"
