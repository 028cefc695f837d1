"""Two app servers behind nginx on one PostgreSQL and one Redis behave as one app.

A login made on one server holds on the other; rate limits count across both; a save sent again to the
other server makes one entry; two job runners at once send each reminder once; and the client address is
the one nginx saw, never one a client wrote into X-Forwarded-For.
"""

from __future__ import annotations

import functools
import http.client
import itertools
import urllib.request
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from journal.audit import Event
from journal.extensions import db
from journal.models import AuditEvent, Entry, Medicine, User
from tests.conftest import PASSWORD, JournalFactory
from tests.live_server import Browser, _Stay

numbers = itertools.count()


def patient(stack, **fields) -> User:
    """A new patient in the stack's database."""
    from journal.auth.services import create_user

    app = stack.app()
    with app.app_context():
        user = create_user(email=f"cluster{next(numbers)}@example.org", display_name="Pat", password=PASSWORD, **fields)
        db.session.expunge(user)
        return user


def failed_login(browser: Browser, forwarded_for: str | None = None) -> int:
    browser.request("/login")
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    data = {"email": "nobody@example.org", "password": "not the password", "csrf_token": browser.token}
    return browser.request("/login", data, headers)[0]


class BoundHandler(urllib.request.HTTPHandler):
    """Connect from a given loopback address (127.0.0.2 …), as a client on another machine would."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def http_open(self, req):
        return self.do_open(functools.partial(http.client.HTTPConnection, source_address=(self.source, 0)), req)


def browser_from(base: str, source: str) -> Browser:
    browser = Browser(base)
    browser.opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(browser.jar), _Stay, BoundHandler(source)
    )
    return browser


def test_a_login_on_one_server_is_honoured_on_the_other(stack):
    a, b = (server.url for server in stack.servers)
    user = patient(stack)
    browser = Browser(a)
    assert Browser(b).request("/entries")[0] == 302  # a stranger is sent to log in
    browser.log_in(user.email, PASSWORD)
    browser.base = b  # the same cookie, the other server
    assert browser.request("/entries")[0] == 200
    assert browser.request("/logout", {"csrf_token": browser.token})[0] == 302
    browser.base = a  # logged out on B: out on A too
    assert browser.request("/entries")[0] == 302


def test_rate_limits_count_across_both_servers(stack):
    a, b = (server.url for server in stack.servers)
    clients = itertools.cycle([Browser(a), Browser(b), Browser(stack.url)])
    allowed = [failed_login(next(clients)) for _ in range(6)]  # RATELIMIT_LOGIN_PER_IP: 6 per 15 minutes
    assert 429 not in allowed
    assert [failed_login(Browser(url)) for url in (a, b, stack.url)] == [429, 429, 429]


def test_a_save_sent_again_to_the_other_server_makes_one_entry(stack):
    a, b = (server.url for server in stack.servers)
    user = patient(stack)
    browser = Browser(a)
    browser.log_in(user.email, PASSWORD)
    status, fields = browser.editor()
    assert status == 200 and fields["save_key"]
    page = {**fields, "answer_0": "the river, again", "csrf_token": browser.token}
    assert browser.request("/entries/new", page)[0] == 302
    first = browser.location
    browser.base = b  # the answer was lost on its way back: the page sends the same save to the other server
    assert browser.request("/entries/new", page)[0] == 302
    assert browser.location == first
    with stack.app().app_context():
        assert db.session.scalar(select(func.count()).where(Entry.owner_id == user.id)) == 1


def test_two_job_runners_at_once_send_each_reminder_once(stack, smtp_server):
    now = datetime.now(UTC)
    people = []
    for _ in range(6):
        user = patient(stack, time_zone="UTC")
        with stack.app().app_context():
            row = db.session.get(User, user.id)
            row.email_verified_at = now
            row.reminders, row.reminder_hour, row.quiet_from, row.quiet_until = True, 0, 0, 0  # any hour
            db.session.commit()
        JournalFactory(stack.app()).session(
            user.id, occurred_at=now - timedelta(hours=30), medicine=Medicine.PSILOCYBIN
        )
        people.append(user.email)
    smtp_server.mailbox.clear()
    mail = {"JOURNAL_MAIL_SERVER": "127.0.0.1", "JOURNAL_MAIL_PORT": str(smtp_server.port)}
    mail["JOURNAL_MAIL_USE_TLS"] = "false"
    runs = [stack.flask("send-reminders", env=mail, wait=False) for _ in range(2)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    smtp_server.mailbox.wait_for(len(people))
    recipients = sorted(to for _, tos in smtp_server.mailbox.envelopes for to in tos if to in people)
    assert recipients == sorted(people), outputs


def test_the_address_is_the_one_nginx_saw_not_one_a_client_forged(stack):
    # Through nginx from 127.0.0.2, forging a new address each time: every attempt counts against 127.0.0.2.
    statuses = [failed_login(browser_from(stack.url, "127.0.0.2"), f"203.0.113.{n}") for n in range(7)]
    assert 429 not in statuses[:6] and statuses[6] == 429
    with stack.app().app_context():
        logged = db.session.scalar(
            select(AuditEvent.ip).where(AuditEvent.event == Event.LOGIN_FAILED.value).order_by(AuditEvent.id.desc())
        )
    assert logged == "127.0.0.2"  # nginx's hop, trusted; not the socket's 127.0.0.1, not the forged one
    # Another client behind nginx is counted on its own.
    assert failed_login(browser_from(stack.url, "127.0.0.3"), "127.0.0.2") != 429
