"""The real server, for tests and benchmarks: gunicorn with sync workers on a free port."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
EDITOR_FIELDS = re.compile(r'name="(draft_id|prompt_set|entry_id|version|save_key)" type="hidden" value="([^"]*)"')


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
def served(
    app: str, env: dict[str, str], log: Path, *, workers: int = 2, chdir: Path = ROOT, probe: str = "/"
) -> Iterator[str]:
    """Run ``gunicorn app`` with sync workers on a free port; yield its base URL; stop it."""
    port = free_port()
    command = [
        str(GUNICORN),
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        "--chdir",
        str(chdir),
        "--error-logfile",
        str(log),
        app,
    ]
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


class _Stay(urllib.request.HTTPRedirectHandler):
    """Report a redirect instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie jar and a CSRF token against a served app; redirects are answers, not followed."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _Stay)
        self.token = ""
        self.location = ""  # of the last redirect

    def request(self, path: str, data: dict | None = None, headers: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx and 5xx
            status, text = error.code, error.read().decode()
            self.location = error.headers.get("Location", "")
        found = CSRF_META.search(text)
        if found:
            self.token = found.group(1)
        return status, text

    def log_in(self, email: str, password: str) -> None:
        self.request("/login")
        status, _ = self.request("/login", {"email": email, "password": password, "csrf_token": self.token})
        if status != 302:
            raise RuntimeError(f"logging in as {email} answered {status}")
        self.request("/help")  # the token of the new login session

    def editor(self, path: str = "/entries/new") -> tuple[int, dict[str, str]]:
        """Open an editor page: its status and the hidden fields that name the draft and the save.

        A new page's address first gets its draft id and save key (a 303), followed here."""
        status, page = self.request(path)
        if status == 303:
            moved = urllib.parse.urlsplit(self.location)
            status, page = self.request(f"{moved.path}?{moved.query}")
        return status, dict(EDITOR_FIELDS.findall(page))

    def cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)
