"""The therapist's daily digest: opt-in, at their chosen local hour, once a day even when two runs
overlap, only to a confirmed address; counts and a link, no names and no journal text, of only what the
therapist may open; nothing on a day with nothing new; a mail failure tried again."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from journal.extensions import db
from journal.models import DigestSent, Entry, Role, User
from journal.sharing.services import add_reply
from tests.conftest import login_client
from tests.mail_server import html_of, text_of
from tests.safety.test_views import ISSUE, new_entry

BEFORE = datetime(2026, 6, 2, 4, tzinfo=UTC)  # 06:00 in Berlin
AT_EIGHT = datetime(2026, 6, 2, 6, tzinfo=UTC)  # 08:00 in Berlin, the chosen hour
NEXT_DAY = AT_EIGHT + timedelta(days=1)
SECRET = "the lighthouse keeper"


def set_prefs(app, user_id: int, **values) -> None:
    with app.app_context():
        row = db.session.get(User, user_id)
        for name, value in values.items():
            setattr(row, name, value)
        db.session.commit()


@pytest.fixture
def therapist(app, make_user, clock):
    clock(BEFORE)
    user = make_user(Role.THERAPIST, email="ruiz@example.org", display_name="Dr. Ruiz", time_zone="Europe/Berlin")
    set_prefs(app, user.id, digest=True, digest_hour=8, email_verified_at=BEFORE)
    return user


@pytest.fixture
def news(app, client, patient, therapist, make_user, sharing, journal, clock):
    """Before eight: Pat shares two entries with Dr. Ruiz (one unshared, one shared with someone else),
    writes one message, and a safety alert is raised; Sam shares one entry."""
    clock(BEFORE)
    other = make_user(Role.THERAPIST, email="other@example.org")
    connection = sharing.connect(patient.id, therapist.id)
    sharing.connect(patient.id, other.id)
    client.post_form(f"/connections/{connection}/safety-alerts", {"safety_alerts": "y"})
    first, second = (journal.entry(patient.id, SECRET, title=SECRET) for _ in range(2))
    sharing.share(first, therapist.id)
    sharing.share(second, therapist.id)
    sharing.share(journal.entry(patient.id, "for the other one"), other.id)
    journal.entry(patient.id, "kept to myself")
    with app.app_context():
        add_reply(db.session.get(Entry, first), therapist.id, db.session.get(User, patient.id), SECRET)
    sam = make_user(email="sam@example.org", display_name="Sam")
    sharing.connect(sam.id, therapist.id)
    sharing.share(journal.entry(sam.id, SECRET), therapist.id)
    new_entry(client, patient, journal, answer_0=ISSUE).close()  # an alert; this entry is not shared
    return patient, sam


def run(app, at: datetime, clock) -> int:
    from journal.therapist.digest import send_due

    clock(at)
    with app.test_request_context("/"):
        return send_due(at).sent


def test_one_digest_at_the_chosen_hour_with_counts_a_link_and_no_names_or_words(app, news, mailbox, clock):
    assert run(app, AT_EIGHT - timedelta(minutes=1), clock) == 0  # 07:59 local
    assert run(app, AT_EIGHT, clock) == 1
    (message,) = mailbox.wait_for(1)
    assert message["To"] == "ruiz@example.org" and message["Subject"] == "Your daily summary"
    text = text_of(message)
    assert (
        "Since your last summary: 3 new shared entries from 2 patients, 1 new message, "
        "1 safety alert not yet acknowledged." in text
    )
    assert "/therapist/" in text and "/settings#digest" in text
    for part in (text, html_of(message), message["Subject"]):
        for private in ("Pat", "Sam", "lighthouse", "hurting", "other one", "myself"):
            assert private not in part
    assert run(app, AT_EIGHT + timedelta(minutes=15), clock) == 0  # once a day
    assert run(app, AT_EIGHT + timedelta(hours=12), clock) == 0


def test_the_next_digest_counts_only_what_is_new_and_alerts_until_acknowledged(
    app, news, mailbox, sharing, journal, clock
):
    patient, _ = news
    run(app, AT_EIGHT, clock)
    mailbox.wait_for(1)
    mailbox.clear()
    clock(AT_EIGHT + timedelta(hours=2))
    sharing.share(journal.entry(patient.id, SECRET), _therapist_id(app))
    assert run(app, NEXT_DAY, clock) == 1
    text = text_of(mailbox.wait_for(1)[0])
    assert "1 new shared entry from 1 patient, 1 safety alert not yet acknowledged." in text
    assert "message" not in text.split("Since your last summary:")[1].split("\n")[0]


def _therapist_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == "ruiz@example.org"))


def test_nothing_new_sends_nothing_and_closes_the_day(app, therapist, mailbox, clock):
    assert run(app, AT_EIGHT, clock) == 0
    assert run(app, AT_EIGHT + timedelta(minutes=15), clock) == 0
    assert mailbox.messages == []
    with app.app_context():
        (claim,) = db.session.scalars(select(DigestSent))
        assert claim.sent_at is None and str(claim.local_day) == "2026-06-02"


@pytest.mark.parametrize("change", [{"digest": False}, {"email_verified_at": None}, {"active": False}])
def test_only_opted_in_confirmed_active_therapists_get_one(app, news, mailbox, clock, therapist, change):
    set_prefs(app, therapist.id, **change)
    assert run(app, AT_EIGHT, clock) == 0
    assert mailbox.messages == []


def test_the_hour_is_the_therapists_own(app, news, mailbox, clock, therapist):
    set_prefs(app, therapist.id, time_zone="America/New_York")  # 08:00 in Berlin is 02:00 in New York
    assert run(app, AT_EIGHT, clock) == 0
    assert run(app, datetime(2026, 6, 2, 12, tzinfo=UTC), clock) == 1  # 08:00 in New York


def test_a_mail_server_failure_leaves_the_digest_for_the_next_run(app, news, mailbox, clock):
    from tests.live_server import free_port

    good = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()
    assert run(app, AT_EIGHT, clock) == 0
    app.config["MAIL_PORT"] = good
    assert run(app, AT_EIGHT + timedelta(minutes=15), clock) == 1
    assert "3 new shared entries" in text_of(mailbox.wait_for(1)[0])


def test_two_runs_at_once_send_one_digest(app, news, mailbox, clock, monkeypatch):
    """Both runs pass the once-a-day check before either claims: the unique claim lets one through."""
    from journal.therapist import digest
    from tests.conftest import dispose, make_app

    clock(AT_EIGHT)
    both_checked = threading.Barrier(2, timeout=10)
    gather = digest.gather

    def meet_then_go(*args, **kwargs):
        both_checked.wait()
        return gather(*args, **kwargs)

    monkeypatch.setattr(digest, "gather", meet_then_go)
    second = make_app(
        app.config["SQLALCHEMY_DATABASE_URI"],
        app.instance_path,
        **{k: app.config[k] for k in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS")},
    )
    sent, errors = [], []

    def one_run(flask_app):
        try:
            with flask_app.test_request_context("/"):
                sent.append(digest.send_due(AT_EIGHT).sent)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    runs = [threading.Thread(target=one_run, args=(a,)) for a in (app, second)]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join(30)
    dispose(second)
    assert errors == [] and sorted(sent) == [0, 1]
    assert len(mailbox.wait_for(1)) == 1


def test_send_reminders_sends_digests_too(app, news, mailbox, clock, runner):
    clock(AT_EIGHT)
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "1 daily digest(s) sent; 0 to try again next time." in result.output
    assert len(mailbox.wait_for(1)) == 1


def test_a_therapist_turns_it_on_in_settings_and_a_patient_is_not_offered_it(app, client, patient, therapist):
    assert "Daily summary" not in client.get("/settings").get_data(as_text=True)
    set_prefs(app, therapist.id, digest=False)
    doctor = login_client(app, "ruiz@example.org")
    page = doctor.get("/settings").get_data(as_text=True)
    assert "Daily summary" in page and 'name="digest"' in page
    saved = doctor.post_form(
        "/settings",
        {
            "display_name": "Dr. Ruiz",
            "time_zone": "Europe/Berlin",
            "clock": "24h",
            "paper_size": "a4",
            "crisis_region": "",
            "digest": "y",
            "digest_hour": "7",
        },
    )
    assert saved.status_code == 302
    with app.app_context():
        row = db.session.get(User, therapist.id)
        assert (row.digest, row.digest_hour) == (True, 7)
