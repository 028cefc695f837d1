"""A therapist's records on the page and as PDFs: former patients' only to their own therapist (404 to
anyone else, and not once past their time); current patients' while connected, in their access log."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from journal.audit import Event
from journal.extensions import db
from journal.models import AccessAction, AccessLog, AuditEvent, Role
from tests.conftest import login_client
from tests.therapist.records_scene import ACKNOWLEDGED, NOTE, RESOLVED, SECRET, care, delete, record_ids

T0 = datetime(2026, 12, 3, 10, tzinfo=UTC)


def pdf_text(response) -> str:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)


@pytest.fixture
def former(app, clock, make_user, journal, sharing):
    """Robin, once Dr. Ruiz's patient, deleted their account at T0; Dr. Other is another therapist of theirs."""
    clock(T0)
    ruiz = make_user(Role.THERAPIST, email="ruiz@example.org", display_name="Dr. Ruiz")
    make_user(Role.THERAPIST, email="other@example.org", display_name="Dr. Other")
    patient = make_user(email="robin@example.org", display_name="Robin")
    sharing.connect(patient.id, ruiz.id)
    care(app, journal, patient.id, ruiz.id)
    delete(app, patient.id)
    (record_id,) = record_ids(app, ruiz.id)
    return record_id


def test_the_former_patients_list_and_record_page(app, former):
    client = login_client(app, "ruiz@example.org")
    assert 'href="/therapist/former-patients"' in client.get("/therapist/").get_data(as_text=True)
    listing = client.get("/therapist/former-patients").get_data(as_text=True)
    assert "Robin" in listing and "3 December 2026" in listing and "3 December 2033" in listing
    page = client.get(f"/therapist/former-patients/{former}").get_data(as_text=True)
    for text in ("Robin", "(former patient)", NOTE, ACKNOWLEDGED, RESOLVED, "kept until 3 December 2033"):
        assert text in page, text
    assert "PHQ-9 question 9 answered above 0" in page and SECRET not in page


def test_a_record_is_only_its_therapists(app, former):
    other = login_client(app, "other@example.org")
    assert "Robin" not in other.get("/therapist/former-patients").get_data(as_text=True)
    with app.app_context():
        denied = len(db.session.scalars(select(AuditEvent).where(AuditEvent.event == Event.ACCESS_DENIED)).all())
    assert other.get(f"/therapist/former-patients/{former}").status_code == 404
    assert other.get(f"/therapist/former-patients/{former}/pdf").status_code == 404
    with app.app_context():  # each refusal is audited, as every other
        after = len(db.session.scalars(select(AuditEvent).where(AuditEvent.event == Event.ACCESS_DENIED)).all())
    assert after == denied + 2


def test_a_record_past_its_time_is_gone_before_the_purge_runs(app, clock, former):
    client = login_client(app, "ruiz@example.org")
    clock(T0 + timedelta(days=2557) - timedelta(seconds=1))
    assert client.get(f"/therapist/former-patients/{former}").status_code == 200
    clock(T0 + timedelta(days=2557))
    assert client.get(f"/therapist/former-patients/{former}").status_code == 404
    assert "Robin" not in client.get("/therapist/former-patients").get_data(as_text=True)
    assert record_ids(app) == [former]  # still in the database: the page follows the rule, not the cron


def test_a_former_patients_record_as_pdf(app, former):
    text = pdf_text(login_client(app, "ruiz@example.org").get(f"/therapist/former-patients/{former}/pdf"))
    for expected in ("Clinical record", "Robin (former patient)", NOTE, ACKNOWLEDGED, RESOLVED, "kept until"):
        assert expected in text, expected
    assert "PHQ-9 question 9 answered above 0" in text and SECRET not in text


def test_a_current_patients_record_as_pdf_is_in_their_access_log(app, make_user, journal, sharing):
    ruiz = make_user(Role.THERAPIST, email="ruiz@example.org", display_name="Dr. Ruiz")
    make_user(Role.THERAPIST, email="other@example.org")
    patient = make_user(display_name="Robin")
    sharing.connect(patient.id, ruiz.id)
    care(app, journal, patient.id, ruiz.id)
    client = login_client(app, "ruiz@example.org")
    assert f"/therapist/patients/{patient.id}/record.pdf" in client.get(f"/therapist/patients/{patient.id}").text
    text = pdf_text(client.get(f"/therapist/patients/{patient.id}/record.pdf"))
    for expected in ("Clinical record", "Robin", NOTE, ACKNOWLEDGED, RESOLVED, "Safety alert"):
        assert expected in text, expected
    assert SECRET not in text and "former patient" not in text
    with app.app_context():
        actions = db.session.scalars(select(AccessLog.action).where(AccessLog.patient_id == patient.id)).all()
    assert actions.count(AccessAction.EXPORT_RECORD) == 1
    assert login_client(app, "other@example.org").get(f"/therapist/patients/{patient.id}/record.pdf").status_code == 404
