"""The safety plan: every Stanley–Brown section, sealed, never overwritten by a stale tab, printable,
reachable in one tap from the help page, and shared with a therapist only by choice."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from sqlalchemy import select

from journal.extensions import db
from journal.models import AccessAction, AccessLog, Role, SafetyPlan
from journal.safety.plan import SECTION_MAX, SECTIONS
from tests.conftest import login_client

WORDS = "Call my sister Ana; walk to the harbour"


def version_of(page: str) -> str:
    return re.search(r'name="version" type="hidden" value="(\d*)"', page).group(1)


def fill(client, **sections) -> dict:
    page = client.get("/safety-plan").get_data(as_text=True)
    return {"version": version_of(page), **{s.key: "" for s in SECTIONS}, **sections}


def test_the_plan_has_every_section_and_is_sealed(app, client, patient):
    page = client.get("/safety-plan").get_data(as_text=True)
    for section in SECTIONS:
        assert section.title.replace("'", "&#39;") in page
    assert "Stanley–Brown" in page
    assert client.post_form("/safety-plan", fill(client, helpers=WORDS)).status_code == 302
    assert WORDS in client.get("/safety-plan").get_data(as_text=True)
    with app.app_context():
        plan = db.session.scalar(select(SafetyPlan))
        assert plan.version == 1 and b"sister" not in plan.sealed and b"harbour" not in plan.sealed


def test_a_stale_tab_overwrites_nothing_and_keeps_its_words(app, client, patient):
    first, second = fill(client), fill(client)
    client.post_form("/safety-plan", {**first, "reasons": "My dog, Miso"})
    response = client.post_form("/safety-plan", {**second, "reasons": "The sea in June"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "The sea in June" in page and "My dog, Miso" in page and "Nothing was overwritten" in page
    assert "My dog, Miso" in client.get("/safety-plan").get_data(as_text=True)
    assert (
        client.post_form(
            "/safety-plan", {**second, "version": version_of(page), "reasons": "The sea in June"}
        ).status_code
        == 302
    )
    assert "The sea in June" in client.get("/safety-plan").get_data(as_text=True)


def test_too_long_a_section_is_named_and_nothing_is_saved(app, client, patient):
    response = client.post_form("/safety-plan", fill(client, coping="x" * (SECTION_MAX + 1), reasons=WORDS))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and WORDS in page and "x" * 100 in page
    with app.app_context():
        assert db.session.scalar(select(SafetyPlan)) is None


def test_the_plan_prints_with_the_regions_crisis_lines(app, client, patient):
    assert client.get("/safety-plan/pdf").status_code == 302  # nothing to print yet
    client.post_form("/safety-plan", fill(client, helpers=WORDS))
    response = client.get("/safety-plan/pdf")
    assert response.mimetype == "application/pdf" and response.headers["Cache-Control"] == "no-store"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "My safety plan" in text and "People I can ask for help" in text and "sister Ana" in text
    assert "TelefonSeelsorge" in text and "0800 111 0 111" in text and "988" not in text  # Berlin: Germany


def test_the_help_page_is_one_tap_from_the_plan(client, patient):
    assert 'href="/safety-plan"' in client.get("/help").get_data(as_text=True)


def test_a_therapist_reads_the_plan_only_while_it_is_shared(app, client, patient, make_user, sharing):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    make_user(Role.THERAPIST, email="other@example.org", display_name="Dr. Other")
    connection = sharing.connect(patient.id, therapist.id)
    client.post_form("/safety-plan", fill(client, helpers=WORDS))
    doctor, other = login_client(app, "t@example.org"), login_client(app, "other@example.org")
    url = f"/therapist/patients/{patient.id}/safety-plan"
    assert doctor.get(url).status_code == 404
    assert "safety plan" not in doctor.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    client.post_form(f"/connections/{connection}/safety-plan", {"share_safety_plan": "y"})
    page = doctor.get(url)
    assert page.status_code == 200 and WORDS in page.get_data(as_text=True)
    assert url in doctor.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    assert other.get(url).status_code == 404
    with app.app_context():
        assert (
            db.session.scalar(select(AccessLog.action).where(AccessLog.action == AccessAction.VIEW_SAFETY_PLAN))
            is not None
        )
    assert "read your safety plan" in client.get("/access-log").get_data(as_text=True)
    client.post_form(f"/connections/{connection}/safety-plan", {})
    assert doctor.get(url).status_code == 404


def test_two_saves_racing_in_the_same_instant_cannot_both_win(app, client, patient, monkeypatch):
    """The version is checked by the UPDATE itself: a save that passed the first check still loses if
    another one committed in between (SQLite has no row lock to rely on)."""
    from sqlalchemy import text

    from journal.safety import plan as safety_plan

    client.post_form("/safety-plan", fill(client, reasons="First"))
    real = safety_plan.seal_row

    def another_tab_saves_meanwhile(row, payload):
        real(row, payload)
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE safety_plans SET version = version + 1"))

    monkeypatch.setattr(safety_plan, "seal_row", another_tab_saves_meanwhile)
    response = client.post_form("/safety-plan", fill(client, reasons="Second"))
    assert response.status_code == 409 and "Nothing was overwritten" in response.get_data(as_text=True)
    monkeypatch.undo()
    assert "First" in client.get("/safety-plan").get_data(as_text=True)


def test_the_printed_plan_is_short_and_named_as_a_safety_plan(app, client, patient):
    client.post_form("/safety-plan", fill(client, **{s.key: f"{WORDS}. " * 4 for s in SECTIONS}))
    response = client.get("/safety-plan/pdf")
    pages = PdfReader(io.BytesIO(response.data)).pages
    assert 1 <= len(pages) <= 2  # no cover page or contents: the plan itself
    assert "My safety plan" in pages[0].extract_text() and "sister Ana" in pages[0].extract_text()
    assert re.search(r'filename="safety-plan-\d{4}-\d{2}-\d{2}\.pdf"', response.headers["Content-Disposition"])
