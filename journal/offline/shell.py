"""The service worker's cache: what it precaches and under which version.

Which pages a browser may keep, and how a device is wiped, are infrastructure (``journal.device``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from flask import Flask, current_app, url_for
from flask_login import current_user

from journal.device import SHELL_PAGES
from journal.i18n import current_locale
from journal.safety import crisis

CACHE_PREFIX = "journal-shell-"
# The files whose change makes a new version: what the shell is drawn from, and the words it is drawn in.
VERSIONED = (
    "static",
    "templates/base.html",
    "templates/macros",
    "templates/offline",
    "templates/main/crisis.html",
    "templates/safety",
    "translations",
    "journal/data/crisis-countries.json",
)


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
    # The lines an operator configured (CRISIS_RESOURCES) are on the help copy too: a new number, a new cache.
    digest.update(json.dumps(crisis.regions(), sort_keys=True, default=str).encode())
    return digest.hexdigest()[:12]


def version() -> str:
    """This deployment's shell version: the digest, after ``OFFLINE_VERSION`` (a release tag) when set.

    The tag never stands in for the digest: a changed crisis number reaches every device even if nobody
    changed the tag.
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if "journal.offline_version" not in app.extensions:
        app.extensions["journal.offline_version"] = compute_version(app)
    digest = app.extensions["journal.offline_version"]
    tag = app.config.get("OFFLINE_VERSION")
    return f"{tag}-{digest}" if tag else digest


def precached() -> list[str]:
    """Every URL the worker fetches when it installs: static files (but the worker itself) and the shell pages."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    folder = Path(app.static_folder or "")
    files = [url_for("static", filename=path.relative_to(folder).as_posix()) for path in static_files(app)]
    return [*files, *(url_for(endpoint) for endpoint in SHELL_PAGES.values())]


def shell_key() -> str:
    """What the worker's copies of the shell pages depend on for the signed-in person: their language and
    crisis region. When it changes, the page asks the worker for fresh copies (static/js/offline.js)."""
    own = crisis.help_page(current_user._get_current_object())["own"]
    mark = f"{current_locale()}|{json.dumps(own, sort_keys=True, default=str)}"
    return hashlib.sha256(mark.encode()).hexdigest()[:10]
