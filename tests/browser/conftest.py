"""A real server process and Debian's Chromium, driven by Playwright.

The server runs ``flask run`` on a free port of 127.0.0.1 with its own
SQLite database and instance folder. Chromium is the system one
(``/usr/bin/chromium``); Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import hangs_folder

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("JOURNAL_TEST_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(os.environ.get("JOURNAL_TEST_AXE", ROOT / ".cache/axe/node_modules/axe-core/axe.min.js"))
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # git-ignored, for people to look at
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
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
            with urllib.request.urlopen(url + "/readyz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start in time")


@contextmanager
def serve_app(instance: Path, database_url: str, smtp_server, *, port: int | None = None, env: dict | None = None):
    """Serve the app from a separate process on ``database_url`` (migrated, with the demo accounts); its mail
    goes to the suite's SMTP server. The same ``instance`` and ``port`` serve a redeploy of the same site."""
    mail = {
        f"JOURNAL_{name}": str(value).lower() if isinstance(value, bool) else str(value)
        for name, value in smtp_server.settings.items()
    }
    env = {
        **mail,
        **os.environ,
        "JOURNAL_ENV": "testing",
        "JOURNAL_INSTANCE_PATH": str(instance),
        "JOURNAL_DATABASE_URL": database_url,
        "FLASK_DEBUG": "0",
        # Every journey registers someone from 127.0.0.1: the registration limit is tested elsewhere.
        "JOURNAL_RATELIMIT_REGISTER": "1000 per hour",
        **(env or {}),
    }
    flask = [sys.executable, "-m", "flask", "--app", "journal"]
    # The server writes every thread's stack to its log on SIGUSR1 (see hang_report).
    serve = [sys.executable, "-c", SERVE_WITH_STACK_DUMPS, "--app", "journal"]
    if not (instance / "seeded").exists():
        subprocess.run([*flask, "db", "upgrade"], env=env, check=True, capture_output=True)
        # The demo therapist that journeys connect to (and a demo patient).
        subprocess.run([*flask, "seed-demo", "--entries", "3"], env=env, check=True, capture_output=True)
        (instance / "seeded").touch()
    port = port or _free_port()
    log = open(instance / "server.log", "ab")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [*serve, "run", "--host", "127.0.0.1", "--port", str(port), "--no-reload"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield SimpleNamespace(
            url=url, env=env, flask=flask, instance=instance, mailbox=smtp_server.mailbox, process=process, port=port
        )
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, smtp_server):
    """Serve the app from a separate process on a fresh SQLite database."""
    instance = tmp_path_factory.mktemp("live-instance")
    with serve_app(instance, f"sqlite:///{instance / 'live.sqlite3'}", smtp_server) as server:
        yield server


SERVE_WITH_STACK_DUMPS = (
    "import faulthandler, signal, sys; faulthandler.register(signal.SIGUSR1, all_threads=True); "
    "from flask.cli import main; sys.argv[0] = 'flask'; main()"
)
HANG_REPORT_BEFORE = 40  # seconds before pytest-timeout ends the test


@pytest.fixture(autouse=True)
def hang_report(request):
    """If a browser test is still running shortly before pytest-timeout ends it, write the live server's threads
    and the end of its log to the terminal: the suite's hang dump (tests/conftest.py) shows the test's own side."""
    limit = float(request.config.getini("timeout") or 0)
    if "live_server" not in request.fixturenames or not limit:
        yield
        return
    server = request.getfixturevalue("live_server")

    def report() -> None:
        server.process.send_signal(signal.SIGUSR1)
        time.sleep(1)
        tail = (server.instance / "server.log").read_bytes()[-20_000:].decode("utf-8", "replace")
        folder = hangs_folder(request.config)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"live-server-{os.getpid()}.txt").write_text(
            f"{request.node.nodeid} still running; the live server's threads and log:\n{tail}\n"
        )

    timer = threading.Timer(max(limit - HANG_REPORT_BEFORE, 1), report)
    timer.daemon = True
    timer.start()
    yield
    timer.cancel()


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


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request) -> str:
    """Every journey runs on a desktop and on a 390x844 touch phone."""
    return request.param


@pytest.fixture
def context(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, **VIEWPORTS[viewport])
    context.set_default_timeout(10_000)
    context.viewport_name = viewport
    yield context
    context.close()


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
                          e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def watch(page, context) -> None:
    """Fail the test later on any console error, uncaught exception or CSP violation."""
    problems: list[tuple[str, str]] = []
    # Pages and fetches whose error status the app chose: 409 conflict, 422 form, 401, 503 storage unreachable.
    answered: set[str] = set()

    def on_response(response):
        if response.status in (401, 409, 422, 503) and response.request.resource_type in ("document", "fetch"):
            answered.add(response.url)

    def on_console(message):
        if message.type == "error":
            problems.append((message.text, message.location.get("url", "")))

    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append((str(error), "")))
    page.add_init_script(CSP_LISTENER)
    page.problems, page.answered = problems, answered
    page.viewport_name = context.viewport_name
    page.scripts = getattr(context, "scripts", True)  # False for a context made with java_script_enabled=False


def assert_clean(page) -> None:
    # Chromium logs every 4xx response as "Failed to load resource"; a status the app chose on
    # purpose for a page or for autosave is not an error. Anything else is.
    unexpected = [
        text for text, url in page.problems if not (text.startswith("Failed to load resource") and url in page.answered)
    ]
    assert unexpected == [], unexpected


@pytest.fixture
def page(context):
    """A page that fails the test on any console error, uncaught exception or CSP violation."""
    page = context.new_page()
    watch(page, context)
    yield page
    assert_clean(page)


def check_page(page, name: str) -> None:
    """Run axe-core on the current page (no serious or critical violation) and keep a screenshot."""
    violations = page.evaluate("window.__cspViolations || []")
    assert violations == [], violations
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{page.viewport_name}-{name}.png"), full_page=True)
    if not getattr(page, "scripts", True):
        # axe.run is asynchronous: where the page may run no script its promise can wait forever (evaluate has no
        # timeout), which is how CI hung after GET /register. The same pages are checked with scripts on.
        return
    if not AXE.exists():
        if os.environ.get("JOURNAL_TEST_REQUIRE_BROWSER"):
            pytest.fail(f"axe-core is missing at {AXE} (make test installs it with npm)")
        return
    # Evaluated through DevTools rather than added as a <script>: the page's CSP would rightly refuse it.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"{name}: {serious}"


@pytest.fixture
def new_patient(live_server):
    """Register a patient through the real form; returns (email, password)."""
    counter = iter(range(10_000))

    def register(page, name: str = "Robin"):
        email = f"walker{time.monotonic_ns()}{next(counter)}@example.org"
        register_through_form(page, email, name, check=True)
        return email, PATIENT_PASSWORD

    return register


PATIENT_PASSWORD = "a long path through the pines"


def register_through_form(page, email: str, name: str = "Robin", check: bool = False) -> None:
    """Create a patient account through the real sign-up form (checked by axe when ``check``)."""
    page.goto("/register")
    if check:
        check_page(page, "register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Your name").fill(name)
    page.get_by_label("New password", exact=True).fill(PATIENT_PASSWORD)
    page.get_by_label("New password again").fill(PATIENT_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/")


THERAPIST = ("therapist@example.org", "steady hands and open doors")  # seed-demo's therapist, Dr. Sam Rivera


@pytest.fixture
def demo_therapist(browser, live_server, viewport):
    """The demo therapist, logged in in a browser of their own at the same size. ``connect(page, alerts)``
    connects the patient in ``page`` through the code and the consent screen."""
    context = browser.new_context(base_url=live_server.url, **VIEWPORTS[viewport])
    context.set_default_timeout(10_000)
    context.viewport_name = viewport
    page = context.new_page()
    watch(page, context)
    page.goto("/login")
    page.get_by_label("Email").fill(THERAPIST[0])
    page.get_by_label("Password").fill(THERAPIST[1])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/therapist/")

    def connect(patient_page, alerts: bool = False) -> None:
        page.goto("/therapist/invite")
        code = page.locator(".code").inner_text()
        patient_page.goto("/connections")
        patient_page.get_by_label("Connection code").fill(code)
        patient_page.get_by_role("button", name="Continue").click()
        patient_page.get_by_label("Yes, they may be told" if alerts else "No, not for now").check()
        patient_page.get_by_label("I understand what my therapist will and will not see").check()
        patient_page.get_by_role("button", name="Connect").click()
        patient_page.get_by_text("You are connected with Dr. Sam Rivera").wait_for()

    yield SimpleNamespace(page=page, connect=connect)
    context.close()


def menu(page, name: str, role: str = "link"):
    """An item of the main menu, opening the menu first where it folds (a phone)."""
    page.wait_for_load_state("load")  # the script that folds the menu has run
    toggle = page.get_by_role("button", name="Menu")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    return page.get_by_role("navigation", name="Main").get_by_role(role, name=name, exact=True)
