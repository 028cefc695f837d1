"""The service worker's cache: what it precaches and under which version.

Which pages a browser may keep, and how a device is wiped, are infrastructure (``journal.device``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask, current_app, url_for
from flask_login import current_user

from journal.device import SHELL_PAGES
from journal.i18n import current_locale
from journal.safety import crisis

CACHE_PREFIX = "journal-shell-"
# The files whose change makes a new version: what the shell is drawn from, and the words it is drawn in.
VERSIONED = ("static", "templates/offline", "templates/main/crisis.html", "templates/safety", "translations")


def static_files(app: Flask) -> list[Path]:
    folder = Path(app.static_folder or "")
    return sorted(path for path in folder.rglob("*") if path.is_file())


def compute_version(app: Flask) -> str:
    """A short digest of every file the shell is made from: a deploy that changes one replaces the cache."""
    root = Path(app.root_path).parent
    digest = hashlib.sha256()
    for part in VERSIONED:
        base = root / part
        for path in sorted(base.rglob("*") if base.is_dir() else [base]):
            if path.is_file() and path.suffix != ".mo":
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def version() -> str:
    """This deployment's shell version: ``OFFLINE_VERSION`` when set (a release tag), else the digest."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if app.config.get("OFFLINE_VERSION"):
        return str(app.config["OFFLINE_VERSION"])
    if "journal.offline_version" not in app.extensions:
        app.extensions["journal.offline_version"] = compute_version(app)
    return app.extensions["journal.offline_version"]


def precached() -> list[str]:
    """Every URL the worker fetches when it installs: static files (but the worker itself) and the shell pages."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    folder = Path(app.static_folder or "")
    files = [url_for("static", filename=path.relative_to(folder).as_posix()) for path in static_files(app)]
    return [*files, *(url_for(endpoint) for endpoint in SHELL_PAGES.values())]


def shell_key() -> str:
    """What the worker's copies of the shell pages depend on for the signed-in person: their language and
    crisis region. When it changes, the page asks the worker for fresh copies (static/js/offline.js)."""
    user = current_user._get_current_object()
    region = crisis.own_region(user.crisis_region, user.time_zone) if user.is_authenticated else None
    mark = f"{current_locale()}|{region['title'] if region else ''}"
    return hashlib.sha256(mark.encode()).hexdigest()[:10]
