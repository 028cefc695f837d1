"""What a browser may keep of this site, and how a device is told to forget it (docs/offline.md).

Infrastructure, shared by the security headers, logins, settings and the offline feature:

- ``SHELL_ENDPOINTS`` is the one list of pages a browser may store. ``journal.security`` marks every other
  page ``no-store``; tests/offline/test_shell.py renders each of these as a signed-in person to show they hold
  nothing of theirs but their language and their region's crisis lines.
- ``leave_nothing`` asks the browser to drop everything (logout, deletion, "forget this device").
- ``offline_account`` names a patient's encrypted offline store without naming the patient.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import Response, current_app
from flask_login import current_user

from journal.models import Role, User

# The pages the service worker caches (and may serve when there is no connection), by endpoint.
SHELL_PAGES = {"fallback": "offline.fallback", "help": "offline.help", "write": "offline.write"}
SHELL_ENDPOINTS = frozenset({*SHELL_PAGES.values(), "offline.service_worker", "offline.manifest"})
# What a browser is told to drop when someone leaves: Cache Storage and IndexedDB (with the offline key),
# the service worker, and the HTTP cache. Cookies are ended by the session itself.
CLEAR_SITE_DATA = '"cache", "storage"'


def leave_nothing(response: Response) -> Response:
    """Ask the browser to drop everything this site keeps on the device (logout, deletion, forget device)."""
    response.headers["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


def account_tag(user: User) -> str:
    """An opaque name for a person's offline store on a device: never their id or address in the clear."""
    secret = current_app.config["SECRET_KEY"]
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, f"offline-account:{user.id}".encode(), hashlib.sha256).hexdigest()[:24]


def offline_account() -> str | None:
    """The signed-in patient's store name, for the page script; None for anyone else (only patients write)."""
    user = current_user._get_current_object()
    if not user.is_authenticated or user.role != Role.PATIENT:
        return None
    return account_tag(user)
