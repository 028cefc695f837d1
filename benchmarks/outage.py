"""make bench-outage: patients saving while PostgreSQL restarts lose nothing and double nothing.

Ten patients save entries through gunicorn (4 sync workers) on a PostgreSQL
database of their own for BENCH_OUTAGE_SECONDS (20); BENCH_OUTAGE_AT (6) seconds
in, PostgreSQL is restarted in fast mode with BENCH_PG_RESTART (by default
``pg_ctlcluster <version> main restart -m fast`` for the one cluster that
``pg_lsclusters`` lists). Every answer to a save is counted. A 503 is what the
app promises during an outage: the writer saves the same page again after
Retry-After, as a person pressing Save would. Afterwards every text must be in
its journal exactly once. Prints the counts; a benchmark, not a test.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import bench
import seed
import throughput  # noqa: F401  (puts the checkout on sys.path for tests.live_server)
from sqlalchemy import select

from tests.live_server import Browser, served

PATIENTS = 10
WORKERS = 4
SECONDS = float(os.environ.get("BENCH_OUTAGE_SECONDS", "20"))
RESTART_AT = float(os.environ.get("BENCH_OUTAGE_AT", "6"))
GIVE_UP = 60.0  # seconds a writer keeps pressing Save on one page


def restart_command() -> list[str] | None:
    configured = os.environ.get("BENCH_PG_RESTART")
    if configured:
        return shlex.split(configured)
    try:
        lines = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return None
    clusters = [line.split()[:2] for line in lines if line.strip()]
    return ["pg_ctlcluster", *clusters[0], "restart", "-m", "fast"] if len(clusters) == 1 else None


class Patient(threading.Thread):
    def __init__(self, base: str, number: int, until: float) -> None:
        super().__init__(daemon=True)
        self.browser, self.number, self.until = Browser(base), number, until
        self.answers: Counter = Counter()
        self.saved: list[str] = []

    def run(self) -> None:
        self.browser.log_in(f"p{self.number}@example.org", seed.PASSWORD)
        while time.monotonic() < self.until:
            status, fields = self.browser.editor()
            self.answers[f"editor {status}"] += 1
            if status != 200:
                time.sleep(0.5)
                continue
            text = f"patient {self.number} entry {len(self.saved)}: what stayed with me"
            started = time.monotonic()
            while time.monotonic() - started < GIVE_UP:
                status, _ = self.browser.request(
                    "/entries/new", {**fields, "answer_0": text, "csrf_token": self.browser.token}
                )
                self.answers[f"save {status}"] += 1
                if status == 302:
                    self.saved.append(text)
                    break
                time.sleep(1.0)  # Retry-After on a 503; anything else is counted as a failure too


def main() -> None:
    server = os.environ.get("JOURNAL_TEST_POSTGRES_URL")
    command = restart_command()
    if not server or not command:
        sys.exit("bench-outage needs JOURNAL_TEST_POSTGRES_URL and a way to restart PostgreSQL (BENCH_PG_RESTART)")
    print(
        f"bench-outage: {PATIENTS} patients, gunicorn {WORKERS} workers, {SECONDS:.0f} s, "
        f"`{' '.join(command)}` at {RESTART_AT:.0f} s"
    )
    from flask_migrate import upgrade

    from journal.auth.services import create_user
    from journal.entries.services import open_entry
    from journal.extensions import db
    from journal.models import Entry, User

    with tempfile.TemporaryDirectory(prefix="journal-outage-") as tmp, seed.postgres_database(server, "outage") as url:
        instance = Path(tmp)
        app = bench.make_app(url, instance)
        with app.app_context():
            upgrade()
            for number in range(PATIENTS):
                create_user(email=f"p{number}@example.org", display_name=f"Patient {number}", password=seed.PASSWORD)
            db.session.remove()
            db.engine.dispose()
        env = {**bench.served_env(url, instance), "JOURNAL_RATELIMIT_ENABLED": "false"}
        with served("journal:create_app()", env, instance / "gunicorn.log", workers=WORKERS, probe="/readyz") as base:
            until = time.monotonic() + SECONDS
            patients = [Patient(base, number, until) for number in range(PATIENTS)]
            for patient in patients:
                patient.start()
            time.sleep(RESTART_AT)
            started = time.monotonic()
            subprocess.run(command, check=True)
            print(f"  PostgreSQL restarted in {time.monotonic() - started:.1f} s")
            for patient in patients:
                patient.join()
        logged = (instance / "gunicorn.log").read_text()
        errors = [line for line in logged.splitlines() if "Error" in line and not line.startswith(" ")]
        if "Traceback" in logged:  # the first one in full: what escaped the app's own error pages
            start = logged.index("Traceback")
            print(logged[logged.rfind("\n", 0, start) + 1 : logged.find("\n[", start)])
        answers = sum((p.answers for p in patients), Counter())
        lost = doubled = 0
        with app.app_context():
            for patient in patients:
                owner = db.session.scalar(select(User.id).where(User.email == f"p{patient.number}@example.org"))
                texts = Counter(
                    open_entry(row).content.answers[0].text
                    for row in db.session.scalars(select(Entry).where(Entry.owner_id == owner))
                )
                lost += sum(1 for text in patient.saved if text not in texts)
                doubled += sum(count - 1 for count in texts.values())
            db.session.remove()
            db.engine.dispose()
    print("  answers: " + ", ".join(f"{key}: {value}" for key, value in sorted(answers.items())))
    print("  errors the server logged: " + ("; ".join(sorted(Counter(errors))) if errors else "none"))
    print(
        f"  saves confirmed: {sum(len(p.saved) for p in patients)}; lost: {lost}; doubled: {doubled}; "
        f"plain 500 pages: {answers['save 500'] + answers['editor 500']}"
    )


if __name__ == "__main__":
    main()
