from sqlalchemy import func, select

from journal.demo import DEMO_EMAIL, DEMO_PASSWORD, THERAPIST_EMAIL, THERAPIST_PASSWORD
from journal.entries.services import open_entry
from journal.extensions import db
from journal.models import Entry, EntryShare, Reply, TreatmentSession, User


def test_seed_demo_writes_realistic_entries_and_can_be_rerun(app, runner, client, auth):
    for _ in range(2):
        result = runner.invoke(args=["seed-demo", "--entries", "12"])
        assert result.exit_code == 0, result.output
    assert DEMO_PASSWORD in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 2  # the patient and a therapist
        assert db.session.scalar(select(func.count()).select_from(EntryShare)) == 8
        assert db.session.scalar(
            select(func.count()).select_from(EntryShare).where(EntryShare.reviewed_at.is_not(None))
        ) == 4
        assert db.session.scalar(select(func.count()).select_from(Reply)) == 3
        assert db.session.scalar(select(func.count()).select_from(Entry)) == 12
        assert db.session.scalar(select(func.count()).select_from(TreatmentSession)) >= 2
        entry = open_entry(db.session.scalars(select(Entry)).first())
        words = sum(len(a.text.split()) for a in entry.content.answers)
        assert words >= 60
    assert auth.login(DEMO_EMAIL, DEMO_PASSWORD).headers["Location"] == "/"
    assert "Latest entries" in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login(THERAPIST_EMAIL, THERAPIST_PASSWORD)
    assert "4 new" in client.get("/therapist/").get_data(as_text=True)
