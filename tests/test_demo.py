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
        assert (
            db.session.scalar(select(func.count()).select_from(EntryShare).where(EntryShare.reviewed_at.is_not(None)))
            == 4
        )
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


def test_seed_demo_adds_an_improving_course_of_questionnaires(app, runner, client, auth):
    from journal.measures.services import open_response
    from journal.models import MeasureResponse

    assert runner.invoke(args=["seed-demo", "--entries", "20"]).exit_code == 0
    with app.app_context():
        for key, (start, end) in {"phq-9": (19, 6), "gad-7": (15, 5), "pcl-5": (52, 24)}.items():
            rows = db.session.scalars(
                select(MeasureResponse).where(MeasureResponse.instrument == key).order_by(MeasureResponse.taken_at)
            ).all()
            assert len(rows) >= 3 and rows[0].total == start and rows[-1].total == end, key
        phq9 = [
            open_response(row)
            for row in db.session.scalars(
                select(MeasureResponse).where(MeasureResponse.instrument == "phq-9").order_by(MeasureResponse.taken_at)
            )
        ]
        assert [view.score.self_harm for view in phq9].count(True) == 1 and phq9[0].score.self_harm
    auth.login(DEMO_EMAIL, DEMO_PASSWORD)
    assert client.get("/measures/progress").get_data(as_text=True).count('<svg class="chart"') >= 3


def test_seed_demo_adds_a_shared_safety_plan_and_an_entry_to_talk_about(app, runner, client, auth):
    from journal.models import Connection, SafetyPlan

    assert runner.invoke(args=["seed-demo", "--entries", "12"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SafetyPlan)) == 1
        connection = db.session.scalar(select(Connection))
        assert connection.share_safety_plan and connection.safety_alerts
        assert db.session.scalar(select(func.count()).select_from(Entry).where(Entry.to_discuss)) == 1
        patient_id = connection.patient_id
    auth.login(THERAPIST_EMAIL, THERAPIST_PASSWORD)
    assert "Seeing the sea again in June" in client.get(f"/therapist/patients/{patient_id}/safety-plan").get_data(
        as_text=True
    )
    summary = client.get(f"/therapist/patients/{patient_id}/summary?since=2000-01-01").get_data(as_text=True)
    assert "Nothing marked." not in summary


def test_seed_demo_prints_where_make_run_serves_and_its_accounts_are_confirmed(app, runner, monkeypatch):
    monkeypatch.setenv("FLASK_RUN_HOST", "127.0.0.1")
    monkeypatch.setenv("FLASK_RUN_PORT", "5057")  # make run PORT=5057 exports it for flask run and for seed-demo
    result = runner.invoke(args=["seed-demo", "--entries", "3"])
    assert f"Log in at http://127.0.0.1:5057/login as {DEMO_EMAIL}" in result.output
    app.config["PUBLIC_URL"] = "https://journal.example.org/"
    result = runner.invoke(args=["seed-demo", "--entries", "3"])
    assert f"Log in at https://journal.example.org/login as {DEMO_EMAIL}" in result.output
    with app.app_context():
        assert all(user.email_verified for user in db.session.scalars(select(User)))
