"""Throughput under gunicorn (2 sync workers) measured with wrk, against bare Flask in the same run."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The checkout that holds the journal package being measured (normally HERE.parent).
ROOT = Path(importlib.util.find_spec("journal").origin).parent.parent
sys.path.insert(0, str(ROOT))
from tests.live_server import GUNICORN, Browser, served  # noqa: E402  (the suite's server runner)

WORKERS = 2


def wrk_missing() -> str | None:
    """Say why the throughput rows cannot run, or None when they can."""
    if shutil.which("wrk") is None:
        return "wrk is not installed (sudo apt-get install wrk): throughput rows skipped"
    if not GUNICORN.exists():
        return f"gunicorn is not installed in {GUNICORN.parent}: throughput rows skipped"
    return None


def login_cookie(base: str, email: str, password: str, check: str) -> str:
    """Log in like a browser (CSRF token included) and return the Cookie header to send."""
    browser = Browser(base)
    browser.log_in(email, password)
    status, _ = browser.request(check)
    if status != 200:
        raise RuntimeError(f"logging in as {email} did not open {check} (answered {status})")
    return browser.cookie()


def wrk(url: str, duration: str, cookie: str | None = None) -> float:
    """Requests per second of ``wrk -t2 -c16``; refuses a run with errors or non-2xx answers."""
    command = ["wrk", "-t2", "-c16", f"-d{duration}", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    bad = re.search(r"Non-2xx or 3xx responses: \d+", output)
    if bad:
        raise RuntimeError(f"wrk {url}: {bad.group(0)}\n{output}")
    errors = re.search(r"Socket errors: .*", output)
    if errors:  # timeouts under load: the figure stands, but say so
        print(f"  note: wrk {url}: {errors.group(0)}", file=sys.stderr)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def compare(journal_env: dict[str, str], email: str, password: str, duration: str, log: Path) -> dict[str, float]:
    """Requests per second of bare Flask and of four journal pages, one after the other.

    The help page, logged in, reads no journal data: it is the floor any logged-in page starts from
    (loading the user and their login, the navigation's unread count, the base template).
    """
    results = {}
    with served("bare_app:app", {}, log, workers=WORKERS, chdir=HERE) as base:
        results["bare Flask, 20-item template"] = wrk(base + "/", duration)
    with served("journal:create_app()", journal_env, log, workers=WORKERS, chdir=ROOT, probe="/readyz") as base:
        cookie = login_cookie(base, email, password, "/entries")
        results["entry list"] = wrk(base + "/entries", duration, cookie)
        results["patient home"] = wrk(base + "/", duration, cookie)
        results["help page, logged in"] = wrk(base + "/help", duration, cookie)
        results["login page"] = wrk(base + "/login", duration)
    return results
