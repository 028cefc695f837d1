"""Logs carry ids and events, never a password, an email address or a word of the journal.

One person's everyday path (log in, a wrong password, write an entry, search it, share it, a therapist reads and
replies, an urgent save that raises an alert and its email, a password reset, an export) with every logger of the
app and its libraries at DEBUG; no record, nor any exception text in it, holds what they typed.
"""

from __future__ import annotations

import logging

from journal.clock import utcnow
from journal.extensions import db
from journal.models import Entry, Role, User
from tests.auth.test_recovery import ask_reset
from tests.conftest import PASSWORD, login_client
from tests.safety.test_views import new_entry

SECRET = "marigold-lighthouse-4417"
EMAIL = "writer.private@example.org"
THERAPIST = "dr.private@example.org"


def everything_logged(caplog) -> str:
    parts = []
    for record in caplog.records:
        if record.name.startswith("mail.log"):  # aiosmtpd: the suite's own SMTP server, not the app
            continue
        parts.append(record.getMessage())
        if record.exc_info:
            parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


def test_logs_hold_no_password_email_or_journal_text(app, client, auth, make_user, sharing, journal, mailbox, caplog):
    caplog.set_level(logging.DEBUG)
    patient = make_user(email=EMAIL, display_name="Pat")
    therapist = make_user(Role.THERAPIST, email=THERAPIST, display_name="Dr. Okafor")
    with app.app_context():
        db.session.get(User, therapist.id).email_verified_at = utcnow()
        db.session.get(User, patient.id).email_verified_at = utcnow()
        db.session.commit()
    auth.login(EMAIL, "not the password " + SECRET)  # a wrong try, with words in it
    auth.login(EMAIL)
    connection = sharing.connect(patient.id, therapist.id)
    client.post_form(f"/connections/{connection}/safety-alerts", {"safety_alerts": "y"})
    new_entry(client, patient, journal, answer_0=f"The {SECRET} came back to me today.", title=SECRET)
    client.post_form("/entries", {"q": SECRET, "page": "1"})
    with app.app_context():
        entry_id = db.session.query(Entry.id).scalar()
    sharing.share(entry_id, therapist.id)
    doctor = login_client(app, THERAPIST)
    doctor.get(f"/therapist/entries/{entry_id}")
    doctor.post_form(f"/therapist/entries/{entry_id}/replies", {"text": f"About the {SECRET}: thank you."})
    new_entry(client, patient, journal, answer_0=f"{SECRET}. I am going to kill myself tonight.").close()
    client.post_form("/export", {"scope": "all", "paper_size": "a4"})
    ask_reset(app.test_client(), EMAIL)
    mailbox.wait_for(2)
    logged = everything_logged(caplog)
    assert len(caplog.records) > 10  # the path was logged: ids and events
    for private in (SECRET, PASSWORD, EMAIL, THERAPIST, "Pat", "Okafor"):
        assert private not in logged, private
