"""/metrics: only for the configured bearer token; requests by route template, saves, conflicts, 503s and reminder
runs counted where they happen; the alert outbox read at each scrape; and no label that names a person or holds
what they wrote. Counters live for the whole test process, so each test compares before and after."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select, update

from journal.clock import utcnow
from journal.extensions import db
from journal.models import AlertMail
from journal.ops.metrics import METHODS, UNMATCHED
from tests.conftest import login_client
from tests.entries.test_views import _two_tabs
from tests.journey import walk
from tests.safety.test_outbox import raise_alert, told  # noqa: F401  (told: a fixture)
from tests.safety.test_views import new_entry

TOKEN = "a-long-random-scraper-token-4c1e9d"
# The values each label other than route, status and a histogram's bound may take.
WORDS = {
    "method": METHODS | {"other"},
    "kind": {"new", "edit"},
    "record": {"entry", "safety_plan"},
    "outcome": {"completed", "failed"},
}


def scrape(app, client=None) -> str:
    app.config["METRICS_TOKEN"] = TOKEN
    response = (client or app.test_client()).get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def samples(text: str):
    for family in text_string_to_metric_families(text):
        yield from family.samples


def value(text: str, name: str, **labels: str) -> float:
    """The sample's value, 0 when it has not been counted yet."""
    found = [sample.value for sample in samples(text) if sample.name == name and sample.labels == labels]
    return found[0] if found else 0.0


def test_without_a_token_configured_there_is_no_metrics_page(app, client):
    assert app.config["METRICS_TOKEN"] is None
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer anything"}).status_code == 404


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong", f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x", f"Basic {TOKEN}", TOKEN]
)
def test_a_missing_or_wrong_token_is_refused(app, client, authorization):
    app.config["METRICS_TOKEN"] = TOKEN
    response = client.get("/metrics", headers={"Authorization": authorization} if authorization else {})
    assert response.status_code == 401 and response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "journal_" not in response.get_data(as_text=True)


def test_the_right_token_reads_the_metrics_never_cached(app, client):
    app.config["METRICS_TOKEN"] = TOKEN
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert response.headers["Cache-Control"] == "no-store"
    assert "journal_http_requests_total" in response.get_data(as_text=True)


def test_saves_edits_and_conflicts_are_counted(app, client, patient, journal):
    entry_id = journal.entry(patient.id, "original")
    before = scrape(app)
    assert new_entry(client, patient, journal, answer_0="a walk by the river").status_code == 302
    stale_tab = _two_tabs(client, entry_id)  # the first tab saves an edit
    assert client.post_form(f"/entries/{entry_id}/edit", {**stale_tab, "answer_0": "tab two"}).status_code == 409
    after = scrape(app)
    saves, conflicts = "journal_entry_saves_total", "journal_save_conflicts_total"
    assert value(after, saves, kind="new") == value(before, saves, kind="new") + 1
    assert value(after, saves, kind="edit") == value(before, saves, kind="edit") + 1
    assert value(after, conflicts, record="entry") == value(before, conflicts, record="entry") + 1


def test_requests_are_counted_and_timed_by_route_template(app, client, patient, journal):
    entry_id = journal.entry(patient.id)
    labels = {"route": "/entries/<uuid:entry_id>", "method": "GET"}
    before = scrape(app)
    for _ in range(2):
        assert client.get(f"/entries/{entry_id}").status_code == 200
    client.get("/no-such-page/marigold")
    after = scrape(app)
    counted = "journal_http_requests_total"
    assert value(after, counted, **labels, status="200") == value(before, counted, **labels, status="200") + 2
    timed = "journal_http_request_duration_seconds_count"
    assert value(after, timed, **labels) == value(before, timed, **labels) + 2
    unmatched = {"route": UNMATCHED, "method": "GET", "status": "404"}
    assert value(after, counted, **unmatched) == value(before, counted, **unmatched) + 1
    assert str(entry_id) not in after and "marigold" not in after


def test_the_outbox_gauges_are_the_unsent_alert_mails(app, patient, told, clock):  # noqa: F811
    start = utcnow()
    clock(start)
    with app.app_context():
        raise_alert(patient.id)
    clock(start + timedelta(seconds=90))
    text = scrape(app)
    with app.app_context():
        unsent = db.session.scalar(
            select(func.count()).where(AlertMail.sent_at.is_(None), AlertMail.given_up_at.is_(None))
        )
    assert unsent == 1
    assert value(text, "journal_alert_outbox_depth") == unsent
    assert value(text, "journal_alert_outbox_oldest_seconds") == 90
    with app.app_context():
        db.session.execute(update(AlertMail).values(sent_at=utcnow()))
        db.session.commit()
    text = scrape(app)
    assert value(text, "journal_alert_outbox_depth") == 0 and value(text, "journal_alert_outbox_oldest_seconds") == 0


def test_a_database_outage_is_counted_and_the_metrics_still_answer(proxied_postgres):
    app, proxy = proxied_postgres
    client = login_client(app, "p@example.org")
    before = scrape(app)
    assert "journal_alert_outbox_depth" in before
    proxy.cut()
    assert client.get("/entries").status_code == 503
    during = scrape(app)  # the counters, without the outbox that lives in the database
    proxy.restore()
    assert "journal_alert_outbox_depth" not in during
    name = "journal_database_unavailable_total"
    assert value(during, name, route="/entries") == value(before, name, route="/entries") + 1


def test_reminder_runs_are_counted_with_how_they_ended(app, runner, monkeypatch):
    name = "journal_reminder_runs_total"
    before = scrape(app)
    assert runner.invoke(args=["send-reminders"]).exit_code == 0

    def broken(*args, **kwargs):
        raise RuntimeError("the mail server is on fire")

    monkeypatch.setattr("journal.cli.send_due", broken)
    assert runner.invoke(args=["send-reminders"]).exit_code != 0
    after = scrape(app)
    assert value(after, name, outcome="completed") == value(before, name, outcome="completed") + 1
    assert value(after, name, outcome="failed") == value(before, name, outcome="failed") + 1


def test_no_label_names_a_person_a_record_or_their_words_after_a_journey(app, make_user, sharing, journal, mailbox):
    before = {(sample.name, tuple(sorted(sample.labels.items()))): sample.value for sample in samples(scrape(app))}
    walked = walk(app, make_user, sharing, journal, mailbox)
    text = scrape(app)
    routes = {rule.rule for rule in app.url_map.iter_rules()} | {UNMATCHED}
    labelled = [  # what the journey counted (counters are the process's: other tests' apps count there too)
        sample.labels
        for sample in samples(text)
        if sample.name.startswith("journal_")
        and sample.value != before.get((sample.name, tuple(sorted(sample.labels.items()))))
    ]
    assert {"route": "/entries/<uuid:entry_id>", "method": "GET", "status": "200"} in labelled  # it was counted
    for labels in labelled:  # every label value comes from a closed list: nothing a request can put there
        for name, label in labels.items():
            if name == "route":
                assert label in routes, labels
            elif name == "status":
                assert re.fullmatch(r"[1-5]\d\d", label), labels
            elif name == "le":
                float(label)
            else:
                assert label in WORDS[name], labels
    for private in [*walked.private, *(str(record) for record in walked.record_ids)]:
        assert private not in text, private
    assert "@" not in text


def test_under_gunicorn_the_workers_counts_add_up(tmp_path):
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    count = "from journal.ops.metrics import REMINDER_RUNS; REMINDER_RUNS.labels('completed').inc()"
    for _ in range(2):  # two processes, as two workers
        subprocess.run([sys.executable, "-c", count], env=env, check=True)
    show = "from journal.ops.scrape import exposition; print(exposition(lambda: (3, 1.5)).decode())"
    text = subprocess.run([sys.executable, "-c", show], env=env, check=True, capture_output=True, text=True).stdout
    assert value(text, "journal_reminder_runs_total", outcome="completed") == 2
    assert value(text, "journal_alert_outbox_depth") == 3
