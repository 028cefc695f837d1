"""Time the entry list, word search and tag filter at 30, 300 and 3,000 entries (issue 11, items 1-2).

Seeds through the services (benchmarks/seed.py) on SQLite and, when
JOURNAL_TEST_POSTGRES_URL is set, on a PostgreSQL database of its own that it
drops afterwards. Times in-process with the Flask test client: median of
BENCH_RUNS (5) after one warm-up. Also reports the blind index's size and how
long building it for a whole journal takes (``flask reindex``, or the first
visit after an upgrade). A benchmark, not a test.

    .venv/bin/python benchmarks/search.py            # BENCH_SIZES=30,300,3000
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import seed  # noqa: E402  (benchmarks/seed.py, beside this file)

SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "30,300,3000").split(",") if s.strip()]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TARGET_MS = 100
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
SETTINGS = {
    "PASSWORD_HASH_PARAMS": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1},
    "SESSION_IDLE_MINUTES": 10**7,
    "SESSION_ABSOLUTE_HOURS": 10**6,
    "LOG_LEVEL": "WARNING",
}


class Client:
    """A logged-in test client carrying its CSRF token like a browser."""

    def __init__(self, app, email: str) -> None:
        self.http = app.test_client()
        self.token = self._token()
        if self.post("/login", {"email": email, "password": seed.PASSWORD}).status_code != 302:
            raise RuntimeError(f"cannot log in as {email}")
        self.token = self._token()

    def _token(self) -> str:
        return CSRF_META.search(self.http.get("/help").get_data(as_text=True)).group(1)

    def get(self, url: str):
        return self._ok(self.http.get(url))

    def post(self, url: str, data: dict):
        return self.http.post(url, data={"csrf_token": self.token, **data})

    def search(self, data: dict):
        """The POST seals the search and redirects (303); the GET shows the results."""
        answer = self.post("/entries", {"page": "1", **data})
        if answer.status_code != 303:
            raise RuntimeError(f"search answered {answer.status_code}")
        return self.get(answer.headers["Location"])

    @staticmethod
    def _ok(answer):
        if answer.status_code != 200:
            raise RuntimeError(f"answered {answer.status_code}")
        return answer


def median_ms(request: Callable[[], object]) -> float:
    request()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        request()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def pages(client: Client, journal: seed.Journal) -> dict[str, Callable[[], object]]:
    tag = "river" if "river" in journal.tags else sorted(journal.tags)[0]
    return {
        "entry list": lambda: client.get("/entries"),
        'search "river stone"': lambda: client.search({"q": "river stone"}),
        'search "riv" (prefix)': lambda: client.search({"q": "riv"}),
        f'tag filter "{tag}"': lambda: client.search({"tag": tag}),
        "theme filter": lambda: client.search({"theme": "body"}),
    }


def save_one(journal: seed.Journal) -> None:
    """One new entry through the service: encryption, index terms and summary, commit."""
    import random

    from journal.entries.content import Answer, CheckIn, EntryContent
    from journal.entries.services import create_entry
    from journal.models import EntryKind

    text = seed.paragraph(random.Random(len(journal.entry_ids)), 150)
    create_entry(
        owner_id=journal.patient_id,
        kind=EntryKind.FREE,
        checkin=CheckIn(1),
        content=EntryContent(title="Bench", answers=[Answer(None, None, None, text)], tags=["river"]),
    )


def measure(url: str, folder: Path) -> dict[str, dict[int, float | str]]:
    """Seed each size in its own journal and time the pages; return figures by row and size."""
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from journal import create_app
    from journal.entries import index
    from journal.extensions import db
    from journal.models import EntryTerm

    app = create_app("development", {**SETTINGS, "SQLALCHEMY_DATABASE_URI": url}, folder)
    figures: dict[str, dict[int, float | str]] = {}
    with app.app_context():
        upgrade()
    for size in SIZES:
        with app.app_context():
            started = time.perf_counter()
            journal = seed.seed_journal(f"search{size}", size)
            seeded = time.perf_counter() - started
            terms = db.session.scalar(
                select(func.count()).select_from(EntryTerm).where(EntryTerm.entry_id.in_(journal.entry_ids))
            )
            db.session.remove()
        for name, request in pages(Client(app, journal.patient_email), journal).items():
            figures.setdefault(name, {})[size] = median_ms(request)
        with app.app_context():
            figures.setdefault("save an entry (service)", {})[size] = median_ms(partial(save_one, journal))
            # Last: a rebuild leaves the old terms as dead rows until PostgreSQL vacuums.
            started = time.perf_counter()
            index.rebuild(journal.patient_id)
            rebuilt = (time.perf_counter() - started) * 1000
            db.session.remove()
        figures.setdefault("seeding, ms per entry", {})[size] = seeded * 1000 / size
        figures.setdefault("index terms (rows)", {})[size] = f"{terms:,}"
        figures.setdefault("rebuild whole journal", {})[size] = rebuilt
    with app.app_context():
        db.engine.dispose()
    return figures


def table(results: dict[str, dict[str, dict[int, float | str]]]) -> str:
    head = ["backend", "measure", *(f"{size:,}" for size in SIZES), f"target at {max(SIZES):,}"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for backend, figures in results.items():
        for name, by_size in figures.items():
            cells = [f"{v:.1f} ms" if isinstance(v, float) else v for v in by_size.values()]
            last = by_size.get(max(SIZES))
            timed = name.startswith(("search", "tag"))
            verdict = ("met" if last <= TARGET_MS else "MISSED") if timed and isinstance(last, float) else ""
            lines.append(f"| {backend} | {name} | " + " | ".join(cells) + f" | {verdict} |")
    return "\n".join(lines)


def main() -> None:
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = measure(f"sqlite:///{folder}/search.sqlite3", Path(folder))
    if os.environ.get("JOURNAL_TEST_POSTGRES_URL"):
        server = os.environ["JOURNAL_TEST_POSTGRES_URL"]
        with tempfile.TemporaryDirectory() as folder, seed.postgres_database(server, "search_bench") as url:
            results["PostgreSQL"] = measure(url, Path(folder))
    print(f"In-process, Flask test client, median of {RUNS}; search and tag filter target <= {TARGET_MS} ms.")
    print(table(results))


if __name__ == "__main__":
    main()
