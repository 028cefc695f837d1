"""What the app counts for Prometheus, and the helpers that count it where it happens.

Labels are route templates (the URL rule, ``/entries/<uuid:entry_id>``, never the address asked for), methods,
statuses and fixed words: never a user, an address or a word anyone wrote. Under gunicorn,
``PROMETHEUS_MULTIPROC_DIR`` (read by prometheus_client before the first metric is made) keeps each worker's
counts in that folder, so a scrape adds up every worker (``journal.ops.scrape``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, Response, g, request, request_finished, request_started
from prometheus_client import Counter, Histogram

REQUESTS = Counter(
    "journal_http_requests", "Requests answered, by route template, method and status.", ["route", "method", "status"]
)
LATENCY = Histogram(
    "journal_http_request_duration_seconds", "Time to answer, by route template and method.", ["route", "method"]
)
ENTRY_SAVES = Counter("journal_entry_saves", "Entries saved by their writer: a new entry or an edit.", ["kind"])
CONFLICTS = Counter(
    "journal_save_conflicts", "Saves answered 409: the record changed since its page was opened.", ["record"]
)
UNAVAILABLE = Counter(
    "journal_database_unavailable", "Requests answered 503: the database could not be reached.", ["route"]
)
REMINDER_RUNS = Counter("journal_reminder_runs", "Runs of flask send-reminders, by how they ended.", ["outcome"])

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "unmatched"  # no route: a 404 or 405 for any address, counted under one label


def route() -> str:
    """The current request's route template, or ``unmatched``."""
    return request.url_rule.rule if request.url_rule is not None else UNMATCHED


def count_save(kind: str) -> None:
    """Count an entry saved by its writer (``kind``: ``new`` or ``edit``)."""
    ENTRY_SAVES.labels(kind).inc()


def count_conflict(record: str) -> None:
    """Count a save refused with 409 (``record``: a fixed word such as ``entry``)."""
    CONFLICTS.labels(record).inc()


def count_unavailable() -> None:
    """Count a 503 answered because the database could not be reached."""
    UNAVAILABLE.labels(route()).inc()


@contextmanager
def reminder_run() -> Iterator[None]:
    """Count one run of ``send-reminders``, ``completed`` or ``failed`` (its error goes on)."""
    try:
        yield
    except BaseException:
        REMINDER_RUNS.labels("failed").inc()
        raise
    REMINDER_RUNS.labels("completed").inc()


def _started(sender: Flask, **extra) -> None:
    g.metrics_started = time.perf_counter()


def _finished(sender: Flask, response: Response, **extra) -> None:
    method = request.method if request.method in METHODS else "other"  # a client may send any word
    REQUESTS.labels(route(), method, str(response.status_code)).inc()
    if "metrics_started" in g:
        LATENCY.labels(route(), method).observe(time.perf_counter() - g.metrics_started)


def init_request_metrics(app: Flask) -> None:
    """Count every request and time it, from before the first ``before_request`` hook to the final response."""
    request_started.connect(_started, app)
    request_finished.connect(_finished, app)
