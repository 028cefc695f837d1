"""Configuration classes and the rules that finish a configuration.

Order of precedence, lowest first: the class chosen by name, ``instance/config.py``,
``JOURNAL_*`` environment variables, then overrides passed to ``create_app``.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from flask import Flask

# Keys that appear in tutorials and examples; production refuses them.
KNOWN_WEAK_SECRET_KEYS = frozenset(
    {"", "dev", "development", "secret", "changeme", "change-me", "please-change-me", "test"}
)
MIN_SECRET_KEY_LENGTH = 32
SECRET_KEY_FILE = "secret_key"

# An entry answer may hold 100,000 characters: up to 400 kB of UTF-8 in a
# multipart field (the per-field limit applies there), and 1.2 MB once
# percent-encoded in an ordinary form, which only the total limit bounds.
MAX_FIELD_BYTES = 2 * 1024 * 1024
MAX_REQUEST_BYTES = 16 * 1024 * 1024


class Config:
    """Settings shared by every environment."""

    ENV_NAME = "base"
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None  # default: instance/journal.sqlite3
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    SQLITE_BUSY_TIMEOUT_MS = 5000

    MAX_CONTENT_LENGTH = MAX_REQUEST_BYTES
    MAX_FORM_MEMORY_SIZE = MAX_FIELD_BYTES

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # The CSRF token lives as long as the login session: an expired token must
    # never be the reason a long piece of writing is refused.
    WTF_CSRF_TIME_LIMIT = None

    # argon2id parameters; None means argon2-cffi's current defaults.
    PASSWORD_HASH_PARAMS: dict | None = None

    # Crisis lines by country; None: the packaged journal/data/crisis-countries.json (journal/safety/crisis.py).
    CRISIS_RESOURCES: list[dict] | None = None
    # A safety alert not acknowledged this many hours after it was raised is shown as overdue.
    SAFETY_ALERT_OVERDUE_HOURS = 24
    # Extra folders searched first for the PDF's fonts (DejaVu or Noto; a Noto CJK font adds CJK).
    PDF_FONT_DIRS: list[str] = []
    # The offline shell's version (journal/offline/shell.py): a release tag; None: a digest of the files it is
    # made from. A new value makes browsers replace the service worker's cache on their next visit.
    OFFLINE_VERSION: str | None = None
    LOG_LEVEL = "INFO"
    LOG_FORMAT = "text"  # or "json": one object a line, with the request's id (journal/ops/logs.py)
    # The bearer token a Prometheus scraper sends to read /metrics; None: /metrics does not exist (404).
    METRICS_TOKEN: str | None = None
    HSTS_ENABLED = False
    # A login ends after this long without a request, and after this long in any case.
    SESSION_IDLE_MINUTES = 30
    SESSION_ABSOLUTE_HOURS = 12
    # Changing a password, connecting to a therapist or exporting a whole journal
    # asks for the password again when it was last typed longer ago than this.
    FRESH_LOGIN_MINUTES = 15

    # Outgoing mail (SMTP). No server: messages are written to the log outside production.
    MAIL_SERVER: str | None = None
    MAIL_PORT = 587
    MAIL_USE_TLS = True  # STARTTLS
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_FROM = "Integration Journal <no-reply@localhost>"
    MAIL_TIMEOUT = 10  # seconds
    # No MAIL_SERVER, outside production: each message is also kept in this Maildir (relative to instance/).
    MAIL_MAILDIR: str | None = None
    # The address people reach the app at, for links in emails (production needs it:
    # a link is never built from the request's Host header there).
    PUBLIC_URL: str | None = None
    # Where deleted account ids are recorded, apart from database backups (default: instance/deletions.ledger).
    DELETION_LEDGER: str | None = None
    # How long a therapist keeps their record (notes, alert history) of a patient who deleted their account:
    # 7 years, a common minimum for adult health records; set it to your jurisdiction's rule (docs/safety.md).
    CLINICAL_RECORD_RETENTION_DAYS = 2557
    # "Forgot password" answers no sooner than this, whether or not the account exists.
    PASSWORD_RESET_ANSWER_SECONDS = 1.5

    # Roles that must set up two-factor authentication before reaching any patient data.
    MFA_REQUIRED_ROLES = ["therapist", "admin"]

    # A picture with more pixels is refused from its header, before it is decoded: 48-megapixel phone photos fit.
    PICTURE_MAX_PIXELS = 50_000_000
    # Import (Settings > Import, flask import-data): the file's size, how many entries (and sessions) it may hold,
    # and how many are written per commit, so other writers (autosave) never wait long for SQLite's lock.
    IMPORT_MAX_BYTES = 64 * 1024 * 1024
    IMPORT_MAX_ENTRIES = 10_000
    IMPORT_BATCH_SIZE = 50

    # Rate limits (Flask-Limiter). memory:// suits one process; use Redis when there are several.
    RATELIMIT_STORAGE_URI = "memory://"
    # While the rate-limit store does not answer (a Redis restart), limited routes let the request through rather
    # than answer 500: a save is never refused for a counter; /readyz names "redis" meanwhile.
    RATELIMIT_SWALLOW_ERRORS = True
    # Failed logins: a wrong password or a wrong second-factor code, wherever it is typed
    # (login, its code step, the re-login dialog, the rescue page, re-authentication, 2FA changes).
    RATELIMIT_LOGIN_PER_IP = "20 per 15 minutes"  # failed logins from one address
    RATELIMIT_LOGIN_PER_ACCOUNT = "5 per 15 minutes"  # failed logins for one email, from anywhere
    RATELIMIT_REGISTER = "10 per hour"
    RATELIMIT_CODES = "10 per hour"  # therapist connection codes tried by one patient
    RATELIMIT_AUTOSAVE = "60 per minute"  # a tab saves every 3 s; this leaves room for three
    RATELIMIT_PICTURES = "60 per hour"  # picture uploads by one user: each may be up to 40 MB
    RATELIMIT_IMPORT = "10 per hour"  # imports by one user: each may be up to IMPORT_MAX_BYTES
    RATELIMIT_PUSH = "30 per hour"  # notifications turned on or off by one user, on any of their browsers
    UPLOADS_AT_ONCE = 2  # picture uploads and imports one user may have being worked on at the same time
    RATELIMIT_RESET_PER_IP = "10 per hour"  # password reset requests from one address
    RATELIMIT_RESET_PER_ADDRESS = "3 per hour"  # password reset requests for one email, from anywhere
    RATELIMIT_VERIFY_EMAIL = "5 per hour"  # new confirmation links asked for by one user
    RATELIMIT_EMAIL_CHANGE_PER_ACCOUNT = "5 per hour"  # email address changes asked for by one account
    RATELIMIT_EMAIL_CHANGE_PER_IP = "10 per hour"  # email address changes asked for from one address
    # How many proxies in front of the app may set X-Forwarded-For / -Proto / -Host. 0: none is trusted.
    TRUSTED_PROXIES = 0

    # Web Push (journal/push, docs/notifications.md): reminders and safety alerts also shown by the browsers
    # a person turned notifications on in. Email goes out as before either way.
    PUSH_ENABLED = True
    # The VAPID "sub" claim, how a push service reaches whoever runs this sender; None: a mailto: of
    # MAIL_FROM's address (else an https:// PUBLIC_URL).
    PUSH_VAPID_SUBJECT: str | None = None
    # The push services a subscription may name (a host, or a domain and its subdomains): the app posts to
    # an address a browser gave it, so any other host is refused rather than reached from the server.
    PUSH_SERVICE_HOSTS = [
        "fcm.googleapis.com",  # Chrome, Edge, Opera, Samsung Internet
        "push.services.mozilla.com",  # Firefox
        "push.apple.com",  # Safari
        "notify.windows.com",  # Windows (WNS)
    ]
    # Also take http:// and https:// endpoints on localhost / 127.0.0.1 (a local push service for tests).
    PUSH_ALLOW_LOCAL_HTTP = False
    PUSH_TIMEOUT = 10  # seconds to wait for a push service


class DevelopmentConfig(Config):
    """Local use through ``make run``: SQLite, a generated secret key."""

    ENV_NAME = "development"
    MAIL_MAILDIR = "mail"  # instance/mail: open a link from a message without a mail server


class TestingConfig(Config):
    """The test suite: fast password hashing, a fixed key, CSRF left on."""

    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-secret-key-not-for-any-real-deployment"
    # Cheap argon2id parameters keep the suite fast; production uses the defaults.
    PASSWORD_HASH_PARAMS = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}
    # Most tests log therapists in many times a minute; the MFA tests switch the requirement on.
    MFA_REQUIRED_ROLES: list[str] = []
    PASSWORD_RESET_ANSWER_SECONDS = 0.3
    # The push tests run a push service of their own on 127.0.0.1 (tests/push/push_service.py).
    PUSH_ALLOW_LOCAL_HTTP = True


class ProductionConfig(Config):
    """Behind a TLS proxy: secure cookies and a secret key that must be set."""

    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True
    # __Host- cookies must be Secure, for path / and without a Domain: no subdomain can set or read them.
    SESSION_COOKIE_NAME = "__Host-session"
    HSTS_ENABLED = True


CONFIGS: dict[str, type[Config]] = {cls.ENV_NAME: cls for cls in (DevelopmentConfig, TestingConfig, ProductionConfig)}


def resolve_config(name: str | type[Config] | None) -> type[Config]:
    """Return the config class for a name, a class, or ``JOURNAL_ENV``."""
    if isinstance(name, type):
        return name
    name = name or os.environ.get("JOURNAL_ENV", "development")
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(f"Unknown JOURNAL_ENV {name!r}; use one of {', '.join(sorted(CONFIGS))}.") from None


def finish_config(app: Flask) -> None:
    """Fill in derived settings and refuse unsafe ones."""
    _finish_database(app)
    _finish_secret_key(app)
    _finish_public_url(app)


SQLITE_RECYCLE_SECONDS = 15 * 60


def _finish_database(app: Flask) -> None:
    # JOURNAL_DATABASE_URL is the documented name; Flask-SQLAlchemy reads the other.
    url = app.config.get("DATABASE_URL") or app.config.get("SQLALCHEMY_DATABASE_URI")
    if not url:
        url = "sqlite:///" + str(Path(app.instance_path) / "journal.sqlite3")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    if url.startswith("postgresql"):
        # Connections dropped by a restart or a proxy are replaced, not handed out.
        options.setdefault("pool_pre_ping", True)
    elif url.startswith("sqlite"):
        # pysqlite turns this into sqlite3_busy_timeout: wait for a lock, don't fail.
        connect_args = dict(options.get("connect_args") or {})
        connect_args.setdefault("timeout", app.config["SQLITE_BUSY_TIMEOUT_MS"] / 1000)
        options["connect_args"] = connect_args
        # A connection reads the planner's statistics when it opens: reopened every 15 minutes, it
        # sees those the periodic job refreshed (journal.database.refresh_statistics).
        options.setdefault("pool_recycle", SQLITE_RECYCLE_SECONDS)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def _finish_secret_key(app: Flask) -> None:
    key = app.config.get("SECRET_KEY")
    if app.config["ENV_NAME"] == "production":
        if not key or key in KNOWN_WEAK_SECRET_KEYS or len(key) < MIN_SECRET_KEY_LENGTH:
            raise RuntimeError(
                "Production needs a strong secret key: set JOURNAL_SECRET_KEY to at least "
                f"{MIN_SECRET_KEY_LENGTH} random characters "
                '(python -c "import secrets; print(secrets.token_hex(32))").'
            )
        return
    if not key:
        app.config["SECRET_KEY"] = load_or_create_secret_key(Path(app.instance_path))


def _finish_public_url(app: Flask) -> None:
    """Production builds links in emails on PUBLIC_URL only, so it must be set (never the Host header)."""
    url = app.config.get("PUBLIC_URL")
    if app.config["ENV_NAME"] == "production" and not (url and str(url).startswith("https://")):
        raise RuntimeError(
            "Production needs JOURNAL_PUBLIC_URL, the https:// address people reach the app at "
            "(links in emails are built on it, never on the request's Host header)."
        )


def make_private_folder(folder: Path) -> None:
    """Create the instance folder if needed and make it private to the app's user (0700).

    It holds the database, the keys and the local config: nobody else on the host should list or read it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)


def load_or_create_secret_key(instance: Path) -> str:
    """Read ``instance/secret_key``, creating it (mode 0600) on first start."""
    path = instance / SECRET_KEY_FILE
    if not path.exists():
        make_private_folder(instance)
        # Write a private temporary file, then link it into place: two processes
        # starting at once agree on one key and nobody reads a half-written file.
        fd, tmp = tempfile.mkstemp(dir=instance, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(secrets.token_hex(32))
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    return path.read_text(encoding="ascii").strip()
