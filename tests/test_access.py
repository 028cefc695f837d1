"""Only the author reaches a journal: every other role is told it does not exist."""

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from journal.audit import Event
from journal.clock import utcnow
from journal.extensions import db
from journal.models import AuditEvent, Draft, Entry, Role, TreatmentSession, User
from tests.conftest import PASSWORD, login_client

SECRET = "moonlit-orchard-secret"
ACTORS = ["other_patient", "therapist", "admin", "anonymous"]


@pytest.fixture
def world(app, make_user, journal):
    """An author with a session, an entry, a trashed entry and a draft, all holding SECRET."""
    author = make_user(email="author@example.org")
    session_id = journal.session(author.id, intention=SECRET)
    entry_id = journal.entry(author.id, SECRET, title=SECRET, session_id=session_id, tags=[SECRET])
    trashed_id = journal.entry(author.id, SECRET, title=SECRET)
    author_client = app.test_client()
    author_client.post_form("/login", {"email": "author@example.org", "password": PASSWORD})
    author_client.post_form(f"/entries/{trashed_id}/delete")
    draft_id = "0f0f0f0f-1111-4222-8333-444455556666"
    author_client.post(
        f"/drafts/{draft_id}/autosave",
        data={"answer_0": SECRET},
        headers={"X-CSRFToken": author_client.csrf_token(), "Accept": "application/json"},
    )
    return {"session": session_id, "entry": entry_id, "trashed": trashed_id, "draft": draft_id}


@pytest.fixture
def actor_client(request, app, make_user):
    name = request.param
    client = app.test_client()
    if name != "anonymous":
        role = {"other_patient": Role.PATIENT, "therapist": Role.THERAPIST, "admin": Role.ADMIN}[name]
        make_user(role=role, email=f"{name}@example.org")
        client.post_form("/login", {"email": f"{name}@example.org", "password": PASSWORD})
    client.actor = name
    return client


def snapshot(app) -> str:
    """A fingerprint of everything the author has: it must not move."""
    with app.app_context():
        author = db.session.scalar(select(User.id).where(User.email == "author@example.org"))
        rows = [
            (
                str(r.id),
                r.sealed,
                getattr(r, "deleted_at", None),
                getattr(r, "version", None),
                getattr(r, "session_id", None),
            )
            for model in (TreatmentSession, Entry, Draft)
            for r in db.session.scalars(select(model).where(model.owner_id == author))
        ]
    return hashlib.sha256(repr(sorted(rows, key=lambda r: r[0])).encode()).hexdigest()


# (method, url template, form data) — every route that touches a session, entry or draft.
ROUTES = [
    ("GET", "/sessions/{session}", None),
    ("GET", "/sessions/{session}/edit", None),
    ("POST", "/sessions/{session}/edit", {"occurred_at": "2026-01-01T10:00", "medicine": "mdma", "setting": "clinic"}),
    ("GET", "/sessions/{session}/delete", None),
    ("POST", "/sessions/{session}/delete", {}),
    ("GET", "/entries/{entry}", None),
    ("GET", "/entries/{entry}/edit", None),
    ("POST", "/entries/{entry}/edit", {"answer_0": "overwritten", "version": "1"}),
    ("GET", "/entries/{entry}/delete", None),
    ("POST", "/entries/{entry}/delete", {}),
    ("GET", "/entries/new?session={session}&set=same_day", None),
    ("POST", "/entries/new?session={session}&set=same_day", {"answer_0": "planted"}),
    ("POST", "/trash/{trashed}/restore", {}),
    ("GET", "/trash/{trashed}/delete", None),
    ("POST", "/trash/{trashed}/delete", {}),
    ("GET", "/drafts/{draft}", None),
    ("GET", "/drafts/{draft}/discard", None),
    ("POST", "/drafts/{draft}/discard", {}),
    ("GET", "/entries/new?draft={draft}", None),
    ("POST", "/drafts/{draft}/autosave", {"answer_0": "overwritten"}),
]
LISTS = [
    ("GET", "/entries", None),
    ("POST", "/entries", {"q": "orchard", "page": "1"}),
    ("GET", "/sessions", None),
    ("GET", "/drafts", None),
    ("GET", "/trash", None),
    ("GET", "/", None),
]


def send(client, method, url, data):
    if method == "GET":
        return client.get(url)
    if "autosave" in url:
        return client.post(url, data=data, headers={"X-CSRFToken": client.csrf_token(), "Accept": "application/json"})
    response = client.post_form(url, data)
    if url == "/entries" and response.status_code == 303:  # a search shows its results at the address it gives
        return client.get(response.headers["Location"])
    return response


@pytest.mark.parametrize("actor_client", ACTORS, indirect=True)
@pytest.mark.parametrize(("method", "template", "data"), ROUTES, ids=[f"{m} {t}" for m, t, _ in ROUTES])
def test_nobody_but_the_author_reaches_a_record(app, world, actor_client, method, template, data):
    before = snapshot(app)
    response = send(actor_client, method, template.format(**world), data)
    body = response.get_data(as_text=True)
    if actor_client.actor == "anonymous":
        if "autosave" in template:
            assert response.status_code == 401
        elif method == "POST" and template.split("?")[0].endswith(("/new", "/edit", "/safety-plan")):
            assert response.status_code == 401  # the rescue page: the sender's own text, nothing of the journal
        else:
            assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    elif actor_client.actor == "other_patient" and method == "POST" and template.startswith("/entries/new"):
        # A patient's own words become their own entry; someone else's session id is ignored,
        # exactly as one of their own sessions deleted meanwhile would be.
        assert response.status_code == 302
    else:
        assert response.status_code == 404
    assert SECRET not in body
    assert snapshot(app) == before


@pytest.mark.parametrize("actor_client", ACTORS, indirect=True)
@pytest.mark.parametrize(("method", "url", "data"), LISTS, ids=[f"{m} {u}" for m, u, _ in LISTS])
def test_lists_and_search_never_show_another_journal(app, world, actor_client, method, url, data):
    response = send(actor_client, method, url, data)
    assert response.status_code in (200, 302, 404)
    if actor_client.actor in ("therapist", "admin") and url != "/":
        assert response.status_code == 404
    assert SECRET not in response.get_data(as_text=True)


def test_the_author_reaches_everything(app, world):
    client = app.test_client()
    client.post_form("/login", {"email": "author@example.org", "password": PASSWORD})
    for method, template, _ in ROUTES:
        if method != "GET":
            continue
        url, new_page = template.format(**world), template.startswith("/entries/new")
        if new_page:  # a new page's address first names its draft id and save key
            assert client.get(url).status_code == 303, template
        expected = 302 if template == "/drafts/{draft}" else 200  # resuming redirects to the editor
        assert client.get(url, follow_redirects=new_page).status_code == expected, template
    assert SECRET in client.post_form("/entries", {"q": SECRET, "page": "1"}, follow_redirects=True).get_data(
        as_text=True
    )


def test_someone_elses_session_id_is_never_attached(app, world, make_user):
    make_user(email="intruder@example.org")
    client = app.test_client()
    client.post_form("/login", {"email": "intruder@example.org", "password": PASSWORD})
    url = f"/entries/new?session={world['session']}&set=same_day"
    client.post_form(url, {"answer_0": "mine", "session_id": str(world["session"]), "prompt_set": "same_day"})
    with app.app_context():
        intruder = db.session.scalar(select(User.id).where(User.email == "intruder@example.org"))
        entry = db.session.scalar(select(Entry).where(Entry.owner_id == intruder))
        assert entry.session_id is None


# Every "not yours / no such record" answer about a record id, beyond the
# fetch-and-check helpers above: each must be written to the audit trail.
REFUSALS = [
    ("author", "GET", "/entries/{trashed}", None),  # a trashed entry asked for as a live one
    ("author", "POST", "/trash/{entry}/restore", {}),  # a live entry asked for as a trashed one
    ("author", "POST", "/trash/{expired}/restore", {}),  # trashed more than 30 days ago
    ("author", "GET", "/entries/new?draft=not-a-uuid", None),
    ("author", "GET", "/entries/new?session=not-a-uuid&set=same_day", None),
    ("author", "GET", "/entries/{entry}/edit?draft={draft}", None),  # a draft of another entry
    ("author", "POST", "/drafts/{new_draft}/autosave", {"entry_id": "{others_entry}"}),
    ("author", "POST", "/drafts/{others_draft}/autosave", {"answer_0": "mine now"}),
    ("author", "POST", "/connections/{others_connection}/auto-share", {}),
    ("author", "GET", "/connections/{others_connection}/end", None),
    ("author", "GET", "/connect/not-a-token", None),
    ("author", "POST", "/connections/confirm", {"code": "WRONGCODE2"}),
    ("author", "POST", "/entries/{entry}/replies", {"therapist_id": "{therapist}", "text": "hello"}),
    ("admin", "POST", "/admin/users/999999/active", {}),
]


def db_id(app, email: str) -> int:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == email))


def denials(app) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.event == Event.ACCESS_DENIED)
        )


@pytest.fixture
def refusal_world(app, world, make_user, journal, sharing):
    """``world``, plus another patient's entry, draft and connection, an expired trashed entry and an admin."""
    author = db_id(app, "author@example.org")
    other = make_user(email="other@example.org")
    therapist = make_user(Role.THERAPIST, email="therapist@example.org")
    make_user(Role.ADMIN, email="admin@example.org")
    expired = journal.entry(author, "long gone")
    with app.app_context():
        db.session.get(Entry, expired).deleted_at = utcnow() - timedelta(days=31)
        db.session.commit()
    others_draft = "0f0f0f0f-2222-4222-8333-444455556666"
    send(login_client(app, "other@example.org"), "POST", f"/drafts/{others_draft}/autosave", {"answer_0": "theirs"})
    return {
        **world,
        "expired": expired,
        "others_entry": journal.entry(other.id),
        "others_draft": others_draft,
        "others_connection": sharing.connect(other.id, therapist.id),
        "therapist": therapist.id,
        "new_draft": "0f0f0f0f-3333-4222-8333-444455556666",
    }


@pytest.mark.parametrize(("who", "method", "template", "data"), REFUSALS, ids=[f"{m} {t}" for _, m, t, _ in REFUSALS])
def test_every_refusal_is_audited(app, refusal_world, who, method, template, data):
    client = login_client(app, f"{who}@example.org")
    before = denials(app)
    data = {name: value.format(**refusal_world) for name, value in data.items()} if data is not None else None
    response = send(client, method, template.format(**refusal_world), data)
    assert response.status_code == 404
    assert denials(app) == before + 1
