"""Deleting an account keeps each therapist's own record of the patient (notes, alert history, never the
journal), sealed under the therapist's key, and the deletion page says so before the patient confirms."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

from pypdf import PdfReader
from sqlalchemy import func, select

from journal.extensions import db
from journal.models import DataKey, RetainedRecord, Role, User
from journal.therapist.records import open_record
from journal.vault import unseal_row
from tests.conftest import PASSWORD, login_client
from tests.therapist.records_scene import ACKNOWLEDGED, NOTE, RESOLVED, SECRET, care, delete, record_ids

NOW = datetime(2026, 12, 3, 10, tzinfo=UTC)


def test_the_deletion_page_says_what_therapists_keep_and_for_how_long(app, client, patient):
    page = client.get("/settings/delete").get_data(as_text=True)
    assert "Your journal is erased for good" in page
    assert "the notes they wrote and the history\n     of the safety alerts" in page
    assert "never\n     anything you wrote" in page and "for 7 years" in page
    app.config["CLINICAL_RECORD_RETENTION_DAYS"] = 3653  # ten years, leap days included
    assert "for 10 years" in client.get("/settings/delete").get_data(as_text=True)
    app.config["CLINICAL_RECORD_RETENTION_DAYS"] = 90
    assert "for 90 days" in client.get("/settings/delete").get_data(as_text=True)


def test_the_record_outlives_the_account_and_its_key(app, client, clock, patient, make_user, journal, sharing):
    clock(NOW)
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    sharing.connect(patient.id, therapist.id)
    care(app, journal, patient.id, therapist.id)
    response = client.post_form("/settings/delete", {"password": PASSWORD, "confirm": "DELETE"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(DataKey.user_id == patient.id)) == 0
        row = db.session.scalars(select(RetainedRecord)).one()
        assert row.therapist_id == therapist.id
        assert row.closed_at == NOW and row.purge_after == NOW + timedelta(days=2557)
        assert NOTE.encode() not in row.sealed  # sealed, not stored in the clear
        record = open_record(row)
        sealed_text = json.dumps(unseal_row(row))
    assert record.patient_name == "Pat" and record.former and record.kept_until == row.purge_after
    assert [note.text for note in record.notes] == [NOTE]
    (alert,) = record.alerts
    assert alert.labels == ["PHQ-9 question 9 answered above 0"]
    assert (alert.action_label, alert.acknowledged_note) == ("called", ACKNOWLEDGED)
    assert (alert.outcome_label, alert.resolved_note) == ("safe for now, plan in place", RESOLVED)
    assert alert.acknowledged_at == NOW and alert.resolved_at == NOW
    assert SECRET not in sealed_text and "pat@example.org" not in sealed_text


def test_the_retention_time_is_the_configured_one(app, clock, make_user, sharing):
    clock(NOW)
    app.config["CLINICAL_RECORD_RETENTION_DAYS"] = 30
    patient, therapist = make_user(), make_user(Role.THERAPIST)
    sharing.connect(patient.id, therapist.id)
    delete(app, patient.id)
    with app.app_context():
        assert db.session.scalars(select(RetainedRecord.purge_after)).one() == NOW + timedelta(days=30)


def test_each_therapist_with_something_to_keep_gets_a_record_of_their_own(app, make_user, journal, sharing):
    patient = make_user(display_name="Robin")
    connected = make_user(Role.THERAPIST, email="connected@example.org")  # nothing written: the care itself
    wrote = make_user(Role.THERAPIST, email="wrote@example.org")  # a note, then the connection ended
    ended = make_user(Role.THERAPIST, email="ended@example.org")  # ended, nothing written: nothing kept
    for therapist in (connected, wrote, ended):
        sharing.connect(patient.id, therapist.id)
    care(app, journal, patient.id, wrote.id, alert=False, note="only mine")
    sharing.disconnect(patient.id, wrote.id)
    sharing.disconnect(patient.id, ended.id)
    delete(app, patient.id)
    assert len(record_ids(app, connected.id)) == 1 and record_ids(app, ended.id) == []
    with app.app_context():
        (kept,) = [open_record(db.session.get(RetainedRecord, i)) for i in record_ids(app, wrote.id)]
        (bare,) = [open_record(db.session.get(RetainedRecord, i)) for i in record_ids(app, connected.id)]
    assert [note.text for note in kept.notes] == ["only mine"] and kept.patient_name == "Robin"
    assert bare.notes == () and bare.alerts == ()  # another therapist's note is not in it


def test_a_new_account_given_the_same_id_inherits_nothing(app, backend, make_user, journal, sharing):
    therapist, patient = make_user(Role.THERAPIST, email="t@example.org"), make_user(display_name="Robin")
    sharing.connect(patient.id, therapist.id)
    care(app, journal, patient.id, therapist.id)
    delete(app, patient.id)
    newcomer = make_user(display_name="Newcomer")
    if backend == "sqlite":
        assert newcomer.id == patient.id  # SQLite hands out the deleted (highest) id again
    sharing.connect(newcomer.id, therapist.id)
    pdf = login_client(app, "t@example.org").get(f"/therapist/patients/{newcomer.id}/record.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Newcomer" in text and NOTE not in text and "Robin" not in text


def test_a_restore_from_before_the_deletion_keeps_the_record(app, make_user, journal, sharing):
    from journal.settings.deletion import _append_to_ledger, apply_ledger, deleted_accounts

    patient, therapist = make_user(display_name="Robin"), make_user(Role.THERAPIST, email="t@example.org")
    sharing.connect(patient.id, therapist.id)
    care(app, journal, patient.id, therapist.id)
    with app.app_context():  # as if a backup from before the deletion had just been restored
        user = db.session.get(User, patient.id)
        _append_to_ledger(user.id, user.created_at.isoformat(), NOW.isoformat())
        assert apply_ledger(deleted_accounts()) == 1
        (row,) = db.session.scalars(select(RetainedRecord)).all()
        assert [note.text for note in open_record(row).notes] == [NOTE]
