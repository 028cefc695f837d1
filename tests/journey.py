"""One person's everyday path through the app, for tests of what it leaves behind (log lines, metrics).

A wrong password with words in it, a login, safety alerts allowed to a connected therapist, an entry, a search, a
share that the therapist reads and answers, an urgent save that raises an alert and its email, an export, then a
password reset by emailed link. Every client comes from ``app.test_client()``, so a test may give the app a client
class of its own first.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import Entry, Role, SafetyAlert, User
from tests.auth.test_recovery import NEW_PASSWORD, ask_reset, choose
from tests.conftest import PASSWORD, login_client
from tests.mail_server import link_in
from tests.safety.test_views import new_entry

SECRET = "marigold-lighthouse-4417"
EMAIL = "writer.private@example.org"
THERAPIST = "dr.private@example.org"


@dataclass
class Walked:
    """What the path made, and every string it typed or was given that must never be seen again."""

    user_ids: list[int]
    record_ids: list[uuid.UUID]  # entries and alerts
    private: list[str] = field(default_factory=list)


def walk(app, make_user, sharing, journal, mailbox) -> Walked:
    """Walk the path; the patient ends with ``NEW_PASSWORD``."""
    patient = make_user(email=EMAIL, display_name="Pat")
    therapist = make_user(Role.THERAPIST, email=THERAPIST, display_name="Dr. Okafor")
    with app.app_context():
        for user in (patient, therapist):
            db.session.get(User, user.id).email_verified_at = utcnow()
        db.session.commit()
    client = app.test_client()
    client.post_form("/login", {"email": EMAIL, "password": "not the password " + SECRET})  # a wrong try, with words
    assert client.post_form("/login", {"email": EMAIL, "password": PASSWORD}).status_code == 302
    connection = sharing.connect(patient.id, therapist.id)
    client.post_form(f"/connections/{connection}/safety-alerts", {"safety_alerts": "y"})
    new_entry(client, patient, journal, answer_0=f"The {SECRET} came back to me today.", title=SECRET)
    client.post_form("/entries", {"q": SECRET, "page": "1"})
    with app.app_context():
        entry_id = db.session.scalar(select(Entry.id))
    client.get(f"/entries/{entry_id}")
    sharing.share(entry_id, therapist.id)
    doctor = login_client(app, THERAPIST)
    doctor.get(f"/therapist/entries/{entry_id}")
    doctor.post_form(f"/therapist/entries/{entry_id}/replies", {"text": f"About the {SECRET}: thank you."})
    new_entry(client, patient, journal, answer_0=f"{SECRET}. I am going to kill myself tonight.").close()
    client.post_form("/export", {"scope": "all", "paper_size": "a4"})
    ask_reset(app.test_client(), EMAIL)
    reset = next(message for message in mailbox.wait_for(2) if message["To"] == EMAIL)
    link = link_in(reset)
    assert choose(app.test_client(), link, NEW_PASSWORD).status_code == 302
    with app.app_context():
        records = [*db.session.scalars(select(Entry.id)), *db.session.scalars(select(SafetyAlert.id))]
    assert len(records) == 3, records  # two entries, one alert: the path went where it should
    tokens = [urlsplit(link).path.rsplit("/", 1)[-1], client.csrf_token(), doctor.csrf_token()]
    tokens += [browser.get_cookie(app.config["SESSION_COOKIE_NAME"]).value for browser in (client, doctor)]
    return Walked(
        user_ids=[patient.id, therapist.id],
        record_ids=records,
        private=[SECRET, PASSWORD, NEW_PASSWORD, EMAIL, THERAPIST, "Pat", "Okafor", *tokens],
    )
