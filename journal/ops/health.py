"""Liveness (``/healthz``) and readiness (``/readyz``), for a load balancer or an orchestrator.

Liveness touches nothing but the process, so a database outage never gets healthy workers restarted.
Readiness asks what a request needs: the database, the rate-limit store where it is Redis (or another
server), and the master keys, which must open the data keys they wrap. A 503 names the failing parts and
nothing else: no address, no error text. Neither needs a login or counts against a rate limit; like every
answer they are ``no-store`` (``journal.security``).
"""

from __future__ import annotations

import logging

from flask import Blueprint, current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from journal.extensions import db, limiter
from journal.vault import master_keys_open_data_keys

log = logging.getLogger(__name__)

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@limiter.exempt
def healthz():
    """The process serves requests."""
    return {"status": "ok"}


@bp.get("/readyz")
@limiter.exempt
def readyz():
    """Every part a request needs answers; otherwise 503 and the parts that do not."""
    failing = database_and_keys() + rate_limit_store()
    if failing:
        return {"status": "unavailable", "failing": failing}, 503
    return {"status": "ok"}


def database_and_keys() -> list[str]:
    """``["database"]`` when it does not answer, ``["keys"]`` when a master key is missing or wrong."""
    try:
        db.session.execute(text("SELECT 1"))
        keys_open = master_keys_open_data_keys()
    except SQLAlchemyError as error:
        log.warning("readiness: database unavailable (%s)", type(error).__name__)
        try:
            db.session.rollback()
        except SQLAlchemyError:  # the connection is gone too
            pass
        return ["database"]
    return [] if keys_open else ["keys"]


def rate_limit_store() -> list[str]:
    """``["redis"]`` (or the store's scheme) when a configured rate-limit server does not answer a ping."""
    config = current_app.config
    scheme = str(config.get("RATELIMIT_STORAGE_URI") or "memory://").partition("://")[0]
    if scheme == "memory" or not config.get("RATELIMIT_ENABLED", True) or limiter.storage.check():
        return []
    log.warning("readiness: rate-limit store unavailable")
    return ["redis" if scheme.startswith(("redis", "valkey")) else scheme.partition("+")[0]]
