"""make soak MINUTES=N: writers and therapists through nginx while the stack's parts restart under them.

The stack of tests/cluster_stack.py (its own PostgreSQL and Redis, two gunicorn servers, nginx). Patients
open the editor, autosave, save, sometimes edit what they saved and open the export page; two therapists read
their dashboard. At 30% of the run PostgreSQL restarts, at 50% Redis restarts, at 70% one app server is killed
and started again. A save answered 502/503/504, or not answered at all, is sent again with the same save key,
as the page does, for up to GIVE_UP seconds; then the writer keeps its text (held).

Prints one line and exits non-zero unless lost=0, doubled=0 and errors500=0:
lost: a confirmed save whose text is not stored; doubled: two entries from one save key (one text twice).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
import urllib.error
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from tests.cluster_stack import cluster, missing  # noqa: E402
from tests.live_server import Browser  # noqa: E402

PATIENTS = 8
THERAPISTS = 2
PASSWORD = "a quiet walk by the river"
GIVE_UP = 60.0
RETRY = {502, 503, 504}


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: Counter = Counter()
        self.save_ms: list[float] = []

    def add(self, key: str, ms: float | None = None) -> None:
        with self.lock:
            self.counts[key] += 1
            if ms is not None:
                self.save_ms.append(ms)


def send(browser: Browser, tally: Tally, path: str, data: dict | None = None, headers: dict | None = None) -> int:
    """One request; 0 when nothing answered. Every 500 is counted, whatever the request."""
    try:
        status = browser.request(path, data, headers)[0]
    except (urllib.error.URLError, OSError):
        status = 0
    if status == 500:
        tally.add("errors500")
    return status


class Patient(threading.Thread):
    def __init__(self, base: str, email: str, until: float, tally: Tally) -> None:
        super().__init__(daemon=True)
        self.browser, self.email, self.until, self.tally = Browser(base), email, until, tally
        self.confirmed: dict[str, str] = {}  # entry address -> the text last confirmed saved there
        self.held: list[str] = []  # texts given up on: still in the writer's hands
        self.random = random.Random(email)

    def run(self) -> None:
        while not self._log_in():
            time.sleep(1)
        number = 0
        while time.monotonic() < self.until:
            status, fields = self.browser.editor()
            if status != 200 or "save_key" not in fields:
                time.sleep(0.5)
                continue
            number += 1
            text = f"{self.email} entry {number}: what stayed with me"
            autosave = f"/drafts/{fields['draft_id']}/autosave"
            for part in (text[:10], text[:20]):
                send(self.browser, self.tally, autosave, {**fields, "answer_0": part}, self._json())
                time.sleep(0.2)
            where = self._save("/entries/new", {**fields, "answer_0": text}, text)
            if where and self.random.random() < 0.3:
                self._edit(where, text + " (and later, more)")
            if self.random.random() < 0.1:
                send(self.browser, self.tally, "/export")

    def _log_in(self) -> bool:
        try:
            self.browser.log_in(self.email, PASSWORD)
            return True
        except (RuntimeError, urllib.error.URLError, OSError):
            return False

    def _json(self) -> dict:
        return {"X-CSRFToken": self.browser.token, "Accept": "application/json"}

    def _save(self, path: str, page: dict, text: str) -> str | None:
        """Press Save until it is confirmed, the same page each time; the entry's address, or None (held)."""
        started = time.monotonic()
        while time.monotonic() - started < GIVE_UP:
            began = time.monotonic()
            status = send(self.browser, self.tally, path, {**page, "csrf_token": self.browser.token})
            self.tally.add("attempted", (time.monotonic() - began) * 1000)
            if status == 302:
                self.tally.add("ok")
                where = self.browser.location.split("?")[0]
                self.confirmed[where] = text
                return where
            self.tally.add("503" if status in RETRY or status == 0 else f"other {status}")
            time.sleep(1.0)  # Retry-After on a 503
        self.held.append(text)
        return None

    def _edit(self, where: str, text: str) -> None:
        entry_path = where.removeprefix(self.browser.base)
        status, fields = self.browser.editor(f"{entry_path}/edit")
        if status == 200:
            self._save(f"{entry_path}/edit", {**fields, "answer_0": text}, text)


class Therapist(threading.Thread):
    def __init__(self, base: str, email: str, until: float, tally: Tally) -> None:
        super().__init__(daemon=True)
        self.browser, self.email, self.until, self.tally = Browser(base), email, until, tally

    def run(self) -> None:
        while time.monotonic() < self.until:
            try:
                self.browser.log_in(self.email, PASSWORD)
                break
            except (RuntimeError, urllib.error.URLError, OSError):
                time.sleep(1)
        while time.monotonic() < self.until:
            send(self.browser, self.tally, "/therapist/")
            time.sleep(0.5)


def arrange(stack) -> tuple[list[str], list[str]]:
    from journal.auth.services import create_user
    from journal.extensions import db
    from journal.models import Role

    patients = [f"soak-p{n}@example.org" for n in range(PATIENTS)]
    therapists = [f"soak-t{n}@example.org" for n in range(THERAPISTS)]
    with stack.app().app_context():
        for email in patients:
            create_user(email=email, display_name="Patient", password=PASSWORD)
        for email in therapists:
            create_user(email=email, display_name="Therapist", password=PASSWORD, role=Role.THERAPIST)
        db.session.remove()
    return patients, therapists


def stored_texts(stack, email: str) -> Counter:
    from journal.entries.services import open_entry
    from journal.extensions import db
    from journal.models import Entry, User

    with stack.app().app_context():
        owner = db.session.scalar(select(User.id).where(User.email == email))
        texts = Counter(
            open_entry(row).content.answers[0].text
            for row in db.session.scalars(select(Entry).where(Entry.owner_id == owner))
        )
        db.session.remove()
    return texts


def disrupt(stack, seconds: float, started: float) -> None:
    """Restart PostgreSQL, then Redis, then kill and restart one app server, at 30%, 50% and 70% of the run."""
    steps = [
        (0.3, stack.postgres.restart),
        (0.5, stack.redis.restart),
        (0.7, lambda: (stack.servers[0].kill(), time.sleep(3), stack.servers[0].start())),
    ]
    for at, step in steps:
        time.sleep(max(0.0, started + at * seconds - time.monotonic()))
        step()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def soak(minutes: float) -> int:
    seconds = minutes * 60
    with tempfile.TemporaryDirectory(prefix="journal-soak-") as tmp, cluster(Path(tmp)) as stack:
        patients, therapists = arrange(stack)
        tally = Tally()
        started = time.monotonic()
        until = started + seconds
        writers = [Patient(stack.url, email, until, tally) for email in patients]
        readers = [Therapist(stack.url, email, until, tally) for email in therapists]
        for thread in [*writers, *readers]:
            thread.start()
        disrupt(stack, seconds, started)
        for thread in [*writers, *readers]:
            thread.join(timeout=seconds + GIVE_UP + 60)
        lost = doubled = 0
        for writer in writers:
            texts = stored_texts(stack, writer.email)
            lost += sum(1 for text in writer.confirmed.values() if texts[text] == 0)
            doubled += sum(count - 1 for count in texts.values())
    counts = tally.counts
    print(
        f"soak: attempted={counts['attempted']} ok={counts['ok']} 503={counts['503']} lost={lost} "
        f"doubled={doubled} errors500={counts['errors500']} p50_ms={percentile(tally.save_ms, 0.5):.0f} "
        f"p99_ms={percentile(tally.save_ms, 0.99):.0f}"
    )
    return 0 if lost == doubled == counts["errors500"] == 0 else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=2.0)
    arguments = parser.parse_args()
    if reason := missing():
        sys.exit(f"soak: {reason}")
    sys.exit(soak(arguments.minutes))


if __name__ == "__main__":
    main()
