from datetime import UTC, datetime, timedelta

from journal.models import Role
from journal.therapist.dashboard import low_mood
from tests.conftest import login_client

START = datetime(2026, 9, 1, 9, tzinfo=UTC)


def connected(make_user, sharing, email="p@example.org", name="Pat"):
    patient = make_user(email=email, display_name=name)
    return patient


def test_dashboard_puts_new_and_worrying_first(app, make_user, sharing, journal):
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    steady = make_user(email="steady@example.org", display_name="Steady")
    busy = make_user(email="busy@example.org", display_name="Busy")
    worried = make_user(email="worried@example.org", display_name="Worried")
    for patient in (steady, busy, worried):
        sharing.connect(patient.id, therapist.id)
    old = journal.entry(steady.id, created_at=START)
    sharing.share(old, therapist.id)
    with app.app_context():
        from journal.extensions import db
        from journal.models import EntryShare

        for share in db.session.query(EntryShare).all():
            share.reviewed_at = START
        db.session.commit()
    for day in range(2):
        sharing.share(journal.entry(busy.id, created_at=START + timedelta(days=day)), therapist.id)

    from journal.entries.content import Answer, CheckIn, EntryContent
    from journal.entries.services import create_entry
    from journal.models import EntryKind

    with app.app_context():
        entry = create_entry(
            owner_id=worried.id,
            kind=EntryKind.FREE,
            checkin=CheckIn(),
            content=EntryContent(
                answers=[Answer(None, None, None, "hard day")], after_effects=["urge_to_use", "headache"]
            ),
            created_at=START - timedelta(days=5),
        )
        sharing.share(entry.id, therapist.id)

    page = login_client(app, "t@example.org").get("/therapist/").get_data(as_text=True)
    order = [page.index(name) for name in ("Worried", "Busy", "Steady")]
    assert order == sorted(order)
    assert "2 new" in page and "1 new" in page
    assert 'flag flag-serious">An urge to use outside treatment' in page
    assert 'class="flag">Headache' in page
    assert "hard day" not in page  # the dashboard shows flags, never text


def test_mood_far_below_the_recent_average_is_flagged(app, make_user, sharing, journal):
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    patient = make_user(email="p@example.org", display_name="Pat")
    sharing.connect(patient.id, therapist.id)
    for day, mood in enumerate([2, 3, 2, 3, -2]):
        sharing.share(journal.entry(patient.id, created_at=START + timedelta(days=day), mood=mood), therapist.id)
    page = login_client(app, "t@example.org").get("/therapist/").get_data(as_text=True)
    assert "Mood -2 (recent average +2.5)" in page


def test_low_mood_rule():
    assert low_mood([1, 1, 1, -2]) == (-2, 1)
    assert low_mood([1, 1, 1, -1]) is None  # two points below: not flagged
    assert low_mood([1, 1, -3]) is None  # too little history to compare
    assert low_mood([-3, -3, -3, -3]) is None  # always low, but not very low


def test_a_very_low_mood_is_flagged_whatever_the_history():
    assert low_mood([-4]) == (-4, None)  # a new patient
    assert low_mood([-3, -3, -3, -5]) == (-5, -3)  # one who is always low
    assert low_mood([2, -4, 2]) is None  # only the latest counts


def test_a_new_patients_very_low_mood_reaches_the_dashboard(app, make_user, sharing, journal):
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    patient = make_user(email="p@example.org", display_name="Pat")
    sharing.connect(patient.id, therapist.id)
    sharing.share(journal.entry(patient.id, created_at=START, mood=-5), therapist.id)
    assert "Mood -5 (very low)" in login_client(app, "t@example.org").get("/therapist/").get_data(as_text=True)


def test_patient_page_entry_page_review_and_reply(app, make_user, sharing, journal):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    patient = make_user(email="p@example.org", display_name="Pat")
    sharing.connect(patient.id, therapist.id)
    entry_id = journal.entry(patient.id, "what I saw", title="The lake")
    sharing.share(entry_id, therapist.id)
    client = login_client(app, "t@example.org")

    page = client.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
    assert "The lake" in page and "New" in page
    entry_page = client.get(f"/therapist/entries/{entry_id}").get_data(as_text=True)
    assert "what I saw" in entry_page and "Mark as reviewed" in entry_page
    assert f"/entries/{entry_id}/edit" not in entry_page  # read-only

    client.post_form(f"/therapist/entries/{entry_id}/review")
    assert "Reviewed" in client.get(f"/therapist/entries/{entry_id}").get_data(as_text=True)
    assert "none" in client.get("/therapist/").get_data(as_text=True)

    empty = client.post_form(f"/therapist/entries/{entry_id}/replies", {"text": "  "})
    assert empty.status_code == 422
    too_long = client.post_form(f"/therapist/entries/{entry_id}/replies", {"text": "y" * 20_001})
    assert too_long.status_code == 422 and "y" * 20_001 in too_long.get_data(as_text=True)
    client.post_form(f"/therapist/entries/{entry_id}/replies", {"text": "Thank you for sharing this."})

    patient_client = login_client(app, "p@example.org")
    home = patient_client.get("/").get_data(as_text=True)
    assert '1<span class="visually-hidden"> unread reply' in home
    entry_view = patient_client.get(f"/entries/{entry_id}").get_data(as_text=True)
    assert "Thank you for sharing this." in entry_view and "Viewed by Dr. Ruiz on" in entry_view
    assert "unread reply" not in patient_client.get("/").get_data(as_text=True)

    patient_client.post_form(
        f"/entries/{entry_id}/replies",
        {"therapist_id": str(therapist.id), f"thread-{therapist.id}-text": "It helped to write."},
    )
    assert "1 new message" in client.get("/therapist/").get_data(as_text=True)
    assert "It helped to write." in client.get(f"/therapist/entries/{entry_id}").get_data(as_text=True)


def test_patient_reply_too_long_keeps_the_text(app, make_user, sharing, journal):
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    patient = make_user(email="p@example.org")
    sharing.connect(patient.id, therapist.id)
    entry_id = journal.entry(patient.id)
    sharing.share(entry_id, therapist.id)
    client = login_client(app, "p@example.org")
    response = client.post_form(
        f"/entries/{entry_id}/replies", {"therapist_id": str(therapist.id), f"thread-{therapist.id}-text": "z" * 20_001}
    )
    assert response.status_code == 422 and "z" * 20_001 in response.get_data(as_text=True)


def test_patient_cannot_reply_into_a_thread_that_is_not_shared(app, make_user, sharing, journal):
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    patient = make_user(email="p@example.org")
    sharing.connect(patient.id, therapist.id)
    entry_id = journal.entry(patient.id)
    response = login_client(app, "p@example.org").post_form(
        f"/entries/{entry_id}/replies", {"therapist_id": str(therapist.id), f"thread-{therapist.id}-text": "hi"}
    )
    assert response.status_code == 404


def test_patient_page_costs_the_same_for_21_or_40_shared_sessions(app, make_user, sharing, journal, monkeypatch):
    from tests.entries.test_finding import cost

    therapist = make_user(Role.THERAPIST, email="t@example.org")
    patient = make_user(email="p@example.org")
    sharing.connect(patient.id, therapist.id)

    added = []

    def add(count: int) -> None:  # each older than the last, with one entry of its day
        for _ in range(count):
            day = START - timedelta(days=14 * len(added))
            session_id = journal.session(patient.id, occurred_at=day)
            sharing.share_session(session_id, therapist.id)
            sharing.share(journal.entry(patient.id, session_id=session_id, created_at=day), therapist.id)
            added.append(session_id)

    client = login_client(app, "t@example.org")
    add(21)  # a full page of entries already
    few = cost(app, client, monkeypatch, lambda c: c.get(f"/therapist/patients/{patient.id}"))
    add(19)
    many = cost(app, client, monkeypatch, lambda c: c.get(f"/therapist/patients/{patient.id}"))
    assert few == many, (few, many)
    assert "The latest 10 of 40." in client.get(f"/therapist/patients/{patient.id}").get_data(as_text=True)
