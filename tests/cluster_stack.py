"""The production topology on one machine, without containers: for tests/cluster and benchmarks/soak.py.

Its own PostgreSQL (initdb in a temporary folder, a free port), its own Redis (no persistence), two gunicorn
servers of the app sharing one instance folder (keys), one database and one Redis, and nginx in front of both,
passing X-Forwarded-For / -Proto to an app configured to trust exactly one proxy hop. Nothing here touches the
machine's own PostgreSQL, Redis or nginx service. Every process is started here and stopped here, by its id.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.live_server import ROOT, free_port

BIN = Path(sys.executable).parent
PG_BIN = max(Path("/usr/lib/postgresql").glob("*/bin"), default=None, key=lambda p: int(p.parent.name))
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# What every server and command of the stack runs with (JOURNAL_* variables, JSON where not a plain string).
SETTINGS = {
    "PASSWORD_HASH_PARAMS": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1},
    "MFA_REQUIRED_ROLES": [],
    "SESSION_IDLE_MINUTES": 10**7,
    "SESSION_ABSOLUTE_HOURS": 10**6,
    "FRESH_LOGIN_MINUTES": 10**7,
    "RATELIMIT_AUTOSAVE": "100000 per minute",
    "TRUSTED_PROXIES": 1,  # nginx, and nothing else
    "LOG_LEVEL": "WARNING",
}


def missing() -> str | None:
    """What the stack needs and this machine lacks, or None."""
    for name, path in (("PostgreSQL", PG_BIN), ("redis-server", shutil.which("redis-server")), ("nginx", NGINX)):
        if not path or not Path(path).exists():
            return f"{name} is not installed (make test-cluster installs nginx; apt-get install postgresql redis)"
    return None


def wait_for_port(port: int, process: subprocess.Popen | None, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start on port {port}") from None
            time.sleep(0.1)


def stop(process: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    """Stop a process this module started (and its group, when it leads one)."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        process.send_signal(sig)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Postgres:
    """A throw-away PostgreSQL cluster. As root it runs as the ``postgres`` user (initdb refuses root)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="journal-cluster-pg-"))  # /tmp: reachable by postgres
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.folder, self.user, self.user)
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-w", *args],
            check=True,
            user=self.user,
            stdout=subprocess.DEVNULL,
        )

    def start(self) -> None:
        subprocess.run(
            [str(PG_BIN / "initdb"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "-D", str(self.folder / "data")],
            check=True,
            user=self.user,
            stdout=subprocess.DEVNULL,
        )
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off -c max_connections=200"
        self._ctl("-o", options, "start")

    def restart(self) -> None:
        self._ctl("-m", "fast", "restart")  # pg_ctl keeps the options it was started with

    def close(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            self._ctl("-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


class Redis:
    """redis-server on a free port, nothing written to disk."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port, self.process = folder, free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        with open(self.folder / "redis.log", "a") as log:
            self.process = subprocess.Popen(command, cwd=self.folder, stdout=log, stderr=log, start_new_session=True)
        wait_for_port(self.port, self.process, "redis-server")

    def restart(self) -> None:
        stop(self.process)
        self.start()

    def flush(self) -> None:
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(b"FLUSHALL\r\n")
            assert sock.recv(64).startswith(b"+OK")

    def close(self) -> None:
        stop(self.process)


class AppServer:
    """gunicorn serving the app on a fixed port, so it can be killed and started again where nginx expects it."""

    def __init__(self, name: str, env: dict[str, str], folder: Path, workers: int) -> None:
        self.name, self.env, self.workers, self.process = name, env, workers, None
        self.port, self.log = free_port(), folder / f"gunicorn-{name}.log"
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [str(BIN / "gunicorn"), "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}"]
        command += ["--error-logfile", str(self.log), "journal:create_app()"]
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env={**os.environ, **self.env}, stdout=log, stderr=log, start_new_session=True
            )
        wait_for_port(self.port, self.process, f"gunicorn {self.name} (see {self.log})")

    def kill(self) -> None:
        """Kill the master and its workers at once, as a crashed machine would."""
        stop(self.process, signal.SIGKILL)

    def close(self) -> None:
        stop(self.process)


NGINX_CONF = """
worker_processes 1;
{user}
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    client_max_body_size 20m;
    upstream app {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://app;
            proxy_set_header Host $http_host;
            # Appended to what the client sent: the app trusts one hop, so it reads only this last value.
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
        }}
    }}
}}
"""


class Nginx:
    def __init__(self, folder: Path, upstreams: list[AppServer]) -> None:
        self.folder, self.port, self.process = folder / "nginx", free_port(), None
        self.folder.mkdir()
        servers = "\n".join(f"        server 127.0.0.1:{s.port} max_fails=1 fail_timeout=2s;" for s in upstreams)
        user = "user root;" if os.geteuid() == 0 else ""  # its workers write temp files in our folder
        self.conf = self.folder / "nginx.conf"
        self.conf.write_text(NGINX_CONF.format(user=user, folder=self.folder, servers=servers, port=self.port))
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [NGINX, "-p", str(self.folder), "-e", str(self.folder / "nginx-error.log"), "-c", str(self.conf)]
        with open(self.folder / "nginx-output.log", "a") as log:
            self.process = subprocess.Popen(
                [*command, "-g", "daemon off;"], stdout=log, stderr=log, start_new_session=True
            )
        wait_for_port(self.port, self.process, "nginx")

    def close(self) -> None:
        stop(self.process, signal.SIGQUIT)  # nginx's graceful stop


@dataclass
class Stack:
    folder: Path
    postgres: Postgres
    redis: Redis
    servers: list[AppServer]
    nginx: Nginx
    env: dict[str, str]
    _app: object = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """Where people reach the app: nginx."""
        return self.nginx.url

    def flask(self, *args: str, env: dict[str, str] | None = None, wait: bool = True):
        """Run ``flask --app journal ARGS`` against the stack; the finished process, or the running one."""
        command = [str(BIN / "flask"), "--app", "journal", *args]
        with open(self.folder / "flask.log", "a") as log:  # alembic's and the commands' own log lines
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**os.environ, **self.env, **(env or {})},
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        if wait:
            process.communicate(timeout=120)
        return process

    def app(self):
        """An app in this process on the stack's database and keys, to arrange and inspect data."""
        if self._app is None:
            from journal import create_app

            overrides = {k: v for k, v in SETTINGS.items()}
            overrides.update(SQLALCHEMY_DATABASE_URI=self.postgres.url, RATELIMIT_STORAGE_URI=self.redis.url)
            self._app = create_app("development", overrides, self.folder / "instance")
        return self._app


def stack_env(folder: Path, postgres: Postgres, redis: Redis, extra: dict | None = None) -> dict[str, str]:
    settings = {**SETTINGS, **(extra or {})}
    env = {f"JOURNAL_{k}": v if isinstance(v, str) else json.dumps(v) for k, v in settings.items()}
    return {
        **env,
        "JOURNAL_ENV": "development",
        "JOURNAL_DATABASE_URL": postgres.url,
        "JOURNAL_RATELIMIT_STORAGE_URI": redis.url,
        "JOURNAL_INSTANCE_PATH": str(folder / "instance"),
    }


@contextmanager
def cluster(folder: Path, settings: dict | None = None, workers: int = 2) -> Iterator[Stack]:
    """Start PostgreSQL, Redis, ``flask db upgrade``, two app servers and nginx; yield them; stop them all."""
    with ExitStack() as running:
        postgres = Postgres()
        running.callback(postgres.close)
        postgres.start()
        redis = Redis(folder)
        running.callback(redis.close)
        redis.start()
        env = stack_env(folder, postgres, redis, settings)
        servers = [AppServer(name, env, folder, workers) for name in ("a", "b")]
        nginx = Nginx(folder, servers)
        stack = Stack(folder, postgres, redis, servers, nginx, env)
        stack.env["JOURNAL_PUBLIC_URL"] = nginx.url
        upgrade = stack.flask("db", "upgrade")  # also creates the shared keys in instance/
        if upgrade.returncode:
            raise RuntimeError("flask db upgrade failed")
        for server in servers:
            running.callback(server.close)
            server.start()
        running.callback(nginx.close)
        nginx.start()
        try:
            yield stack
        finally:
            if stack._app is not None:
                from journal.extensions import db

                with stack._app.app_context():
                    db.session.remove()
                    db.engine.dispose()
