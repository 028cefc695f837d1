"""make bench-import: an 8,000-entry Day One import on SQLite while another writer saves every 50 ms.

Prints the import's time and how long the other writer's saves waited for
SQLite's one write lock (the longest, and the 99th percentile), for
IMPORT_BATCH_SIZE=50 (the default) and for one batch as large as the import (how
it was before). A benchmark, not a test: CI does not run it.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

import bench

ENTRIES = int(os.environ.get("BENCH_IMPORT_ENTRIES", "8000"))


def day_one(count: int) -> bytes:
    text = "# A day\\nfinally \\\\.\\\\. still, and some words of the day to make it real. " * 3
    entries = [{"uuid": f"E{n:06d}", "creationDate": "2021-05-02T07:10:00Z", "text": text} for n in range(count)]
    return json.dumps({"metadata": {"version": "1.0"}, "entries": entries}).encode()


def run(batch_size: int) -> tuple[float, list[float], int]:
    from flask_migrate import upgrade
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from journal.auth.services import create_user
    from journal.export.importing import import_file
    from journal.extensions import db

    with tempfile.TemporaryDirectory(prefix="journal-bench-import-") as tmp:
        url = f"sqlite:///{tmp}/import.sqlite3"
        app = bench.make_app(url, Path(tmp))
        app.config.update(IMPORT_BATCH_SIZE=batch_size, IMPORT_MAX_ENTRIES=ENTRIES)
        with app.app_context():
            upgrade()
            user = create_user(email="p@example.org", display_name="P", password="a quiet walk by the river")
            db.session.execute(text("CREATE TABLE other_writer (n INTEGER)"))
            db.session.commit()
        waits: list[float] = []
        failed: list[float] = []
        done = threading.Event()

        def other_writer() -> None:
            with app.app_context():
                while not done.is_set():
                    started = time.perf_counter()
                    try:
                        db.session.execute(text("INSERT INTO other_writer VALUES (1)"))
                        db.session.commit()
                    except OperationalError:  # "database is locked" after SQLITE_BUSY_TIMEOUT_MS: a 503
                        db.session.rollback()
                        failed.append(time.perf_counter() - started)
                        continue
                    waits.append(time.perf_counter() - started)
                    time.sleep(0.05)

        data = day_one(ENTRIES)
        thread = threading.Thread(target=other_writer)
        with app.test_request_context("/"):
            thread.start()
            started = time.perf_counter()
            import_file(db.session.merge(user), "Journal.json", data, by="command line")
            took = time.perf_counter() - started
        done.set()
        thread.join()
        with app.app_context():
            db.engine.dispose()
        return took, waits, len(failed)


def main() -> None:
    for label, size in (("IMPORT_BATCH_SIZE=50", 50), ("one transaction (before)", ENTRIES)):
        took, waits, failed = run(size)
        waits.sort()
        p99 = waits[int(len(waits) * 0.99) - 1] if waits else 0.0
        print(
            f"{label:28} {ENTRIES:,} entries in {took:5.1f} s; other writer: {len(waits)} saves, "
            f"longest wait {max(waits):.2f} s, p99 {p99:.2f} s, median {statistics.median(waits) * 1000:.0f} ms, "
            f"{failed} refused as locked"
        )


if __name__ == "__main__":
    main()
