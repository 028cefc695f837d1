"""Share summaries: dropped by the writes that change them, rebuilt on read, sealed and padded."""

from __future__ import annotations

from sqlalchemy import func, select

from journal.extensions import db
from journal.models import Entry, Role, ShareSummary


def rows() -> int:
    return db.session.scalar(select(func.count()).select_from(ShareSummary))


def test_a_write_drops_the_summary_and_a_read_rebuilds_it(app, make_user, sharing, journal):
    from journal.entries.services import trash_entry
    from journal.sharing.summaries import PairSummary, pair_summaries

    therapist = make_user(Role.THERAPIST, email="t@example.org").id
    patient = make_user(email="p@example.org").id
    sharing.connect(patient, therapist)
    entry_id = journal.entry(patient)
    sharing.share(entry_id, therapist)
    with app.app_context():
        summary = pair_summaries(therapist, {patient})[patient]
        assert summary == PairSummary(shared=1, unreviewed=1, last_entry_at=summary.last_entry_at)
        assert summary.last_entry_at is not None
        assert rows() == 1
        trash_entry(db.session.get(Entry, entry_id))
        assert rows() == 0
        assert pair_summaries(therapist, {patient}) == {patient: PairSummary()}
        assert rows() == 1
    sharing.disconnect(patient, therapist)
    with app.app_context():
        assert rows() == 0


def test_the_sealed_summary_has_the_same_size_whatever_it_holds(app, make_user):
    from datetime import UTC, datetime

    from journal.entries.content import AFTER_EFFECTS
    from journal.sharing.summaries import MOODS_KEPT, PairSummary, _payload
    from journal.vault import seal_row

    patient = make_user(email="p@example.org").id
    fullest = PairSummary(
        shared=10**6,
        unreviewed=10**6,
        moods=[-5] * MOODS_KEPT,
        effects=set(AFTER_EFFECTS),
        last_entry_at=datetime(2026, 11, 28, 23, 59, 59, 999999, tzinfo=UTC),
    )
    with app.app_context():
        sizes = set()
        for summary in (PairSummary(), PairSummary(unreviewed=1, effects={"headache"}), fullest):
            row = ShareSummary(therapist_id=1, patient_id=patient)
            seal_row(row, _payload(summary))
            sizes.add(len(row.sealed))
    assert len(sizes) == 1, sizes


def test_a_write_that_lands_while_a_summary_is_being_built_leaves_it_stale(
    app, make_user, sharing, journal, monkeypatch
):
    """The rebuild read the entries before the write committed: what it stores must not be trusted."""
    from sqlalchemy import text

    from journal.entries.content import EntryContent
    from journal.sharing import summaries

    therapist = make_user(Role.THERAPIST, email="t@example.org").id
    patient = make_user(email="p@example.org").id
    sharing.connect(patient, therapist)
    sharing.share(journal.entry(patient), therapist)
    real_unseal, raced = summaries.unseal_row, []

    def unseal_during_a_write(row):
        if not raced:  # another request (another connection) changes the journal right now
            raced.append(True)
            with db.engine.begin() as other:
                other.execute(text("UPDATE connections SET summary_generation = summary_generation + 1"))
        return real_unseal(row)

    with app.app_context():
        monkeypatch.setattr(summaries, "unseal_row", unseal_during_a_write)
        summaries.pair_summaries(therapist, {patient})
        monkeypatch.setattr(summaries, "unseal_row", real_unseal)
        assert raced and rows() == 1
        rebuilt, original = [], EntryContent.from_payload
        monkeypatch.setattr(EntryContent, "from_payload", lambda payload: rebuilt.append(1) or original(payload))
        summaries.pair_summaries(therapist, {patient})
        assert rebuilt, "a summary built before the write was trusted"


def test_a_summary_of_the_older_format_is_rebuilt(app, make_user, sharing, journal):
    """Format 1 held after-effects only: trusted as it is, it would show no unreviewed entries."""
    from journal.models import Connection
    from journal.sharing.summaries import pair_summaries
    from journal.vault import seal_row

    therapist = make_user(Role.THERAPIST, email="t@example.org").id
    patient = make_user(email="p@example.org").id
    sharing.connect(patient, therapist)
    sharing.share(journal.entry(patient, mood=-2), therapist)
    with app.app_context():
        generation = db.session.scalar(
            select(Connection.summary_generation).where(
                Connection.patient_id == patient, Connection.therapist_id == therapist
            )
        )
        row = ShareSummary(therapist_id=therapist, patient_id=patient, generation=generation)
        seal_row(row, {"effects": [], "pad": " " * 240})
        db.session.add(row)
        db.session.commit()
        summary = pair_summaries(therapist, {patient})[patient]
    assert (summary.unreviewed, summary.moods) == (1, [-2])
