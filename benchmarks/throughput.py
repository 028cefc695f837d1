"""Throughput under gunicorn (2 sync workers) measured with wrk, against bare Flask in the same run."""

from __future__ import annotations

import http.cookiejar
import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The checkout that holds the journal package being measured (normally HERE.parent).
ROOT = Path(importlib.util.find_spec("journal").origin).parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
WORKERS = 2


def wrk_missing() -> str | None:
    """Say why the throughput rows cannot run, or None when they can."""
    if shutil.which("wrk") is None:
        return "wrk is not installed (sudo apt-get install wrk): throughput rows skipped"
    if not GUNICORN.exists():
        return f"gunicorn is not installed in {GUNICORN.parent}: throughput rows skipped"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def served(app: str, env: dict[str, str], log: Path, chdir: Path = ROOT, probe: str = "/"):
    """Run ``gunicorn app`` with 2 sync workers on a free port; yield its base URL; stop it."""
    port = free_port()
    command = [str(GUNICORN), "--workers", str(WORKERS), "--worker-class", "sync", "--bind", f"127.0.0.1:{port}",
               "--chdir", str(chdir), "--error-logfile", str(log), app]
    with open(log, "a") as output:
        process = subprocess.Popen(command, env={**os.environ, **env}, cwd=chdir, stdout=output, stderr=output)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not _answers(base + probe):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn {app} did not start; see {log}:\n{log.read_text()[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()  # the master stops its own workers
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def login_cookie(base: str, email: str, password: str, check: str) -> str:
    """Log in like a browser (CSRF token included) and return the Cookie header to send."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    token = CSRF_META.search(page).group(1)
    form = urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token}).encode()
    opener.open(base + "/login", data=form)
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    request = urllib.request.Request(base + check, headers={"Cookie": cookie})
    with urllib.request.urlopen(request) as response:  # redirects to /login if the cookie does not work
        if urllib.parse.urlsplit(response.url).path != check:
            raise RuntimeError(f"logging in as {email} did not open {check} (ended at {response.url})")
    return cookie


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
    """Requests per second of bare Flask and of three journal pages, one after the other."""
    results = {}
    with served("bare_app:app", {}, log, chdir=HERE) as base:
        results["bare Flask, 20-item template"] = wrk(base + "/", duration)
    with served("journal:create_app()", journal_env, log, probe="/healthz") as base:
        cookie = login_cookie(base, email, password, "/entries")
        results["entry list"] = wrk(base + "/entries", duration, cookie)
        results["patient home"] = wrk(base + "/", duration, cookie)
        results["login page"] = wrk(base + "/login", duration)
    return results
