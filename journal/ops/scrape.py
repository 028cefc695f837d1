"""``/metrics``: the counters of every worker and the alert outbox, for a scraper holding ``METRICS_TOKEN``.

Without a token configured the address does not exist (404); a missing or wrong token gets 401. The outbox
gauges are read from the database at each scrape, by a function the app hands in (``init_scrape``), so this
module knows no feature.
"""

from __future__ import annotations

import hmac
import logging
import os
from collections.abc import Callable, Iterator

from flask import Blueprint, Flask, Response, abort, current_app, request
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy.exc import SQLAlchemyError

from journal.extensions import db, limiter

log = logging.getLogger(__name__)

EXTENSION = "journal.metrics"
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"

# Returns (alert emails waiting: neither sent nor given up, age in seconds of the oldest of them or 0).
Backlog = Callable[[], tuple[int, float]]

bp = Blueprint("metrics", __name__)


class OutboxCollector:
    """The alert outbox's depth and the age of its oldest waiting email, read when scraped."""

    def __init__(self, backlog: Backlog) -> None:
        self.backlog = backlog

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            depth, oldest = self.backlog()
        except SQLAlchemyError as error:  # the counters matter most during an outage: scrape them without these
            log.warning("metrics: alert outbox not read (%s)", type(error).__name__)
            _rollback()
            return
        yield GaugeMetricFamily("journal_alert_outbox_depth", "Safety alert emails waiting to be sent.", value=depth)
        yield GaugeMetricFamily(
            "journal_alert_outbox_oldest_seconds",
            "Age of the oldest safety alert email waiting (0: none).",
            value=oldest,
        )


def _rollback() -> None:
    try:
        db.session.rollback()
    except SQLAlchemyError:  # the connection is gone too
        pass


def exposition(backlog: Backlog) -> bytes:
    """Every metric in Prometheus's text format: all workers' under gunicorn, this process's otherwise."""
    if os.environ.get(MULTIPROCESS_DIR):
        counted = CollectorRegistry()
        multiprocess.MultiProcessCollector(counted)
    else:
        counted = REGISTRY
    outbox = CollectorRegistry()
    outbox.register(OutboxCollector(backlog))
    return generate_latest(counted) + generate_latest(outbox)


def _authorized(token: str) -> bool:
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


@bp.get("/metrics")
@limiter.exempt
def metrics():
    token = current_app.config.get("METRICS_TOKEN")
    if not token:
        abort(404)
    if not _authorized(token):
        return Response("", 401, {"WWW-Authenticate": 'Bearer realm="metrics"'})
    return Response(exposition(current_app.extensions[EXTENSION]), content_type=CONTENT_TYPE_LATEST)


def init_scrape(app: Flask, *, outbox_backlog: Backlog) -> None:
    """Keep the function that reads the alert outbox for ``/metrics``."""
    app.extensions[EXTENSION] = outbox_backlog
