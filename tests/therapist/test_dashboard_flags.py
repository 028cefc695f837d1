"""The dashboard's flags stay right through every write, at a cost that grows with patients, not entries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select, text

from journal.extensions import db
from journal.models import Entry, EntryShare, Role, ShareSummary, User
from tests import db_work

START = datetime(2026, 9, 1, 9, tzinfo=UTC)


def brute_force(therapist_id: int) -> dict[int, tuple]:
    """The dashboard the slow way: every shared entry loaded, every unreviewed one decrypted."""
    from journal.access import shared_entries_query
    from journal.entries.content import AFTER_EFFECTS, SERIOUS_AFTER_EFFECTS
    from journal.entries.services import open_entry
    from journal.models import Connection, Reply
    from journal.therapist.dashboard import low_mood

    patients = db.session.scalars(
        select(Connection.patient_id).where(Connection.therapist_id == therapist_id, Connection.is_active)
    ).all()
    rows = defaultdict(list)
    for entry, share in db.session.execute(shared_entries_query(therapist_id).order_by(Entry.created_at, Entry.id)):
        rows[entry.owner_id].append((entry, share))
    result = {}
    for patient_id in patients:
        effects, unreviewed = set(), 0
        for entry, share in rows[patient_id]:
            if share.reviewed_at is None:
                unreviewed += 1
                effects |= set(open_entry(entry).content.after_effects) - {"none"}
        unread = sum(
            1
            for reply in db.session.scalars(
                select(Reply).where(
                    Reply.therapist_id == therapist_id,
                    Reply.owner_id == patient_id,
                    Reply.author_id == patient_id,
                    Reply.read_at.is_(None),
                )
            )
            if any(entry.id == reply.entry_id for entry, _ in rows[patient_id])
        )
        drop = low_mood([entry.mood for entry, _ in rows[patient_id] if entry.mood is not None])
        result[patient_id] = (
            unreviewed,
            rows[patient_id][-1][0].created_at if rows[patient_id] else None,
            [AFTER_EFFECTS[e] for e in AFTER_EFFECTS if e in effects & SERIOUS_AFTER_EFFECTS],
            [AFTER_EFFECTS[e] for e in AFTER_EFFECTS if e in effects - SERIOUS_AFTER_EFFECTS],
            drop[0] if drop else None,
            drop[1] if drop else None,
            unread,
        )
    return result


def shown(therapist_id: int) -> dict[int, tuple]:
    from journal.therapist.dashboard import dashboard

    return {
        s.patient.id: (
            s.unreviewed,
            s.last_entry_at,
            s.serious_effects,
            s.other_effects,
            s.low_mood,
            s.recent_average,
            s.unread_messages,
        )
        for s in dashboard(therapist_id)
    }


class World:
    """A therapist, two patients and a few shared entries, written through the services."""

    def __init__(self, app, make_user, sharing, runner) -> None:
        self.app, self.sharing, self.runner = app, sharing, runner
        self.therapist = make_user(Role.THERAPIST, email="t@example.org").id
        self.pat = make_user(email="pat@example.org", display_name="Pat").id
        self.sam = make_user(email="sam@example.org", display_name="Sam").id
        for patient in (self.pat, self.sam):
            sharing.connect(patient, self.therapist)
        self.headache = self.entry(self.pat, ["headache"], 2, 0)
        self.urge = self.entry(self.pat, ["urge_to_use"], 3, 1)
        self.private = self.entry(self.pat, ["nausea"], 2, 2, share=False)
        self.reviewed = self.entry(self.pat, ["dizziness"], 2, 3)
        self.low = self.entry(self.pat, [], -3, 4)
        self.sam_entry = self.entry(self.sam, ["bladder"], 1, 0)
        with app.app_context():
            from journal.sharing.services import add_reply, mark_reviewed

            mark_reviewed(self.share(self.reviewed))
            add_reply(db.session.get(Entry, self.urge), self.therapist, db.session.get(User, self.pat), "help")

    def entry(self, owner, effects, mood, day, share=True):
        from journal.entries.content import Answer, CheckIn, EntryContent
        from journal.entries.services import create_entry
        from journal.models import EntryKind

        with self.app.app_context():
            entry_id = create_entry(
                owner_id=owner,
                kind=EntryKind.FREE,
                checkin=CheckIn(mood),
                created_at=START + timedelta(days=day),
                content=EntryContent(answers=[Answer(None, None, None, "text")], after_effects=effects),
            ).id
        if share:
            self.sharing.share(entry_id, self.therapist)
        return entry_id

    def share(self, entry_id) -> EntryShare:
        return db.session.scalar(select(EntryShare).where(EntryShare.entry_id == entry_id))

    def edit(self, entry_id, effects=None, *, mood=None, day=None) -> None:
        """Edit as the editor does: save, then the entry is new again for its therapists."""
        from journal.entries.services import open_entry, update_entry
        from journal.sharing.services import mark_changed

        row = db.session.get(Entry, entry_id)
        view = open_entry(row)
        content = view.content if effects is None else replace(view.content, after_effects=effects)
        update_entry(
            row,
            expected_version=row.version,
            content=content,
            checkin=view.checkin if mood is None else replace(view.checkin, mood=mood),
            session_id=row.session_id,
            on_change=mark_changed,
            created_at=None if day is None else START + timedelta(days=day),
        )


def trash(w):
    from journal.entries.services import trash_entry

    trash_entry(db.session.get(Entry, w.urge))


def restore(w):
    from journal.entries.services import restore_entry

    trash(w)
    check(w)
    restore_entry(db.session.get(Entry, w.urge))


def delete_forever(w):
    from journal.entries.services import delete_forever as destroy

    trash(w)
    check(w)
    destroy(db.session.get(Entry, w.urge))


def disconnect(w):
    w.sharing.disconnect(w.pat, w.therapist)


def reconnect(w):
    disconnect(w)
    check(w)
    w.sharing.connect(w.pat, w.therapist)
    check(w)
    w.sharing.share(w.urge, w.therapist)


def unreview(w):
    from journal.sharing.services import mark_changed

    mark_changed(db.session.get(Entry, w.reviewed))
    db.session.commit()


def review(w):
    from journal.sharing.services import mark_reviewed

    mark_reviewed(w.share(w.urge))


def rotate(w):
    assert w.runner.invoke(args=["keys", "rotate"]).exit_code == 0


def purge(w):
    from journal.entries.services import purge_expired_trash

    trash(w)
    check(w)
    db.session.get(Entry, w.urge).deleted_at = START - timedelta(days=60)
    db.session.commit()
    purge_expired_trash()


STEPS = {
    "nothing": lambda w: None,
    "new shared entry": lambda w: w.entry(w.pat, ["nausea"], 1, 9),
    "new private entry": lambda w: w.entry(w.pat, ["nausea"], 1, 9, share=False),
    "edit adds an effect": lambda w: w.edit(w.headache, ["headache", "nausea"]),
    "edit removes an effect": lambda w: w.edit(w.urge, []),
    "edit of a reviewed entry": lambda w: w.edit(w.reviewed, ["dizziness"]),
    "edit of an unshared entry": lambda w: w.edit(w.private, ["bladder"]),
    "edit lowers a mood": lambda w: w.edit(w.urge, mood=-5),
    "edit moves an entry to the latest day": lambda w: w.edit(w.headache, day=9),
    "edit of a reviewed entry's mood": lambda w: w.edit(w.reviewed, mood=-4),
    "share": lambda w: w.sharing.share(w.private, w.therapist),
    "unshare": lambda w: w.sharing.share(w.urge),
    "trash": trash,
    "restore": restore,
    "delete forever": delete_forever,
    "purge": purge,
    "review": review,
    "unreviewed again": unreview,
    "disconnect": disconnect,
    "reconnect": reconnect,
    "key rotation": rotate,
}


def check(w) -> dict[int, tuple]:
    expected = brute_force(w.therapist)
    assert shown(w.therapist) == expected
    return expected


@pytest.fixture
def world(app, make_user, sharing, runner):
    return World(app, make_user, sharing, runner)


@pytest.mark.parametrize("step", STEPS.values(), ids=STEPS.keys())
def test_flags_match_a_recomputation_after_each_write(app, world, step):
    with app.app_context():
        before = check(world)  # builds the summaries, so a stale one would show after the step
        assert before[world.pat][2] == ["An urge to use outside treatment"]
        assert before[world.pat][3] == ["Headache"]
        step(world)
    with app.app_context():
        check(world)


def test_the_flags_change_as_the_steps_say(app, world):
    with app.app_context():
        world.edit(world.urge, [])
        world.edit(world.reviewed, ["dizziness", "bladder"])
        after = shown(world.therapist)[world.pat]
    assert after[0] == 4 and after[2] == ["Bladder pain or urgency"]
    assert after[3] == ["Dizziness", "Headache"]
    assert after[4] == -3 and after[6] == 1


def test_a_journal_upgraded_without_summaries_shows_the_right_flags(app, world):
    with app.app_context():
        check(world)
        db.session.execute(text("DELETE FROM share_summaries"))
        db.session.commit()
        check(world)
        assert db.session.scalar(select(db.func.count()).select_from(ShareSummary)) == 2


def test_summaries_hold_no_plaintext(app, world):
    with app.app_context():
        check(world)
        blobs = db.session.execute(text("SELECT sealed FROM share_summaries")).scalars().all()
    assert len(blobs) == 2
    for blob in blobs:
        raw = bytes(blob)
        for word in (b"headache", b"Headache", b"urge_to_use", b"bladder", b"effects"):
            assert word not in raw


def test_a_summary_moved_to_another_pair_does_not_open(app, world, make_user, sharing):
    from journal.crypto import DecryptionError
    from journal.vault import unseal_row

    with app.app_context():
        check(world)
        pat = db.session.get(ShareSummary, (world.therapist, world.pat))
        sam = db.session.get(ShareSummary, (world.therapist, world.sam))
        sam.sealed = pat.sealed
        with pytest.raises(DecryptionError):
            unseal_row(sam)


def seed(app, make_user, sharing, journal, patients: int, entries: int, offset: int = 0) -> int:
    therapist = make_user(Role.THERAPIST, email=f"t{offset}@example.org").id
    for p in range(patients):
        patient = make_user(email=f"p{offset}-{p}@example.org", display_name=f"P{p}").id
        sharing.connect(patient, therapist)
        for e in range(entries):
            sharing.share(journal.entry(patient, created_at=START + timedelta(hours=e), mood=e % 3), therapist)
    return therapist


def cost(app, monkeypatch, therapist: int) -> tuple[int, int]:
    """Queries and unseals of one dashboard view (after a first view built the summaries)."""
    from journal.sharing import summaries

    unseals = []
    real = summaries.unseal_row
    monkeypatch.setattr(summaries, "unseal_row", lambda row: unseals.append(row) or real(row))
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
        shown(therapist)
    unseals.clear()
    with app.app_context():  # a fresh context, like a request: no data key cached yet
        event.listen(engine, "before_cursor_execute", record)
        try:
            shown(therapist)
        finally:
            event.remove(engine, "before_cursor_execute", record)
    return len(statements), len(unseals)


def test_the_dashboard_cost_grows_with_patients_not_entries(app, make_user, sharing, journal, monkeypatch):
    small = cost(app, monkeypatch, seed(app, make_user, sharing, journal, 3, 2))
    large = cost(app, monkeypatch, seed(app, make_user, sharing, journal, 6, 12, offset=1))
    assert small[0] == large[0], (small, large)
    assert small[1] <= 3 and large[1] <= 6, (small, large)


def test_the_patient_page_is_paginated_newest_first(app, make_user, sharing, journal, monkeypatch):
    from journal.entries import services
    from tests.conftest import login_client

    therapist = make_user(Role.THERAPIST, email="t@example.org").id
    patient = make_user(email="p@example.org", display_name="Pat").id
    sharing.connect(patient, therapist)
    for n in range(25):
        sharing.share(journal.entry(patient, title=f"Entry {n:02}", created_at=START + timedelta(days=n)), therapist)
    client = login_client(app, "t@example.org")
    opened = []
    real = services.unseal_row
    monkeypatch.setattr(services, "unseal_row", lambda row: opened.append(row) or real(row))

    first = client.get(f"/therapist/patients/{patient}").get_data(as_text=True)
    assert len(opened) == 20
    assert "Entry 24" in first and "Entry 05" in first and "Entry 04" not in first
    assert first.index("Entry 24") < first.index("Entry 05")
    assert "Page 1 of 2" in first and f"/therapist/patients/{patient}?page=2" in first
    second = client.get(f"/therapist/patients/{patient}?page=2").get_data(as_text=True)
    assert "Entry 04" in second and "Entry 00" in second and "Entry 05" not in second
    assert "Page 2 of 2" in second and f"/therapist/patients/{patient}?page=1" in second
    assert "Entry 00" not in client.get(f"/therapist/patients/{patient}?page=99").get_data(as_text=True)


@pytest.fixture
def sqlite_only(app):
    db_work.sqlite_only(app)


def test_the_dashboard_reads_no_more_rows_for_a_longer_journal(app, make_user, sharing, journal, sqlite_only):
    short = seed(app, make_user, sharing, journal, 4, 5)
    long = seed(app, make_user, sharing, journal, 4, 60, offset=1)
    work = [db_work.sqlite_steps(app, lambda t=therapist: shown(t)) for therapist in (short, long)]
    assert work[1] <= work[0] * 1.5 + 2, work


def test_the_patient_page_counts_shared_entries_only_without_a_current_summary(app, make_user, sharing, journal):
    """The total comes from the summary the dashboard keeps; before the dashboard has built it, from a count."""
    from tests.conftest import login_client

    therapist = seed(app, make_user, sharing, journal, 1, 25)
    with app.app_context():
        patient = db.session.scalar(select(User.id).where(User.email == "p0-0@example.org"))
        engine = db.engine
    client = login_client(app, "t0@example.org")
    page = f"/therapist/patients/{patient}"
    counts = []

    def record(conn, cursor, statement, *args):
        counts.append("count(" in statement and "entry_shares" in statement)

    texts = []
    for before in (
        lambda: None,
        lambda: client.get("/therapist/"),
        lambda: sharing.share(journal.entry(patient, created_at=START), therapist),
    ):
        before()
        counts.clear()
        event.listen(engine, "before_cursor_execute", record)
        try:
            texts.append(client.get(page).get_data(as_text=True))
        finally:
            event.remove(engine, "before_cursor_execute", record)
        texts.append(any(counts))
    assert texts[1::2] == [True, False, True]  # counted, read from the summary, counted again after a write
    assert [
        "25 entries, newest first" in texts[0],
        "25 entries, newest first" in texts[2],
        "26 entries, newest first" in texts[4],
    ] == [True] * 3
