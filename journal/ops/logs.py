"""Log lines: Flask's text lines by default (``make run``), or one JSON object a line (``LOG_FORMAT=json``).

A JSON line holds the time (UTC, ISO 8601), level, logger, message and the id of the request it was logged in
(``request_id``, null outside one). It goes on a handler of the root logger, so libraries' lines are JSON too.
The app logs ids and events, never what people write.
"""

from __future__ import annotations

import logging

from flask import Flask
from flask.logging import default_handler, has_level_handler
from pythonjsonlogger.json import JsonFormatter

from journal.ops.request_id import request_id

FORMATS = ("text", "json")
JSON_HANDLER = "journal.json"


class RequestIdFilter(logging.Filter):
    """Stamp each record with the id of the request it was logged in."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id()
        return True


def json_handler() -> logging.Handler:
    """A handler writing one JSON object a line to stderr."""
    handler = logging.StreamHandler()
    handler.set_name(JSON_HANDLER)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(
        JsonFormatter(
            "{levelname}{name}{message}{request_id}",
            style="{",
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp=True,
        )
    )
    return handler


def configure_logging(app: Flask) -> None:
    """Log at ``LOG_LEVEL`` in ``LOG_FORMAT``. Text goes to stderr unless a handler already takes it (a log
    config, a test's capture); JSON always gets its handler, installed once per process."""
    log_format = app.config["LOG_FORMAT"]
    if log_format not in FORMATS:
        raise RuntimeError(f"Unknown LOG_FORMAT {log_format!r}; use one of {', '.join(FORMATS)}.")
    logger = logging.getLogger("journal")
    logger.setLevel(app.config["LOG_LEVEL"])
    if log_format == "json":
        logger.removeHandler(default_handler)  # a text line beside each JSON one would break the stream
        root = logging.getLogger()
        if not any(handler.get_name() == JSON_HANDLER for handler in root.handlers):
            root.addHandler(json_handler())
    elif not has_level_handler(logger):
        logger.addHandler(default_handler)
