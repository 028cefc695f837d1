"""The Progress page: scores and check-ins over time against sessions, as SVG with a summary and a table."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from journal.clock import utcnow
from journal.measures.charts import HEIGHT, LEFT, TOP, WIDTH, time_chart
from journal.models import Medicine
from tests.conftest import login_client
from tests.entries.test_finding import cost


def take(client, name: str, value: int, count: int):
    return client.post_form(f"/measures/{name}/new", {f"item{n}": str(value) for n in range(1, count + 1)})


def test_charts_show_scores_bands_sessions_and_checkins(app, client, patient, journal):
    journal.session(patient.id, occurred_at=utcnow() - timedelta(days=20), medicine=Medicine.PSILOCYBIN)
    journal.entry(patient.id, mood=-2, created_at=utcnow() - timedelta(days=19))
    journal.entry(patient.id, mood=3, created_at=utcnow() - timedelta(days=2))
    take(client, "phq-9", 2, 9)  # 18: moderately severe
    take(client, "pcl-5", 2, 20)  # 40
    page = client.get("/measures/progress").get_data(as_text=True)
    assert page.count('<svg class="chart"') == 3  # PHQ-9, PCL-5, mood
    assert "Patient Health Questionnaire (PHQ-9)" in page and "18 (moderately severe)" in page
    assert page.count('class="band band-') == 5  # PHQ-9's five published bands
    assert 'class="guide"' in page and "33: the level studies look at more closely" in page
    assert page.count('class="session"') == 3 and "Psilocybin" in page  # one per chart
    assert "Mood (−5 to +5)" in page and ": +3" in page and ": -2" in page
    assert "<table" in page and "Dashed lines are your sessions." in page


def test_the_page_needs_no_inline_style_or_script(client, patient):
    take(client, "gad-7", 1, 7)
    page = client.get("/measures/progress").get_data(as_text=True)
    svg = page[page.index("<svg") : page.rindex("</svg>")]
    assert " style=" not in page and "<script" not in svg and "<style" not in svg


def test_the_page_decrypts_nothing(app, client, patient, journal, monkeypatch):
    journal.session(patient.id, occurred_at=utcnow() - timedelta(days=20))
    for day in range(5):
        journal.entry(patient.id, mood=day - 2, created_at=utcnow() - timedelta(days=day + 1))
    take(client, "gad-7", 1, 7)
    queries, decrypted, _ = cost(app, client, monkeypatch, lambda c: c.get("/measures/progress"))
    assert decrypted == 0


def test_only_my_own_scores_are_charted(app, client, patient, make_user):
    take(client, "gad-7", 3, 7)
    make_user(email="other@example.org")
    other = login_client(app, "other@example.org")
    assert "<svg" not in other.get("/measures/progress").get_data(as_text=True)


def test_nothing_yet_says_how_to_begin(client, patient):
    assert "Nothing to show yet" in client.get("/measures/progress").get_data(as_text=True)


def test_after_effects_per_session_say_which_and_on_how_many_days(app, client, patient, journal, monkeypatch):
    now = utcnow().replace(hour=12, minute=0, second=0, microsecond=0)
    first = journal.session(patient.id, occurred_at=now - timedelta(days=10))
    journal.session(patient.id, occurred_at=now - timedelta(days=5))  # nothing ticked: not listed
    day = lambda days, hours=0: now - timedelta(days=days, hours=hours)  # noqa: E731
    journal.entry(patient.id, session_id=first, created_at=day(10), after_effects=["nausea", "dizziness"])
    journal.entry(patient.id, session_id=first, created_at=day(10, 1), after_effects=["nausea"])
    journal.entry(patient.id, session_id=first, created_at=day(9), after_effects=["nausea", "none"])
    trashed = journal.entry(patient.id, session_id=first, created_at=day(9), after_effects=["headache"])
    journal.entry(patient.id, created_at=day(8), after_effects=["bladder"])  # no session
    client.post_form(f"/entries/{trashed}/delete", {})
    queries, decrypted, _ = cost(app, client, monkeypatch, lambda c: c.get("/measures/progress"))
    page = client.get("/measures/progress").get_data(as_text=True)
    assert "After-effects by session" in page and decrypted == 0
    row = re.search(r"<tr><td>Session of [^<]*</td>\s*<td>([^<]*)</td></tr>", page).group(1)
    assert row == "Nausea: 2 days; Dizziness: 1 day"
    assert "Headache" not in page and "Bladder" not in page and page.count("<tr><td>Session of") == 1


def test_after_effects_are_found_in_a_journal_indexed_before_they_were(app, client, patient, journal):
    from journal.extensions import db
    from journal.models import JournalSummary

    session = journal.session(patient.id, occurred_at=utcnow() - timedelta(days=3))
    journal.entry(patient.id, session_id=session, created_at=utcnow() - timedelta(days=2), after_effects=["headache"])
    with app.app_context():
        db.session.get(JournalSummary, patient.id).format = 1  # as an older release left it
        db.session.commit()
    assert "Headache: 1 day" in client.get("/measures/progress").get_data(as_text=True)


def test_chart_geometry():
    start, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 11, tzinfo=UTC)
    chart = time_chart(
        "PHQ-9",
        0,
        27,
        [(start, 0, "a"), (end, 27, "b")],
        [(start + timedelta(days=5), "s")],
        start,
        end,
        bands=[
            (0, 4, "Minimal"),
            (5, 9, "Mild"),
            (10, 14, "Moderate"),
            (15, 19, "Moderately severe"),
            (20, 27, "Severe"),
        ],
    )
    first, last = chart.points
    assert (first.x, first.y) == (LEFT, HEIGHT - 28) and (last.x, last.y) == (WIDTH - 12, TOP)
    assert chart.markers[0].x == round((LEFT + WIDTH - 12) / 2, 1)
    assert round(sum(s.height for s in chart.stripes), 1) == HEIGHT - TOP - 28  # the bands tile the plot
    assert re.fullmatch(r"[\d. ,]+", chart.line)
