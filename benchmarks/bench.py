"""make bench: time every page at 30, 300 and 3,000 entries, and throughput against bare Flask.

Seeds through the services (benchmarks/seed.py) on SQLite and, when
JOURNAL_TEST_POSTGRES_URL is set, on a PostgreSQL database it creates and
drops. Times pages in-process (Flask test client, median of BENCH_RUNS after
one warm-up), then serves the journal and benchmarks/bare_app.py with gunicorn
(2 sync workers) and measures both with ``wrk -t2 -c16``. Prints one table
with the figures, the growth from the smallest to the largest journal, the
target of issue 11 and whether it is met. A benchmark, not a test: CI does
not run it.

Settings (environment): BENCH_SIZES (30,300,3000), BENCH_CASELOADS (10x10,100x100),
BENCH_RUNS (5), BENCH_WRK_DURATION (8s), BENCH_PROFILE_REQUESTS (50).
Options: --profile (cProfile of the entry list), --no-throughput.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import logging
import os
import pstats
import random
import re
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import seed
import throughput

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "30,300,3000").split(",") if s.strip()]
CASELOADS = [
    tuple(int(n) for n in c.split("x"))
    for c in os.environ.get("BENCH_CASELOADS", "10x10,100x100").split(",")
    if c.strip()
]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
WRK_DURATION = os.environ.get("BENCH_WRK_DURATION", "8s")
PROFILE_REQUESTS = int(os.environ.get("BENCH_PROFILE_REQUESTS", "50"))
PDF_SIZE = 300
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')

# The served and the in-process app: development config, cheap password hashing (seeding
# thousands of users' worth of logins is not what is measured), logins that never time out,
# no rate limit in the way, no second factor for the seeded therapists.
SETTINGS = {
    "ENV": "development",
    "PASSWORD_HASH_PARAMS": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1},
    "SESSION_IDLE_MINUTES": 10**7,
    "SESSION_ABSOLUTE_HOURS": 10**6,
    "FRESH_LOGIN_MINUTES": 10**7,
    "RATELIMIT_AUTOSAVE": "100000 per minute",
    "MFA_REQUIRED_ROLES": [],
    "LOG_LEVEL": "WARNING",
}

PLUMBING = r"^(?!.*(werkzeug/test\.py|flask/testing\.py|flask/app\.py|bench\.py|flask_login/utils\.py))"
FLAT = "flat"  # largest / smallest journal <= 1.5x


@dataclass
class Row:
    backend: str
    page: str
    target: tuple[str, float | None]  # (FLAT or "ms" or "ratio", limit)
    figures: dict[str, float] = field(default_factory=dict)  # column -> ms (or req/s, ratio)


# ---------------------------------------------------------------- databases


@contextmanager
def sqlite_database(folder: Path) -> Iterator[str]:
    yield f"sqlite:///{folder}/bench.sqlite3"


def make_app(url: str, instance: Path):
    from journal import create_app

    settings = {k: v for k, v in SETTINGS.items() if k != "ENV"}
    return create_app(SETTINGS["ENV"], {**settings, "DATABASE_URL": url, "SQLALCHEMY_DATABASE_URI": url}, instance)


def served_env(url: str, instance: Path) -> dict[str, str]:
    """The same settings for gunicorn, as JOURNAL_* variables (JSON where not a plain string)."""
    env = {f"JOURNAL_{k}": v if isinstance(v, str) else json.dumps(v) for k, v in SETTINGS.items()}
    return {**env, "JOURNAL_DATABASE_URL": url, "JOURNAL_INSTANCE_PATH": str(instance)}


# ---------------------------------------------------------------- timing


class Client:
    """A logged-in test client that carries its CSRF token like a browser."""

    def __init__(self, app, email: str) -> None:
        self.http = app.test_client()
        self.token = CSRF_META.search(self.http.get("/help").get_data(as_text=True)).group(1)
        answer = self.post("/login", {"email": email, "password": seed.PASSWORD})
        if answer.status_code != 302:
            raise RuntimeError(f"cannot log in as {email}: {answer.status_code}")
        self.token = CSRF_META.search(self.http.get("/help").get_data(as_text=True)).group(1)

    def get(self, url: str, status: int = 200):
        return self.check(self.http.get(url), status, url)

    def post(self, url: str, data: dict, status: int | None = None):
        return self.check(self.http.post(url, data={"csrf_token": self.token, **data}), status, url)

    def search(self, data: dict):
        """A search as a browser makes it: the POST seals it and redirects (303), the GET shows the results."""
        answer = self.post("/entries", data, 303)
        return self.get(answer.headers["Location"])

    @staticmethod
    def check(answer, status: int | None, url: str):
        if status is not None and answer.status_code != status:
            raise RuntimeError(f"{url} answered {answer.status_code}, expected {status}")
        return answer


def median_ms(request: Callable[[int], object]) -> float:
    """Median wall time of ``request(i)`` over RUNS runs after one warm-up, in milliseconds."""
    request(-1)
    times = []
    for run in range(RUNS):
        start = time.perf_counter()
        request(run)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def read_pages(journal: seed.Journal, patient: Client, therapist: Client) -> dict[str, Callable[[int], object]]:
    tag = "river" if "river" in journal.tags else sorted(journal.tags)[0]
    return {
        "patient home": lambda _: patient.get("/"),
        "entry list": lambda _: patient.get("/entries"),
        "entry page": lambda _: patient.get(f"/entries/{journal.entry_ids[len(journal.entry_ids) // 2]}"),
        "session page": lambda _: patient.get(f"/sessions/{journal.session_ids[-1]}"),
        "timeline (sessions)": lambda _: patient.get("/sessions"),
        'search "river stone"': lambda _: patient.search({"q": "river stone"}),
        "tag filter": lambda _: patient.search({"tag": tag}),
        "therapist patient page": lambda _: therapist.get(f"/therapist/patients/{journal.patient_id}"),
    }


def write_pages(journal: seed.Journal, patient: Client) -> dict[str, Callable[[int], object]]:
    draft = uuid.uuid4()
    shared = journal.entry_ids[-1]
    text = seed.paragraph(random.Random(3), 120)
    return {
        "save entry (POST new)": lambda run: patient.post(
            "/entries/new", {"title": f"Bench {run}", "answer_0": text, "tags": "river, bench", "mood": "1"}, 302
        ),
        "autosave draft": lambda run: patient.post(
            f"/drafts/{draft}/autosave", {"title": f"Draft {run}", "answer_0": text + str(run)}, 200
        ),
        "share toggle": lambda run: patient.post(
            f"/entries/{shared}/sharing", {"therapists": [str(journal.therapist_id)]} if run % 2 else {}, 302
        ),
    }


def pdf_export(patient: Client) -> Callable[[int], object]:
    def export(_):
        answer = patient.post(
            "/export", {"scope": "all", "paper_size": "a4", "include_checkins": "y", "include_replies": "y"}, 200
        )
        if answer.mimetype != "application/pdf":
            raise RuntimeError(f"export answered {answer.mimetype}")

    return export


# ---------------------------------------------------------------- one backend


TARGETS = {
    "patient home": (FLAT, 1.5),
    "entry list": (FLAT, 1.5),
    "entry page": (FLAT, 1.5),
    "session page": (FLAT, 1.5),
    "timeline (sessions)": (FLAT, 1.5),
    'search "river stone"': ("ms", 100),
    "tag filter": ("ms", 100),
    "therapist patient page": (FLAT, 1.5),
    "save entry (POST new)": ("ms", 30),
    "autosave draft": ("ms", 30),
    "share toggle": ("ms", 30),
}


def seed_all(app) -> tuple[dict[int, seed.Journal], dict[tuple[int, int], seed.Caseload], float]:
    start = time.perf_counter()
    with app.app_context():
        journals = {}
        for size in SIZES:
            journals[size] = seed.seed_journal(f"j{size}", size)
            print(f"  seeded a {size:,}-entry journal ({time.perf_counter() - start:.0f} s)", flush=True)
        caseloads = {}
        for patients, entries in CASELOADS:
            caseloads[patients, entries] = seed.seed_caseload(f"c{patients}x{entries}", patients, entries)
            print(f"  seeded a {patients}x{entries} caseload ({time.perf_counter() - start:.0f} s)", flush=True)
    return journals, caseloads, time.perf_counter() - start


def time_backend(backend: str, app, journals, caseloads) -> list[Row]:
    """Every in-process figure for one database: reads, dashboards, PDF, then writes."""
    rows = {page: Row(backend, page, TARGETS[page]) for page in TARGETS}
    clients = {size: (Client(app, j.patient_email), Client(app, j.therapist_email)) for size, j in journals.items()}
    for size, journal in journals.items():
        for page, request in read_pages(journal, *clients[size]).items():
            rows[page].figures[f"{size:,}"] = median_ms(request)
    dashboard = Row(backend, "therapist dashboard", ("ms", 100))
    for (patients, entries), caseload in caseloads.items():
        therapist = Client(app, caseload.therapist_email)
        dashboard.figures[f"{patients}x{entries}"] = median_ms(lambda _, t=therapist: t.get("/therapist/"))
    pdf = Row(backend, f"PDF export ({PDF_SIZE} entries)", ("ms", 1500))
    if PDF_SIZE in journals:
        pdf.figures[f"{PDF_SIZE:,}"] = median_ms(pdf_export(clients[PDF_SIZE][0]))
    for size, journal in journals.items():
        for page, request in write_pages(journal, clients[size][0]).items():
            rows[page].figures[f"{size:,}"] = median_ms(request)
    return [*rows.values(), dashboard, pdf]


def throughput_rows(backend: str, url: str, instance: Path, journals) -> list[Row]:
    reason = throughput.wrk_missing()
    if reason:
        print(f"  {reason}", flush=True)
        return []
    size = PDF_SIZE if PDF_SIZE in journals else sorted(journals)[len(journals) // 2]
    journal = journals[size]
    print(f"  throughput: gunicorn, {throughput.WORKERS} sync workers, wrk -t2 -c16 -d{WRK_DURATION} each", flush=True)
    rps = throughput.compare(
        served_env(url, instance), journal.patient_email, seed.PASSWORD, WRK_DURATION, instance / "gunicorn.log"
    )
    bare = rps.pop("bare Flask, 20-item template")
    rows = [Row(backend, "req/s bare Flask, 20-item template", ("info", None), {"req/s": bare})]
    for page, value in rps.items():
        target = ("ratio", 0.5) if page == "entry list" else ("info", None)
        rows.append(
            Row(backend, f"req/s {page} ({size:,} entries) / bare", target, {"req/s": value, "ratio": value / bare})
        )
    return rows


def profile_entry_list(app, journals) -> None:
    """cProfile over PROFILE_REQUESTS requests of the entry list; print the top lines."""
    size = PDF_SIZE if PDF_SIZE in journals else max(journals)
    client = Client(app, journals[size].patient_email)
    client.get("/entries")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(PROFILE_REQUESTS):
        client.get("/entries")
    profiler.disable()
    for order, lines in (("cumulative", 15), ("tottime", 10)):
        stream = io.StringIO()
        # Leave out the test client's and Flask's dispatch frames: they wrap everything.
        pstats.Stats(profiler, stream=stream).sort_stats(order).print_stats(PLUMBING, lines)
        text = stream.getvalue().replace(str(ROOT) + "/", "")
        text = re.sub(r"\S*/site-packages/", "", text)
        text = re.sub(r"\S*/lib/python3\.\d+/", "", text)
        body = text[text.index("ncalls") :] if "ncalls" in text else text
        print(
            f"\nProfile: GET /entries of the {size:,}-entry journal, {PROFILE_REQUESTS} requests, "
            f"top {lines} by {order}\n{body.rstrip()}"
        )


def run_backend(backend: str, url: str, instance: Path, args) -> list[Row]:
    from flask_migrate import upgrade
    from sqlalchemy import text

    from journal.database import refresh_statistics
    from journal.extensions import db

    print(f"\n{backend}: load average {load()} at start; seeding through the services", flush=True)
    instance.mkdir(parents=True, exist_ok=True)
    app = make_app(url, instance)
    logging.disable(logging.INFO)  # Alembic's "Running upgrade" lines
    with app.app_context():
        upgrade()
    logging.disable(logging.NOTSET)
    journals, caseloads, seconds = seed_all(app)
    with app.app_context():  # planner statistics, as a running installation has them by now
        if backend == "PostgreSQL":  # autovacuum's work: the test server runs without it
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        else:  # the app's own refresh, run at start and by the periodic job
            refresh_statistics()
    print(f"  seeding took {seconds:.0f} s; timing pages (median of {RUNS} after one warm-up)", flush=True)
    rows = time_backend(backend, app, journals, caseloads)
    if args.profile and backend == "SQLite":
        profile_entry_list(app, journals)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if args.throughput:
        rows += throughput_rows(backend, url, instance, journals)
    print(f"  load average {load()} at the end", flush=True)
    return rows


# ---------------------------------------------------------------- the table


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (5 min {five:.2f}, {os.cpu_count()} cores)"


def fmt(value: float, unit: str) -> str:
    if unit == "req/s":
        return f"{value:,.0f} req/s"
    if unit == "ratio":
        return f"{value:.0%}"
    return f"{value:.1f} ms" if value < 10 else f"{value:,.0f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def verdict(row: Row) -> tuple[str, str, str]:
    """(growth, target, MET / MISSED / n/a) for one row."""
    kind, limit = row.target
    times = [v for k, v in row.figures.items() if k not in ("req/s", "ratio")]
    growth = f"{times[-1] / times[0]:.2f}x" if len(times) > 1 else ""
    if kind == "info":
        return growth, "", ""
    if kind == "ratio":
        ratio = row.figures["ratio"]
        return growth, f">= {limit:.0%} of bare", "MET" if ratio >= limit else "MISSED"
    if kind == FLAT:
        if len(times) < 2:
            return growth, f"flat (<= {limit}x)", "n/a"
        return growth, f"flat (<= {limit}x)", "MET" if times[-1] / times[0] <= limit else "MISSED"
    key = "100x100" if row.page == "therapist dashboard" else f"{PDF_SIZE:,}" if "PDF" in row.page else "3,000"
    where = {"100x100": "at 100x100", "3,000": "at 3,000", f"{PDF_SIZE:,}": ""}[key]
    text = f"<= {fmt(limit, 'ms')} {where}".rstrip()
    if key not in row.figures:
        return growth, text, "n/a"
    return growth, text, "MET" if row.figures[key] <= limit else "MISSED"


def print_table(rows: list[Row]) -> None:
    lines = []
    for row in rows:
        unit = "req/s" if "req/s" in row.figures else "ms"
        if unit == "req/s":
            figures = " = ".join(fmt(v, k) for k, v in row.figures.items())
        else:
            figures = "  ".join(f"{k}: {fmt(v, unit)}" for k, v in row.figures.items())
        lines.append((row.backend, row.page, figures or "not measured", *verdict(row)))
    head = ("db", "page", "median (entries, or patients x shared entries)", "growth", "target", "result")
    widths = [max(len(line[i]) for line in [head, *lines]) for i in range(len(head))]
    print()
    for line in [head, tuple("-" * w for w in widths), *lines]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
    met = sum(line[5] == "MET" for line in lines)
    missed = sum(line[5] == "MISSED" for line in lines)
    print(f"\n{met} targets met, {missed} missed. Load average now {load()}.")


def code_state() -> str:
    """Which code is measured: HEAD's commit and a hash of the package and templates as they are on disk."""
    digest = hashlib.sha256()
    for path in sorted([*throughput.ROOT.glob("journal/**/*.py"), *throughput.ROOT.glob("templates/**/*.html")]):
        digest.update(str(path.relative_to(throughput.ROOT)).encode() + path.read_bytes())
    head = throughput.ROOT / ".git" / "HEAD"
    commit = ""
    if head.exists():
        ref = head.read_text().strip().removeprefix("ref: ")
        ref_file = throughput.ROOT / ".git" / ref
        commit = (ref_file.read_text().strip() if ref_file.exists() else ref)[:10]
    return f"{throughput.ROOT} at {commit or 'unknown commit'}, files on disk hash {digest.hexdigest()[:10]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="cProfile the entry list (SQLite)")
    parser.add_argument("--no-throughput", dest="throughput", action="store_false", help="skip gunicorn + wrk")
    args = parser.parse_args()
    print(f"make bench: sizes {SIZES}, caseloads {CASELOADS}, {RUNS} runs, load average {load()}")
    started_on = code_state()
    print(f"  code: {started_on}")
    if os.getloadavg()[0] > (os.cpu_count() or 1) / 2:
        print("  note: the machine is busy; figures will be slower than on an idle machine")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="journal-bench-") as tmp:
        folder = Path(tmp)
        with sqlite_database(folder) as url:
            rows += run_backend("SQLite", url, folder / "sqlite", args)
        server = os.environ.get("JOURNAL_TEST_POSTGRES_URL")
        if server:
            with seed.postgres_database(server, "bench") as url:
                rows += run_backend("PostgreSQL", url, folder / "postgresql", args)
        else:
            print("\nPostgreSQL: skipped (set JOURNAL_TEST_POSTGRES_URL to include it)")
    print_table(rows)
    if code_state() != started_on:
        print(f"WARNING: the code changed during the run (now {code_state()}): run again")


if __name__ == "__main__":
    main()
