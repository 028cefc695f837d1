"""Rate limits: which requests count, against which key, and how many are allowed.

Limits come from the config (``RATELIMIT_*``); storage is ``RATELIMIT_STORAGE_URI``
(memory by default, Redis in production). A limited request gets the 429 page,
or JSON for scripts.
"""

from __future__ import annotations

from flask import Flask, current_app, g, request, session
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

from journal.auth.services import normalize_email
from journal.extensions import limiter


def setting(name: str):
    """A limit read from the config at request time, so deployers and tests can change it."""
    return lambda: current_app.config[name]


def account_key() -> str:
    """The account a login is for, whoever sends it."""
    return "account:" + normalize_email(request.form.get("email", ""))


def user_key() -> str:
    return f"user:{current_user.id}" if current_user.is_authenticated else "anonymous"


def failed(response) -> bool:
    """Count only attempts that failed: a right password is never slowed down."""
    return bool(g.get("attempt_failed"))


login_per_ip = limiter.limit(setting("RATELIMIT_LOGIN_PER_IP"), methods=["POST"], deduct_when=failed, scope="login-ip")
login_per_account = limiter.limit(setting("RATELIMIT_LOGIN_PER_ACCOUNT"), methods=["POST"], key_func=account_key,
                                  deduct_when=failed, scope="login-account")
register_limit = limiter.limit(setting("RATELIMIT_REGISTER"), methods=["POST"], scope="register")
codes_limit = limiter.limit(setting("RATELIMIT_CODES"), key_func=user_key, scope="codes")
autosave_limit = limiter.limit(setting("RATELIMIT_AUTOSAVE"), key_func=user_key, scope="autosave")
def pending_key() -> str:
    return f"mfa:{session.get('mfa_pending')}"


mfa_limit = limiter.limit(setting("RATELIMIT_MFA"), methods=["POST"], key_func=pending_key, deduct_when=failed,
                          scope="mfa")
reauth_limit = limiter.limit(setting("RATELIMIT_REAUTH"), methods=["POST"], key_func=user_key, deduct_when=failed,
                             scope="reauth")


def init_rate_limits(app: Flask) -> None:
    """Bind the limiter and, when configured, trust the given number of proxies for the client address."""
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    # Flask-Limiter keeps the first app's key prefix on its (module-wide) instance;
    # each app binding it must bring its own, or apps sharing a Redis would share counters.
    limiter._key_prefix = app.config.get("RATELIMIT_KEY_PREFIX", "")
    limiter.init_app(app)
