"""make bench-export: peak memory of Export everything (zip: journal.json, Markdown, PDF) at 300 and 3,000 entries.

Seeds journals through the services on SQLite (benchmarks/seed.py), then
writes each archive once in a fresh child process and prints its peak RSS
against the same process doing nothing but loading the app, the zip's size,
and the time. Growth from 300 to 3,000 entries is what to read: journal.json
and the Markdown files are written 200 entries at a time; the PDF, which
ReportLab builds in memory, is the part that grows. A benchmark, not a test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import bench
import seed

SIZES = [int(s) for s in os.environ.get("BENCH_EXPORT_SIZES", "300,3000").split(",") if s.strip()]

CHILD = """
import resource, sys, time
sys.path.insert(0, {benchmarks!r})
import bench
app = bench.make_app({url!r}, __import__("pathlib").Path({instance!r}))
from journal.export.archive import write_archive
from journal.auth.services import find_user_by_email
with app.test_request_context("/"):
    user = find_user_by_email({email!r})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if {write}:
        started = time.perf_counter()
        path = write_archive(user)
        took = time.perf_counter() - started
        size = path.stat().st_size
        path.unlink()
    else:
        took, size = 0.0, 0
    print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, took, size)
"""


def child(url: str, instance: Path, email: str, write: bool) -> tuple[int, int, float, int]:
    code = CHILD.format(
        benchmarks=str(Path(__file__).parent), url=url, instance=str(instance), email=email, write=write
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), int(out[1]), float(out[2]), int(out[3])


def main() -> None:
    from flask_migrate import upgrade

    with tempfile.TemporaryDirectory(prefix="journal-bench-export-") as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder}/export.sqlite3"
        app = bench.make_app(url, folder)
        with app.app_context():
            upgrade()
            journals = {size: seed.seed_journal(f"x{size}", size) for size in SIZES}
        print("make bench-export: peak RSS of one export in a fresh process (SQLite)")
        for size, journal in journals.items():
            _, idle, _, _ = child(url, folder, journal.patient_email, write=False)
            _, peak, took, zipped = child(url, folder, journal.patient_email, write=True)
            print(
                f"  {size:>5,} entries: peak {peak / 1024:,.0f} MB (app loaded, idle: {idle / 1024:,.0f} MB; "
                f"export adds {(peak - idle) / 1024:,.0f} MB), {took:.1f} s, zip {zipped / 1e6:.1f} MB"
            )


if __name__ == "__main__":
    main()
