"""A real server process and Debian's Chromium, driven by Playwright.

The server runs ``flask run`` on a free port of 127.0.0.1 with its own
SQLite database and instance folder. Chromium is the system one
(``/usr/bin/chromium``); Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

CHROMIUM = Path(os.environ.get("JOURNAL_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-default-apps",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start in time")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Serve the app from a separate process on a fresh database."""
    instance = tmp_path_factory.mktemp("live-instance")
    env = {
        **os.environ, "JOURNAL_ENV": "testing", "JOURNAL_INSTANCE_PATH": str(instance),
        "JOURNAL_DATABASE_URL": f"sqlite:///{instance / 'live.sqlite3'}", "FLASK_DEBUG": "0",
    }
    flask = [sys.executable, "-m", "flask", "--app", "journal"]
    subprocess.run([*flask, "db", "upgrade"], env=env, check=True, capture_output=True)
    port = _free_port()
    log = open(instance / "server.log", "wb")  # noqa: SIM115 (closed below)
    process = subprocess.Popen([*flask, "run", "--host", "127.0.0.1", "--port", str(port), "--no-reload"],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield SimpleNamespace(url=url, env=env, flask=flask, instance=instance)
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("JOURNAL_TEST_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install -y chromium)")
        pytest.skip(f"browser tests skipped: {CHROMIUM} is missing (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1200, "height": 900})
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page that fails the test on any console error or uncaught exception."""
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.problems = problems
    yield page
    # A 401 from autosave after the session ended is expected and logged by Chromium.
    unexpected = [p for p in problems if "401" not in p]
    assert unexpected == [], unexpected


@pytest.fixture
def new_patient(live_server):
    """Register a patient through the real form; returns (email, password)."""
    counter = iter(range(10_000))

    def register(page):
        email = f"walker{time.monotonic_ns()}{next(counter)}@example.org"
        password = "a long path through the pines"
        page.goto("/register")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Your name").fill("Robin")
        page.get_by_label("New password", exact=True).fill(password)
        page.get_by_label("New password again").fill(password)
        page.get_by_role("button", name="Create account").click()
        page.wait_for_url("**/")
        return email, password

    return register
