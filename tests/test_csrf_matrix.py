"""CSRF on every state-changing route: a matrix, not two spot checks.

``CASES`` has one row per endpoint in ``app.url_map`` that accepts POST, PUT,
PATCH or DELETE (``test_every_state_changing_route_has_a_case`` fails when a
route has no row, so a new route cannot ship without one). A row says who
sends the request, which URL (built with ``url_for`` from the ``world``), and
form data that succeeds when a valid token goes with it.

For every row, three tests:

* ``missing``: the post carries no token at all;
* ``foreign``: it carries a token minted for another session (another user,
  logged in on another client) while the sender's own session has a token;
* ``valid`` (the positive control): the same post with the sender's own token
  is answered with the row's success status, and changes the database when
  the row says so. It proves that the refusal comes from the CSRF check and
  that the form data would have done something.

A refused post must give the row's documented refusal and leave every row of
every table (``db.metadata.sorted_tables``) exactly as it was, with the
sender still logged in (or still logged out). No column is excluded: the
clock is frozen, logins happen at ``T0`` and the posts at ``LATER``, 30
seconds on, which is under the 60 seconds after which a request writes
``login_sessions.last_seen_at``; a write made at ``LATER`` shows in the
snapshot.

The "foreign" token comes from the other patient's session; Flask-WTF's log
line ("The CSRF tokens do not match." vs "The CSRF token is missing.")
proves which check refused. One positive control writes nothing by design:
sharing.enter_code (it only shows the consent page). A search (entries.index)
keeps itself, sealed, and redirects to its results.

The refusals (``Refusal``) besides the generic 400 page:

* ``editor``: entries.new and entries.edit show the editor again, filled in,
  with 400 and "security check expired" (journal/entries/rescue.py); so do the
  safety plan and a session's form (journal/entries/draft_pages.py);
* ``rescue``: /rescue is posted by a logged-out writer, who gets the rescue
  page again with their text and 401 (not logged in), never 400;
* ``json``: the autosave endpoint (exempt from Flask-WTF, it checks the token
  itself after the login check), the script's JSON login and the push
  subscription posts (a JSON body, the token in ``X-CSRFToken``) answer 400 with
  ``{"error": "csrf", ...}``.
"""

from __future__ import annotations

import io
import json
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from flask import url_for
from sqlalchemy import select

from journal.clock import utcnow
from journal.entries.drafts import save_draft
from journal.entries.forms import FREE_PROMPT
from journal.entries.services import trash_entry
from journal.extensions import db
from journal.models import Entry, Role, User
from journal.sharing.services import add_reply, current_invite
from tests.conftest import PASSWORD, JournalFactory, SharingFactory, UserMaker, login_client
from tests.pictures.images import photo
from tests.two_factor import key_on
from tests.worlds import module_app, rolled_back

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LATER = T0 + timedelta(seconds=30)
DRAFT = uuid.UUID("c5f0e000-0000-4000-8000-0000000c5f00")
WORDS = "ink-heron-4471"  # posted text, to find again on the pages that keep it
NEW_PASSWORD = "seven lanterns over the harbour"
EMAIL = {
    "patient": "pat@example.org",
    "other_patient": "other@example.org",
    "therapist": "ther@example.org",
    "new_therapist": "new-ther@example.org",
    "admin": "admin@example.org",
    "mfa_patient": "mfa@example.org",
}
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
# What Flask-WTF logs when it refuses (logger ``flask_wtf.csrf``): proves which check said no.
REASON = {"missing": "The CSRF token is missing.", "foreign": "The CSRF tokens do not match."}


@dataclass
class World:
    """Ids of everything the routes act on."""

    patient: int
    other_patient: int
    therapist: int
    new_therapist: int  # not connected; has an invite code
    admin: int
    mfa_patient: int  # turns MFA on only when a case needs it (``client_as``): it takes a few pages
    session: uuid.UUID
    entry: uuid.UUID  # live, shared with the therapist, one reply
    trashed: uuid.UUID
    draft: uuid.UUID
    connection: int  # patient <-> therapist
    invite_code: str
    change_token: str = ""  # a link moving the patient to moved@example.org
    verify_token: str = ""  # a link confirming the other patient's address
    gad_7: str = "gad-7"  # a questionnaire's name in its URL
    recovery_code: str | None = None  # of the MFA patient, once enrolled
    recovery_codes: list[str] = field(default_factory=list)  # all of them, for the mfa_enrolled role
    alert: uuid.UUID | None = None  # a safety alert sent to the therapist about the live entry
    picture: uuid.UUID | None = None  # a picture of the live entry
    push_endpoint: str = ""  # the patient's browser, notifications on


@pytest.fixture(scope="module")
def world_app(database_url, tmp_path_factory):
    """One app whose database holds the world for every case of this module."""
    with module_app(database_url, tmp_path_factory.mktemp("csrf")) as app:
        app.config.update(SESSION_IDLE_MINUTES=10**7, SESSION_ABSOLUTE_HOURS=10**6)
        yield app


@pytest.fixture(scope="module")
def world(world_app) -> World:
    """A patient with a session, a live entry (shared, with a reply), one in the trash and a draft; their
    therapist; a therapist with an invite code; another patient; an admin; a patient who will turn MFA on.
    Built once, at ``T0``."""
    from journal import clock as app_clock

    app_clock.freeze(T0)
    try:
        return build_world(world_app)
    finally:
        app_clock.freeze(None)


@pytest.fixture
def app(world_app, world, raw_clock):
    """This module's app at ``T0``, with each test inside a transaction rolled back after it."""
    raw_clock(T0)
    with rolled_back(world_app):
        yield world_app


def build_world(app) -> World:
    make_user, journal, sharing = UserMaker(app), JournalFactory(app), SharingFactory(app)
    users = {
        "patient": make_user(email=EMAIL["patient"], display_name="Pat", time_zone="Europe/Berlin"),
        "other_patient": make_user(email=EMAIL["other_patient"]),
        "therapist": make_user(Role.THERAPIST, email=EMAIL["therapist"]),
        "new_therapist": make_user(Role.THERAPIST, email=EMAIL["new_therapist"]),
        "admin": make_user(Role.ADMIN, email=EMAIL["admin"]),
        "mfa_patient": make_user(email=EMAIL["mfa_patient"]),
    }
    ids = {name: user.id for name, user in users.items()}
    session_id = journal.session(ids["patient"])
    entry_id = journal.entry(ids["patient"], "a live entry", session_id=session_id)
    trashed_id = journal.entry(ids["patient"], "an entry in the trash")
    connection_id = sharing.connect(ids["patient"], ids["therapist"])
    sharing.share(entry_id, ids["therapist"])
    sharing.share_session(session_id, ids["therapist"])
    with app.app_context():
        therapist = db.session.get(User, ids["therapist"])
        add_reply(db.session.get(Entry, entry_id), therapist.id, therapist, "a reply from the therapist")
        trash_entry(db.session.get(Entry, trashed_id))
        save_draft(
            owner_id=ids["patient"],
            draft_id=DRAFT,
            fields={"answer_0": ["draft words"]},
            prompts=[FREE_PROMPT],
            entry_id=None,
            session_id=None,
            prompt_set=None,
        )
        invite_code = current_invite(db.session.get(User, ids["new_therapist"])).code
        from journal.pictures.services import add_pictures

        picture_id = add_pictures(db.session.get(Entry, entry_id), [photo(40, 30)])[0].id
        from journal.push.services import subscribe
        from journal.push.subscriptions import parse_subscription

        with app.test_request_context():
            subscribe(db.session.get(User, ids["patient"]), parse_subscription(push_subscription(PUSH_ENDPOINT)))
        from journal.auth import tokens
        from journal.models import TokenPurpose

        change_token = tokens.issue(
            db.session.get(User, ids["patient"]), TokenPurpose.CHANGE_EMAIL, email="moved@example.org"
        )
        verify_token = tokens.issue(db.session.get(User, ids["other_patient"]), TokenPurpose.VERIFY_EMAIL)
        from journal.models import Connection
        from journal.safety.alerts import raise_alerts
        from journal.safety.risk import assess

        db.session.get(Connection, connection_id).safety_alerts = True
        (alert,) = raise_alerts(db.session.get(User, ids["patient"]), assess([], phq9_item9=3), entry_id=entry_id)
        alert_id = alert.id
        db.session.commit()
        db.session.remove()
    return World(
        **ids,
        session=session_id,
        entry=entry_id,
        trashed=trashed_id,
        draft=DRAFT,
        connection=connection_id,
        invite_code=invite_code,
        change_token=change_token,
        verify_token=verify_token,
        alert=alert_id,
        picture=picture_id,
        push_endpoint=PUSH_ENDPOINT,
    )


def enrol_mfa(app, email: str):
    """Turn two-factor authentication on through the pages (it needs a fresh login); return that logged-in
    client and the recovery codes shown."""
    client = login_client(app, email)
    client.post_form("/account/mfa", {"action": "start"})
    secret = key_on(_text(client.get("/account/mfa")))
    done = client.post_form("/account/mfa", {"action": "confirm", "code": pyotp.TOTP(secret).at(T0)})
    return client, re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", _text(done))


@dataclass(frozen=True)
class Refusal:
    name: str
    status: int
    shows: Callable  # (response) -> bool: the page or JSON says what this refusal should say

    def __repr__(self) -> str:
        return f"{self.name} ({self.status})"


def _text(response) -> str:
    return response.get_data(as_text=True)


def describe(response) -> str:
    """A response in one line, for assertion messages."""
    if response.is_json:
        return f"{response.status} {response.json}"
    title = re.search(r"<title>(.*?)</title>", _text(response))
    return f"{response.status} {response.headers.get('Location', '')} {title.group(1) if title else ''}"


PAGE = Refusal("page", 400, lambda r: "This form had expired" in _text(r))
EDITOR = Refusal("editor", 400, lambda r: "security check expired" in _text(r) and WORDS in _text(r))
RESCUE = Refusal(
    "rescue", 401, lambda r: WORDS in _text(r) and 'name="password"' in _text(r) and PASSWORD not in _text(r)
)
JSON = Refusal("json", 400, lambda r: r.is_json and r.json["error"] == "csrf")


@dataclass(frozen=True)
class Case:
    endpoint: str
    # patient, therapist, admin, anonymous, mfa_pending (password typed, code not yet), mfa_enrolled (two-factor
    # just turned on, the recovery codes on the page),
    # or resetting (followed a password reset link of the patient's, logged in as nobody)
    role: str
    args: dict = field(default_factory=dict)  # URL argument -> World attribute
    data: Callable[[World], dict] = lambda w: {}
    ok: int = 302  # the status of the positive control
    changes: bool = True  # whether the positive control writes to the database
    refusal: Refusal = PAGE
    method: str = "POST"
    variant: str = ""  # a second row for one endpoint, e.g. its JSON form
    script: bool = False  # posted by a page script (static/js/push.js): a JSON body, the token in X-CSRFToken

    @property
    def id(self) -> str:
        return self.endpoint + (f"[{self.variant}]" if self.variant else "")

    def __repr__(self) -> str:
        return f"Case({self.id} as {self.role})"

    @property
    def wants_json(self) -> bool:
        return self.refusal is JSON


SESSION_FORM = {"occurred_at": "2026-01-01T10:00", "medicine": "mdma", "setting": "clinic", "intention": WORDS}
LOGIN = {"email": EMAIL["patient"], "password": PASSWORD}
PUSH_ENDPOINT = "http://127.0.0.1:9/push/patients-browser"  # testing takes a local push service


def push_subscription(endpoint: str) -> dict:
    """What a browser's ``PushSubscription.toJSON()`` gives the page script."""
    from tests.push.push_service import Browser

    return Browser(endpoint).subscription()


CASES = [
    # Accounts
    Case(
        "auth.register",
        "anonymous",
        data=lambda w: {
            "email": "ana@example.org",
            "display_name": "Ana",
            "new_password": PASSWORD,
            "confirm_password": PASSWORD,
            "time_zone": "UTC",
        },
    ),
    Case("auth.login", "anonymous", data=lambda w: LOGIN),
    Case("auth.login", "anonymous", data=lambda w: LOGIN, ok=200, refusal=JSON, variant="json"),
    Case("auth.login_code", "mfa_pending", data=lambda w: {"code": w.recovery_code}),
    Case(
        "auth.recovery_codes_file",
        "mfa_enrolled",
        data=lambda w: {"recovery_code": w.recovery_codes},
        ok=200,
        changes=False,
    ),
    Case("auth.logout", "patient"),
    Case("auth.logout_everywhere", "patient"),
    Case("offline.forget_device", "patient", changes=False),
    Case("auth.reauthenticate", "patient", data=lambda w: {"password": PASSWORD}),
    Case(
        "auth.password",
        "patient",
        data=lambda w: {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD},
    ),
    Case("auth.mfa_settings", "patient", data=lambda w: {"action": "start"}),
    Case("recovery.forgot", "anonymous", data=lambda w: {"email": EMAIL["patient"]}, ok=200, changes=False),
    Case(
        "recovery.reset",
        "resetting",
        data=lambda w: {
            "new_password": "a slower walk along the canal",
            "confirm_password": "a slower walk along the canal",
        },
    ),
    Case("recovery.send_verification", "patient"),
    Case("recovery.confirm_email_change", "anonymous", {"token": "change_token"}),
    Case("recovery.verify_email", "anonymous", {"token": "verify_token"}),
    Case("measures.new", "patient", {"name": "gad_7"}, lambda w: {f"item{n}": "1" for n in range(1, 8)}),
    Case(
        "settings.save",
        "patient",
        data=lambda w: {
            "display_name": "Pat",
            "time_zone": "Asia/Tokyo",
            "clock": "12h",
            "paper_size": "letter",
            "crisis_region": "",
        },
    ),
    Case("settings.change_email", "patient", data=lambda w: {"new_email": "moved@example.org", "password": PASSWORD}),
    Case("settings.export_everything", "patient", ok=200),  # the positive control is audited
    Case("settings.delete_account", "patient", data=lambda w: {"password": PASSWORD, "confirm": "DELETE"}),
    Case(
        "settings.import_journal",
        "patient",
        data=lambda w: {
            "file": (
                io.BytesIO(
                    json.dumps(
                        {"metadata": {}, "entries": [{"creationDate": "2024-03-10T18:45:00Z", "text": WORDS}]}
                    ).encode()
                ),
                "Journal.json",
            )
        },
    ),
    Case(
        "rescue.rescue_login",
        "anonymous",
        data=lambda w: {**LOGIN, "answer_0": WORDS, "action": "/entries/new"},
        refusal=RESCUE,
    ),
    # Entries, the trash, drafts
    Case("entries.new", "patient", data=lambda w: {"answer_0": WORDS}, refusal=EDITOR),
    Case(
        "entries.edit", "patient", {"entry_id": "entry"}, lambda w: {"answer_0": WORDS, "version": "1"}, refusal=EDITOR
    ),
    Case("entries.index", "patient", data=lambda w: {"q": "live", "page": "1"}, ok=303),
    Case("entries.delete", "patient", {"entry_id": "entry"}),  # move to trash
    Case("entries.restore", "patient", {"entry_id": "trashed"}),
    Case("entries.destroy", "patient", {"entry_id": "trashed"}),
    Case("drafts.discard", "patient", {"draft_id": "draft"}),
    Case("drafts.autosave", "patient", {"draft_id": "draft"}, lambda w: {"answer_0": WORDS}, ok=200, refusal=JSON),
    # Treatment sessions
    Case("sessions.new", "patient", data=lambda w: SESSION_FORM, refusal=EDITOR),
    Case("sessions.edit", "patient", {"session_id": "session"}, lambda w: SESSION_FORM, refusal=EDITOR),
    Case("sessions.delete", "patient", {"session_id": "session"}),
    # Sharing, the patient's side
    Case("sharing.enter_code", "patient", data=lambda w: {"code": w.invite_code}, ok=200, changes=False),
    Case("sharing.confirm", "patient", data=lambda w: {"code": w.invite_code, "agree": "y", "safety_alerts": "no"}),
    Case("sharing.auto_share", "patient", {"connection_id": "connection"}, lambda w: {"auto_share": "y"}),
    Case("sharing.end", "patient", {"connection_id": "connection"}),
    Case("sharing.share_measures", "patient", {"connection_id": "connection"}, lambda w: {"share_measures": "y"}),
    Case("sharing.share_safety_plan", "patient", {"connection_id": "connection"}, lambda w: {"share_safety_plan": "y"}),
    Case("sharing.safety_alerts", "patient", {"connection_id": "connection"}),  # nothing ticked: stop them
    Case("sharing.phone", "patient", {"connection_id": "connection"}, lambda w: {"phone": "+1 555 0100"}),
    # Safety
    Case("safety.plan", "patient", data=lambda w: {"version": "0", "reasons": WORDS}, refusal=EDITOR),
    Case("safety.not_what_i_meant", "patient", {"entry_id": "entry"}),
    Case("sharing.entry_sharing", "patient", {"entry_id": "entry"}),  # nobody ticked: unshare
    Case("entries.discuss", "patient", {"entry_id": "entry"}, lambda w: {"to_discuss": "y"}),
    Case(
        "pictures.upload",
        "patient",
        {"entry_id": "entry"},
        lambda w: {"pictures": (io.BytesIO(photo(40, 30)), "a.jpg")},
    ),
    Case("pictures.remove", "patient", {"picture_id": "picture"}),
    Case("sharing.session_sharing", "patient", {"session_id": "session"}),
    Case(
        "sharing.reply",
        "patient",
        {"entry_id": "entry"},
        lambda w: {"therapist_id": w.therapist, f"thread-{w.therapist}-text": WORDS},
    ),  # the thread's form prefix
    # The therapist's side
    Case("therapist.invite", "therapist"),
    Case("therapist.review", "therapist", {"entry_id": "entry"}),
    Case("therapist.reply", "therapist", {"entry_id": "entry"}, lambda w: {"text": WORDS}),
    Case("therapist.end", "therapist", {"patient_id": "patient"}),
    Case("therapist.add_note", "therapist", {"patient_id": "patient"}, lambda w: {"text": WORDS}),
    Case("therapist.label", "therapist", {"patient_id": "patient"}, lambda w: {"label": "a private label"}),
    Case("therapist.acknowledge_alert", "therapist", {"alert_id": "alert"}, lambda w: {"ack-action": "called"}),
    Case("therapist.resolve_alert", "therapist", {"alert_id": "alert"}, lambda w: {"close-outcome": "safe"}),
    # Exports (a PDF; the patient's remembers the paper size, the therapist's is in the access log)
    Case("export.patient", "patient", data=lambda w: {"scope": "all", "paper_size": "letter"}, ok=200),
    Case("export.therapist", "therapist", {"patient_id": "patient"}, lambda w: {"paper_size": "a4"}, ok=200),
    # Administration
    Case("admin.toggle_active", "admin", {"user_id": "other_patient"}),
    Case("admin.reset_link", "admin", {"user_id": "other_patient"}, changes=False),  # unconfirmed: no link
    # Notifications on this device: the page script posts JSON
    Case(
        "push.subscribe",
        "patient",
        data=lambda w: push_subscription("http://127.0.0.1:9/push/another-browser"),
        ok=201,
        refusal=JSON,
        script=True,
    ),
    Case(
        "push.unsubscribe", "patient", data=lambda w: {"endpoint": w.push_endpoint}, ok=200, refusal=JSON, script=True
    ),
]


def client_as(app, world: World, role: str):
    """A client of this role, logged in (at ``T0``) unless anonymous or halfway through an MFA login."""
    if role == "anonymous":
        return app.test_client()
    if role == "mfa_pending":
        world.recovery_code = enrol_mfa(app, EMAIL["mfa_patient"])[1][0]
        client = app.test_client()
        response = client.post_form("/login", {"email": EMAIL["mfa_patient"], "password": PASSWORD})
        assert response.headers["Location"].startswith("/login/code")
        return client
    if role == "mfa_enrolled":  # two-factor just turned on: the page showing the recovery codes is open
        client, world.recovery_codes = enrol_mfa(app, EMAIL["mfa_patient"])
        return client
    if role == "resetting":
        return resetting_client(app, EMAIL["patient"])
    return login_client(app, EMAIL[role])


def resetting_client(app, email: str):
    """A browser that has just followed a reset link of this (now verified) account."""
    from journal.auth import tokens
    from journal.auth.services import find_user_by_email
    from journal.models import TokenPurpose

    with app.app_context():
        user = find_user_by_email(email)
        user.email_verified_at = utcnow()
        raw = tokens.issue(user, TokenPurpose.RESET_PASSWORD)
    client = app.test_client()
    assert client.get(f"/password/reset/{raw}").status_code == 302
    return client


def send(app, client, case: Case, world: World, token: str | None):
    """Post the case's form, with ``token`` where the page would put it (or without any)."""
    with app.test_request_context():
        url = url_for(case.endpoint, **{name: getattr(world, attribute) for name, attribute in case.args.items()})
    data, headers = dict(case.data(world)), {}
    if case.wants_json:
        headers["Accept"] = "application/json"
    if token is not None:
        if case.endpoint == "drafts.autosave" or case.script:
            headers["X-CSRFToken"] = token  # as the editor's script sends it
        else:
            data["csrf_token"] = token
    if case.script:
        return client.open(url, method=case.method, json=data, headers=headers)
    return client.open(url, method=case.method, data=data, headers=headers)


def snapshot(app) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    with app.app_context():
        tables = {
            table.name: sorted((tuple(row) for row in db.session.execute(select(table))), key=repr)
            for table in db.metadata.sorted_tables
        }
        db.session.remove()
    return tables


def changed_tables(before: dict, after: dict) -> list[str]:
    return [name for name in before if before[name] != after[name]]


def logged_in(client) -> bool:
    return client.get("/auth/csrf-token").json["logged_in"]


# Routes that take no CSRF token by design, and why. Each is tested on its own terms.
EXEMPT = {
    # RFC 8058 one-click unsubscribe: mail clients post with no page and no cookie; the signed link is the key
    # (tests/reminders/test_services.py: a forged link does nothing).
    ("reminders.unsubscribe", "POST"),
}


def test_only_the_listed_routes_are_exempt_from_csrf(app):
    from journal.extensions import csrf

    exempt = {
        endpoint
        for endpoint, view in app.view_functions.items()
        if f"{view.__module__}.{view.__name__}" in csrf._exempt_views
    }
    # The autosave endpoint skips the global check only to answer a refusal as JSON: it calls
    # csrf.protect() itself, and its row in CASES proves it.
    assert exempt == {endpoint for endpoint, _ in EXEMPT} | {"drafts.autosave"}


def test_every_state_changing_route_has_a_case(app):
    routes = {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods & STATE_CHANGING
    } - EXEMPT
    cases = {(case.endpoint, case.method) for case in CASES}
    assert routes - cases == set(), "a state-changing route has no CSRF case: add it to CASES"
    assert cases - routes == set(), "a CSRF case names a route that no longer exists"


@pytest.mark.parametrize("token", ["missing", "foreign"])
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_a_post_without_its_own_token_is_refused_and_changes_nothing(app, clock, world, caplog, case, token):
    client = client_as(app, world, case.role)
    client.csrf_token()  # the sender's session has a token of its own, as when the page is open
    foreign = login_client(app, EMAIL["other_patient"]).csrf_token() if token == "foreign" else None
    was_logged_in = case.role not in ("anonymous", "mfa_pending", "resetting")
    clock(LATER)
    before = snapshot(app)

    with caplog.at_level(logging.INFO, logger="flask_wtf.csrf"):
        response = send(app, client, case, world, foreign)

    assert response.status_code == case.refusal.status, describe(response)
    assert changed_tables(before, snapshot(app)) == [], "a post without a valid CSRF token changed the database"
    assert case.refusal.shows(response), describe(response)
    assert [r.getMessage() for r in caplog.records if r.name == "flask_wtf.csrf"] == [REASON[token]]
    assert logged_in(client) is was_logged_in


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_the_same_post_with_its_own_token_goes_through(app, clock, world, case):
    client = client_as(app, world, case.role)
    token = client.csrf_token()
    clock(LATER)
    before = snapshot(app)

    response = send(app, client, case, world, token)

    assert response.status_code == case.ok, describe(response)
    if case.changes:
        assert changed_tables(before, snapshot(app)) != [], "the positive control changed nothing"
