"""Rate limits: which requests count, against which key, and how many are allowed.

Limits come from the config (``RATELIMIT_*``); storage is ``RATELIMIT_STORAGE_URI``
(memory by default, Redis in production). A limited request gets the 429 page,
or JSON for scripts.

Failed logins are not a decorator on a view: every way in (the login form, its
code step, the re-login dialog, the rescue page, re-authentication and changes
to the second factor) checks and counts them through ``check_login_allowed``
and ``count_failed_login``, so a new way in cannot forget them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import wraps

from flask import Flask, current_app, request
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address
from flask_login import current_user
from limits import parse
from werkzeug.exceptions import TooManyRequests
from werkzeug.middleware.proxy_fix import ProxyFix

from journal.extensions import limiter


class LoginLimited(TooManyRequests):
    """Too many failed logins for this account or from this address; ``retry_after`` in seconds."""

    retry_after: int

    def __init__(self, retry_after: int) -> None:
        super().__init__()
        self.retry_after = retry_after


def setting(name: str):
    """A limit read from the config at request time, so deployers and tests can change it."""
    return lambda: current_app.config[name]


def user_key() -> str:
    return f"user:{current_user.id}" if current_user.is_authenticated else "anonymous"


register_limit = limiter.limit(setting("RATELIMIT_REGISTER"), methods=["POST"], scope="register")
codes_limit = limiter.limit(setting("RATELIMIT_CODES"), key_func=user_key, scope="codes")
autosave_limit = limiter.limit(setting("RATELIMIT_AUTOSAVE"), key_func=user_key, scope="autosave")
verify_limit = limiter.limit(setting("RATELIMIT_VERIFY_EMAIL"), key_func=user_key, scope="verify-email")
upload_limit = limiter.limit(setting("RATELIMIT_PICTURES"), key_func=user_key, scope="pictures")
import_limit = limiter.limit(setting("RATELIMIT_IMPORT"), key_func=user_key, scope="import")
# One count for turning notifications on and off: both write a row.
push_limit = limiter.shared_limit(setting("RATELIMIT_PUSH"), scope="push", key_func=user_key)

# An upload that dies with its worker gives its place back after this long at the latest.
UPLOAD_LEASE_SECONDS = 300


class UploadsBusy(TooManyRequests):
    """This person already has ``UPLOADS_AT_ONCE`` uploads being worked on: not too many attempts, so its own words."""

    retry_after = 10
    page_text = (
        _l("One thing at a time"),
        _l("Another picture or import is still being worked on. Please wait a moment and try again."),
    )


@contextmanager
def upload_slot(user_id: int) -> Iterator[None]:
    """Hold one of a user's ``UPLOADS_AT_ONCE`` places for heavy uploads (pictures, imports), or raise UploadsBusy.

    A counter in the rate limiter's storage (Redis in production), so every worker
    process sees the same count; it expires on its own should a worker die holding it.
    """
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        yield
        return
    storage = limiter.storage
    key = f"{limiter._key_prefix or 'journal'}/uploads-at-once/user:{user_id}"
    if storage.incr(key, UPLOAD_LEASE_SECONDS) > current_app.config["UPLOADS_AT_ONCE"]:
        storage.incr(key, UPLOAD_LEASE_SECONDS, -1)
        raise UploadsBusy()
    try:
        yield
    finally:
        storage.incr(key, UPLOAD_LEASE_SECONDS, -1)


def one_upload_slot(view):
    """Run the view holding one of the current user's upload places (``upload_slot``)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        with upload_slot(current_user.id):
            return view(*args, **kwargs)

    return wrapper


def _asked_address() -> str:
    """The address a reset is asked for, as stored (trimmed, lower-cased): counted whether or not it exists."""
    return "reset:" + (request.form.get("email") or "").strip().lower()


def reset_limits(view):
    """Reset requests, counted per client address and per email address asked about."""
    per_ip = limiter.limit(setting("RATELIMIT_RESET_PER_IP"), methods=["POST"], scope="reset-ip")
    per_address = limiter.limit(
        setting("RATELIMIT_RESET_PER_ADDRESS"), methods=["POST"], key_func=_asked_address, scope="reset-address"
    )
    return per_ip(per_address(view))


def email_change_limits(view):
    """Requests to change the email address, counted per account and per client address (each costs mail)."""
    per_ip = limiter.limit(setting("RATELIMIT_EMAIL_CHANGE_PER_IP"), methods=["POST"], scope="email-change-ip")
    per_account = limiter.limit(
        setting("RATELIMIT_EMAIL_CHANGE_PER_ACCOUNT"), methods=["POST"], key_func=user_key, scope="email-change"
    )
    return per_ip(per_account(view))


def _login_counters(account: str):
    """The two counters of failed logins: per client address, and per account from anywhere."""
    prefix = limiter._key_prefix or "journal"
    config = current_app.config
    return [
        (parse(config["RATELIMIT_LOGIN_PER_IP"]), (prefix, "login-ip", get_remote_address())),
        (parse(config["RATELIMIT_LOGIN_PER_ACCOUNT"]), (prefix, "login-account", account)),
    ]


def check_login_allowed(account: str) -> None:
    """Raise LoginLimited when this address or this account has failed too often lately.

    ``account`` is the normalized email the attempt is for. Nothing is checked
    when rate limiting is switched off (``RATELIMIT_ENABLED = False``).
    """
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    waits = []
    for item, keys in _login_counters(account):
        if not limiter.limiter.test(item, *keys):
            reset_at = limiter.limiter.get_window_stats(item, *keys).reset_time
            waits.append(max(1, math.ceil(reset_at - time.time())))
    if waits:
        raise LoginLimited(retry_after=max(waits))


def count_failed_login(account: str) -> None:
    """Count one failed password or code against the address and the account."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    for item, keys in _login_counters(account):
        limiter.limiter.hit(item, *keys)


def init_rate_limits(app: Flask) -> None:
    """Bind the limiter and, when configured, trust the given number of proxies for the client address."""
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies:
        # Flask's documented way to wrap the WSGI app; mypy sees a method being replaced.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]
    # Flask-Limiter keeps the first app's key prefix on its (module-wide) instance;
    # each app binding it must bring its own, or apps sharing a Redis would share counters.
    limiter._key_prefix = app.config.get("RATELIMIT_KEY_PREFIX", "")
    # Likewise its ``enabled`` flag: one app switching limits off must not switch them off for the next.
    limiter.enabled = True
    limiter.init_app(app)
