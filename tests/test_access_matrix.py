"""Every role against every action on every route that touches an entry, session, draft or reply.

Each cell asserts the exact status (or redirect), that the author's data did
not change when the action was refused, that no refused access was logged,
and that no text of the journal appears in a refused response.
"""

from __future__ import annotations

import hashlib
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from journal.audit import Event
from journal.extensions import db
from journal.models import (
    AccessAction,
    AccessLog,
    AlertPhone,
    AuditEvent,
    ClinicianNote,
    Connection,
    Draft,
    Entry,
    EntryPicture,
    EntryShare,
    MeasureResponse,
    PatientLabel,
    Reply,
    Role,
    SafetyAlert,
    SafetyPlan,
    SessionShare,
    TreatmentSession,
)
from tests.conftest import PASSWORD, JournalFactory, SharingFactory, UserMaker, login_client
from tests.worlds import module_app, rolled_back

SECRET = "saffron-cathedral-7731"
SCORE = "19 of 27"  # the author's PHQ-9 total, as the therapist's page and the PDF write it
REPLY_SECRET = "lantern-reply-5520"
DRAFT = "7e3b0000-0000-4000-8000-00000000d7af"

ROLES = [
    "author",
    "shared_therapist",
    "connected_therapist",
    "unshared_therapist",
    "disconnected_therapist",
    "unconnected_therapist",
    "other_patient",
    "admin",
    "anonymous",
]


@pytest.fixture(scope="module")
def world_app(database_url, tmp_path_factory):
    """One app whose database holds the world for every cell of this module."""
    with module_app(database_url, tmp_path_factory.mktemp("matrix")) as app:
        yield app


@pytest.fixture(scope="module")
def world(world_app):
    """The author's journal, shared, replied to, measured and alerted on, seen by every role: built once."""
    app = world_app
    make_user, journal, sharing = UserMaker(app), JournalFactory(app), SharingFactory(app)
    author = make_user(email="author@example.org", display_name="Author")
    therapists = {
        name: make_user(Role.THERAPIST, email=f"{name}@example.org", display_name=name)
        for name in ROLES
        if name.endswith("_therapist")
    }
    make_user(email="other_patient@example.org")
    make_user(Role.ADMIN, email="admin@example.org")
    session_id = journal.session(author.id, intention=SECRET)
    entry_id = journal.entry(author.id, SECRET, title=SECRET, session_id=session_id, tags=[SECRET])
    connected = ("shared_therapist", "connected_therapist", "unshared_therapist", "disconnected_therapist")
    connections = {name: sharing.connect(author.id, therapists[name].id) for name in connected}
    sharing.share(
        entry_id,
        therapists["shared_therapist"].id,
        therapists["unshared_therapist"].id,
        therapists["disconnected_therapist"].id,
    )
    sharing.share_session(session_id, therapists["shared_therapist"].id)
    sharing.share(entry_id, therapists["shared_therapist"].id, therapists["disconnected_therapist"].id)
    sharing.disconnect(author.id, therapists["disconnected_therapist"].id)
    with app.app_context():
        from journal.sharing.services import add_reply

        add_reply(
            db.session.get(Entry, entry_id),
            therapists["shared_therapist"].id,
            db.session.get(__import__("journal.models", fromlist=["User"]).User, author.id),
            REPLY_SECRET,
        )
    author_client = login_client(app, "author@example.org")
    # A PHQ-9 of 19 (item 9 answered), its results shared with shared_therapist only.
    response = author_client.post_form(
        "/measures/phq-9/new", {f"item{n}": "2" for n in range(1, 9)} | {"item9": "3", "difficulty": "1"}
    )
    author_client.post_form(f"/connections/{connections['shared_therapist']}/measures", {"share_measures": "y"})
    author_client.post(
        f"/drafts/{DRAFT}/autosave",
        data={"answer_0": SECRET},
        headers={"X-CSRFToken": author_client.csrf_token(), "Accept": "application/json"},
    )
    # Safety: alerts allowed to shared_therapist (one raised about the entry); the plan shared with them.
    author_client.post_form(f"/connections/{connections['shared_therapist']}/safety-alerts", {"safety_alerts": "y"})
    author_client.post_form("/safety-plan", {"version": "0", "helpers": SECRET})
    author_client.post_form(f"/connections/{connections['shared_therapist']}/safety-plan", {"share_safety_plan": "y"})
    with app.app_context():  # a picture of the shared entry
        from journal.pictures.services import add_pictures
        from tests.pictures.images import photo

        picture_id = add_pictures(db.session.get(Entry, entry_id), [photo(40, 30)])[0].id
    # A search the author made: kept under a random id that the list's address carries.
    search = author_client.post_form("/entries", {"q": "cathedral", "page": "1"}).headers["Location"]
    with app.app_context():
        from journal.models import User
        from journal.safety.alerts import raise_alerts
        from journal.safety.risk import assess

        (alert,) = raise_alerts(db.session.get(User, author.id), assess([], phq9_item9=3), entry_id=entry_id)
        alert_id = str(alert.id)
        db.session.commit()
    # A former patient of shared_therapist: their journal gone, the therapist's record of them kept.
    former = make_user(email="former@example.org", display_name="Former")
    sharing.connect(former.id, therapists["shared_therapist"].id)
    journal.entry(former.id, SECRET, title=SECRET)
    with app.test_request_context():
        from journal.models import RetainedRecord
        from journal.settings.deletion import delete_account
        from journal.therapist.workspace import write_note

        write_note(therapists["shared_therapist"].id, former.id, "a kept note")
        delete_account(db.session.get(User, former.id))
        record_id = db.session.scalars(select(RetainedRecord.id)).one()
    return {
        "entry": entry_id,
        "session": session_id,
        "draft": DRAFT,
        "author": author.id,
        "response": response.headers["Location"].rsplit("/", 1)[1],
        "connection": connections["shared_therapist"],
        "alert": alert_id,
        "search": search.split("search=", 1)[1].split("&", 1)[0],
        "picture": picture_id,
        "record": record_id,
    }


@pytest.fixture
def app(world_app, world):
    """This module's app, with each test inside a transaction rolled back after it: the world is built once."""
    with rolled_back(world_app):
        yield world_app


def client_for(app, role):
    if role == "anonymous":
        return app.test_client()
    return login_client(app, "author@example.org" if role == "author" else f"{role}@example.org")


def fingerprint(app) -> str:
    """Everything of the author's journal that an action could change, plus the access log."""
    with app.app_context():
        rows = []
        for model in (
            TreatmentSession,
            Entry,
            Draft,
            Reply,
            EntryShare,
            SessionShare,
            Connection,
            MeasureResponse,
            SafetyAlert,
            SafetyPlan,
            ClinicianNote,
            EntryPicture,
            PatientLabel,
            AlertPhone,
        ):
            for row in db.session.scalars(select(model)):
                rows.append(
                    (model.__tablename__, repr(sorted((k, v) for k, v in vars(row).items() if not k.startswith("_"))))
                )
        rows.append(("log", db.session.scalar(select(func.count()).select_from(AccessLog))))
    return hashlib.sha256(repr(sorted(rows)).encode()).hexdigest()


def audit_trail(app) -> list[str]:
    """The events of the audit trail, oldest first."""
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.event).order_by(AuditEvent.id)))


# action, method, url, data, JSON?
ROUTES = [
    ("view", "GET", "/entries/{entry}", None),
    ("view", "GET", "/sessions/{session}", None),
    ("view", "GET", "/drafts/{draft}", None),
    ("view", "GET", "/therapist/entries/{entry}", None),
    ("list", "GET", "/entries", None),
    ("list", "GET", "/sessions", None),
    ("list", "GET", "/drafts", None),
    ("list", "GET", "/therapist/patients/{author}", None),
    ("list", "GET", "/therapist/", None),
    ("search", "POST", "/entries", {"q": "cathedral", "page": "1"}),
    ("search", "GET", "/entries?search={search}", None),
    ("view", "GET", "/pictures/{picture}", None),
    ("view", "GET", "/therapist/pictures/{picture}", None),
    ("view", "GET", "/entries/{entry}/pictures", None),
    ("edit", "POST", "/entries/{entry}/pictures", {}),
    ("delete", "GET", "/pictures/{picture}/remove", None),
    ("delete", "POST", "/pictures/{picture}/remove", {}),
    ("edit", "GET", "/entries/{entry}/edit", None),
    ("edit", "POST", "/entries/{entry}/edit", {"answer_0": "changed", "version": "1"}),
    (
        "edit",
        "POST",
        "/sessions/{session}/edit",
        {"occurred_at": "2026-01-01T10:00", "medicine": "mdma", "setting": "clinic"},
    ),
    ("edit", "POST", "/drafts/{draft}/autosave", {"answer_0": "changed"}),
    ("edit", "POST", "/entries/{entry}/sharing", {}),
    ("delete", "POST", "/entries/{entry}/delete", {}),
    ("delete", "POST", "/sessions/{session}/delete", {}),
    ("delete", "POST", "/drafts/{draft}/discard", {}),
    ("reply", "POST", "/therapist/entries/{entry}/replies", {"text": "a reply"}),
    ("reply", "POST", "/entries/{entry}/replies", {"therapist_id": "0", "text": "a reply"}),
    ("review", "POST", "/therapist/entries/{entry}/review", {}),
    ("export", "POST", "/export", {"scope": "all", "paper_size": "a4"}),
    ("export", "POST", "/therapist/patients/{author}/export", {"paper_size": "a4"}),
    ("view", "GET", "/measures/responses/{response}", None),
    ("list", "GET", "/measures", None),
    ("list", "GET", "/measures/progress", None),
    ("edit", "POST", "/connections/{connection}/measures", {}),
    ("view", "GET", "/safety-plan", None),
    ("edit", "POST", "/safety-plan", {"version": "1", "helpers": "changed"}),
    ("export", "GET", "/safety-plan/pdf", None),
    ("list", "GET", "/safety", None),
    ("edit", "POST", "/connections/{connection}/safety-plan", {}),
    ("edit", "POST", "/connections/{connection}/safety-alerts", {}),
    ("view", "GET", "/therapist/alerts/{alert}", None),
    ("review", "POST", "/therapist/alerts/{alert}/acknowledge", {"ack-action": "called"}),
    ("review", "POST", "/therapist/alerts/{alert}/resolve", {"close-outcome": "safe"}),
    ("view", "GET", "/therapist/alerts/{alert}/acknowledge", None),  # after an error, reloaded: the alert
    ("view", "GET", "/therapist/alerts/{alert}/resolve", None),
    ("view", "GET", "/therapist/patients/{author}/safety-plan", None),
    ("view", "GET", "/therapist/patients/{author}/summary", None),
    ("edit", "POST", "/therapist/patients/{author}/notes", {"text": "a private note"}),
    ("edit", "POST", "/entries/{entry}/discuss", {"to_discuss": "y"}),
    ("export", "GET", "/therapist/patients/{author}/record.pdf", None),
    ("list", "GET", "/therapist/former-patients", None),
    ("view", "GET", "/therapist/former-patients/{record}", None),
    ("export", "GET", "/therapist/former-patients/{record}/pdf", None),
    ("edit", "POST", "/safety/not-what-i-meant/{entry}", {}),
    ("edit", "POST", "/therapist/patients/{author}/label", {"label": "a private label"}),
    ("edit", "POST", "/connections/{connection}/phone", {"phone": "+1 555 0100"}),
]

# Cells that are allowed, with their status; every other logged-in cell is a 404.
ALLOWED = {
    ("author", "GET", "/entries/{entry}"): 200,
    ("author", "GET", "/sessions/{session}"): 200,
    ("author", "GET", "/drafts/{draft}"): 302,
    ("author", "GET", "/entries"): 200,
    ("author", "GET", "/sessions"): 200,
    ("author", "GET", "/drafts"): 200,
    ("author", "POST", "/entries"): 200,
    ("author", "GET", "/entries?search={search}"): 200,
    ("author", "GET", "/pictures/{picture}"): 200,
    ("shared_therapist", "GET", "/therapist/pictures/{picture}"): 200,
    ("author", "GET", "/entries/{entry}/pictures"): 200,
    ("author", "POST", "/entries/{entry}/pictures"): 422,
    ("author", "GET", "/pictures/{picture}/remove"): 200,
    ("author", "POST", "/pictures/{picture}/remove"): 302,
    ("author", "GET", "/entries/{entry}/edit"): 200,
    ("author", "POST", "/entries/{entry}/edit"): 302,
    ("author", "POST", "/sessions/{session}/edit"): 302,
    ("author", "POST", "/drafts/{draft}/autosave"): 200,
    ("author", "POST", "/entries/{entry}/sharing"): 302,
    ("author", "POST", "/entries/{entry}/delete"): 302,
    ("author", "POST", "/sessions/{session}/delete"): 302,
    ("author", "POST", "/drafts/{draft}/discard"): 302,
    ("author", "POST", "/entries/{entry}/replies"): 404,  # therapist 0 has no thread: refused
    ("shared_therapist", "GET", "/therapist/entries/{entry}"): 200,
    ("shared_therapist", "GET", "/therapist/patients/{author}"): 200,
    ("shared_therapist", "POST", "/therapist/entries/{entry}/replies"): 302,
    ("shared_therapist", "POST", "/therapist/entries/{entry}/review"): 302,
    ("connected_therapist", "GET", "/therapist/patients/{author}"): 200,
    ("unshared_therapist", "GET", "/therapist/patients/{author}"): 200,
    ("author", "POST", "/export"): 200,
    ("shared_therapist", "POST", "/therapist/patients/{author}/export"): 200,
    # Connected therapists may export; what they get is only what is shared with them (nothing here).
    ("connected_therapist", "POST", "/therapist/patients/{author}/export"): 200,
    ("unshared_therapist", "POST", "/therapist/patients/{author}/export"): 200,
    ("author", "GET", "/measures/responses/{response}"): 200,
    ("author", "GET", "/measures"): 200,
    ("author", "GET", "/measures/progress"): 200,
    ("author", "POST", "/connections/{connection}/measures"): 302,
    ("author", "GET", "/safety-plan"): 200,
    ("author", "POST", "/safety-plan"): 302,
    ("author", "GET", "/safety-plan/pdf"): 200,
    ("author", "GET", "/safety"): 200,
    ("author", "POST", "/connections/{connection}/safety-plan"): 302,
    ("author", "POST", "/connections/{connection}/safety-alerts"): 302,
    ("shared_therapist", "GET", "/therapist/alerts/{alert}"): 200,
    ("shared_therapist", "POST", "/therapist/alerts/{alert}/acknowledge"): 302,
    ("shared_therapist", "POST", "/therapist/alerts/{alert}/resolve"): 302,
    ("shared_therapist", "GET", "/therapist/alerts/{alert}/acknowledge"): 302,
    ("shared_therapist", "GET", "/therapist/alerts/{alert}/resolve"): 302,
    ("shared_therapist", "GET", "/therapist/patients/{author}/safety-plan"): 200,
    # Another patient's own (empty) plan: a form to write one, and nothing to print yet.
    ("other_patient", "GET", "/safety-plan/pdf"): 302,
    ("other_patient", "POST", "/safety-plan"): 409,  # their own plan is at version 0, not 1: nothing written
    ("author", "POST", "/entries/{entry}/discuss"): 302,
    ("author", "POST", "/safety/not-what-i-meant/{entry}"): 302,
    # Every connected therapist has a summary (of what is shared with them) and private notes.
    **{
        (role, "GET", "/therapist/patients/{author}/summary"): 200
        for role in ("shared_therapist", "connected_therapist", "unshared_therapist")
    },
    **{
        (role, "POST", "/therapist/patients/{author}/notes"): 302
        for role in ("shared_therapist", "connected_therapist", "unshared_therapist")
    },
    # A private label of their own, for each connected patient; the patient's phone number, theirs to give.
    **{
        (role, "POST", "/therapist/patients/{author}/label"): 302
        for role in ("shared_therapist", "connected_therapist", "unshared_therapist")
    },
    ("author", "POST", "/connections/{connection}/phone"): 302,
    # Their own record of a connected patient (notes and alerts, never the journal), in the access log.
    **{
        (role, "GET", "/therapist/patients/{author}/record.pdf"): 200
        for role in ("shared_therapist", "connected_therapist", "unshared_therapist")
    },
    # Every therapist has a list of former patients (their own); a record opens only for its therapist.
    **{(role, "GET", "/therapist/former-patients"): 200 for role in ROLES if role.endswith("_therapist")},
    ("shared_therapist", "GET", "/therapist/former-patients/{record}"): 200,
    ("shared_therapist", "GET", "/therapist/former-patients/{record}/pdf"): 200,
}
# A patient's own list pages: another patient gets their own (empty) journal there.
OWN_LISTS = {
    ("GET", "/entries"),
    ("GET", "/entries?search={search}"),
    ("GET", "/sessions"),
    ("GET", "/drafts"),
    ("POST", "/entries"),
    ("POST", "/export"),
    ("GET", "/measures"),
    ("GET", "/measures/progress"),
    ("GET", "/safety-plan"),
    ("GET", "/safety"),
}
# Pages where an allowed viewer legitimately reads the journal's words.
READS_TEXT = {("author", m, u) for (r, m, u) in ALLOWED if r == "author"} | {
    ("shared_therapist", "GET", "/therapist/entries/{entry}"),
    ("shared_therapist", "GET", "/therapist/patients/{author}"),
    ("shared_therapist", "POST", "/therapist/patients/{author}/export"),
    ("shared_therapist", "GET", "/therapist/alerts/{alert}"),  # the shared entry's title, as a link
    ("shared_therapist", "GET", "/therapist/patients/{author}/safety-plan"),
}


def expected_status(role, method, url):
    if (role, method, url) in ALLOWED:
        return ALLOWED[(role, method, url)]
    if url == "/therapist/" and role.endswith("_therapist"):
        return 200
    if role == "other_patient" and (method, url) in OWN_LISTS:
        return 200
    if role == "anonymous":
        if url.endswith("/autosave"):
            return 401
        if method == "POST" and url in ("/entries/{entry}/edit", "/sessions/{session}/edit", "/safety-plan"):
            return 401  # the rescue page: only the sender's own words
        return 302
    return 404


def send(client, method, url, data):
    if method == "GET":
        return client.get(url)
    if url.endswith("/autosave"):
        return client.post(url, data=data, headers={"X-CSRFToken": client.csrf_token(), "Accept": "application/json"})
    response = client.post_form(url, data)
    if url == "/entries" and response.status_code == 303:  # a search shows its results at the address it gives
        return client.get(response.headers["Location"])
    return response


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("action", "method", "url", "data"), ROUTES, ids=[f"{a}:{m} {u}" for a, m, u, _ in ROUTES])
def test_matrix(app, world, role, action, method, url, data):
    client = client_for(app, role)
    before, trail = fingerprint(app), audit_trail(app)
    response = send(client, method, url.format(**world), data)
    body = response.get_data().decode("utf-8", "replace")
    status = expected_status(role, method, url)
    assert response.status_code == status, (role, method, url, body[:300])
    if status == 302 and role == "anonymous":
        assert response.headers["Location"].startswith("/login")
    if (role, method, url) not in ALLOWED or status == 404:
        if not (url == "/therapist/" and role.endswith("_therapist")) and (method, url) != ("POST", "/export"):
            assert fingerprint(app) == before, "a refused action changed something"
    if status == 404:  # the refusal itself is recorded: one row, and nothing else
        assert audit_trail(app)[len(trail) :] == [Event.ACCESS_DENIED]
    if (role, method, url) not in READS_TEXT:
        assert SECRET not in body
        assert REPLY_SECRET not in body
        assert SCORE not in body and "<strong>19</strong>" not in body
        if response.mimetype == "application/pdf":
            text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
            assert SECRET not in text and REPLY_SECRET not in text


def test_refused_requests_never_write_the_access_log(app, world):
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AccessLog)) == 0
    for role in ("connected_therapist", "unshared_therapist", "disconnected_therapist", "unconnected_therapist"):
        client_for(app, role).get(f"/therapist/entries/{world['entry']}")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AccessLog)) == 0


def test_admin_sees_accounts_not_journals(app, world):
    client = client_for(app, "admin")
    page = client.get("/admin/users").get_data(as_text=True)
    assert "author@example.org" in page and SECRET not in page
    assert PASSWORD not in page


def test_exports_hold_exactly_what_each_role_may_read(app, world):
    def pdf_text(response):
        assert response.mimetype == "application/pdf"
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)

    url = f"/therapist/patients/{world['author']}/export"
    assert SECRET in pdf_text(client_for(app, "shared_therapist").post_form(url, {"paper_size": "a4"}))
    for role in ("connected_therapist", "unshared_therapist"):
        assert SECRET not in pdf_text(client_for(app, role).post_form(url, {"paper_size": "a4"}))
    assert SECRET in pdf_text(client_for(app, "author").post_form("/export", {"scope": "all", "paper_size": "a4"}))
    assert SECRET not in pdf_text(
        client_for(app, "other_patient").post_form("/export", {"scope": "all", "paper_size": "a4"})
    )


@pytest.mark.parametrize("role", [r for r in ROLES if r.endswith("_therapist")])
def test_questionnaires_reach_only_the_therapist_they_are_shared_with(app, world, role):
    client = client_for(app, role)
    page = client.get(f"/therapist/patients/{world['author']}")
    pdf = client.post_form(f"/therapist/patients/{world['author']}/export", {"paper_size": "a4"})
    shown = role == "shared_therapist"
    assert (SCORE in page.get_data(as_text=True)) is shown
    if pdf.mimetype == "application/pdf":
        assert (
            "Patient Health Questionnaire" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
        ) is shown
    with app.app_context():
        logged = db.session.scalar(
            select(func.count()).select_from(AccessLog).where(AccessLog.action == AccessAction.VIEW_MEASURES)
        )
    assert logged == (1 if shown else 0)
