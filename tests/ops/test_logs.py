"""JSON log lines (``LOG_FORMAT=json``): each one parses, carries the id of the request it was logged in, and holds
nothing anyone typed or was sent along a whole journey (``tests.journey``) logged at DEBUG."""

from __future__ import annotations

import io
import itertools
import json
import logging

import pytest

from journal import create_app
from journal.ops.logs import JSON_HANDLER, configure_logging
from tests.conftest import BrowserLikeClient
from tests.entries.test_views import editor_fields
from tests.journey import walk
from tests.safety.test_outbox import told  # noqa: F401  (a fixture)

FIELDS = {"timestamp", "level", "logger", "message", "request_id"}


class JsonLines:
    """The JSON handler's output, read a stretch at a time."""

    def __init__(self, buffer: io.StringIO) -> None:
        self.buffer, self.read_to = buffer, 0
        self.lines: list[tuple[dict, str | None]] = []  # each line, and the request it was written during (or None)

    def take(self, during: str | None) -> list[dict]:
        text = self.buffer.getvalue()
        stretch, self.read_to = text[self.read_to :], len(text)
        lines = [json.loads(line) for line in stretch.splitlines()]  # every line is one JSON object
        self.lines += [(line, during) for line in lines]
        return lines


@pytest.fixture
def json_lines(app, caplog):
    """Switch ``app`` to JSON lines at DEBUG (every library's logger too), written to a buffer; the handler goes
    afterwards, so no other test logs JSON."""
    caplog.set_level(logging.DEBUG)
    app.config.update(LOG_FORMAT="json", LOG_LEVEL="DEBUG")
    configure_logging(app)
    root = logging.getLogger()
    (handler,) = [handler for handler in root.handlers if handler.get_name() == JSON_HANDLER]
    buffer = io.StringIO()
    handler.setStream(buffer)  # type: ignore[attr-defined]
    yield JsonLines(buffer)
    root.removeHandler(handler)


def test_a_journey_in_json_lines_names_its_requests_and_holds_nothing_private(
    app, json_lines, make_user, sharing, journal, mailbox
):
    numbers = itertools.count(1)

    class Tagged(BrowserLikeClient):
        """Sends each request with an id of its own, and files the lines logged while it is answered."""

        def open(self, *args, **kwargs):
            if args and not isinstance(args[0], str):  # a redirect being followed: it keeps its request's id
                return super().open(*args, **kwargs)
            json_lines.take(during=None)
            sent = f"journey-{next(numbers):03d}"
            response = super().open(
                *args, headers={**dict(kwargs.pop("headers", None) or {}), "X-Request-ID": sent}, **kwargs
            )
            assert response.headers["X-Request-ID"] == sent
            json_lines.take(during=sent)
            return response

    app.test_client_class = Tagged
    walked = walk(app, make_user, sharing, journal, mailbox)
    json_lines.take(during=None)
    sent = {f"journey-{number:03d}" for number in range(1, next(numbers))}
    app_lines = [(line, during) for line, during in json_lines.lines if not line["logger"].startswith("mail.log")]
    assert len(sent) > 20  # the path was walked, and logged: events and ids, some of them inside requests
    assert len(app_lines) >= 5 and len([during for _, during in app_lines if during]) >= 3
    for line, during in app_lines:
        assert FIELDS <= line.keys(), line
        if during is not None:
            assert line["request_id"] == during, line
        else:  # between requests: outside any, or work a request left for after its answer (its email)
            assert line["request_id"] is None or line["request_id"] in sent, line
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line, _ in app_lines)
    for private in walked.private:
        assert private not in text, private
    assert "@example.org" not in text


def test_text_lines_stay_the_default(app):
    assert app.config["LOG_FORMAT"] == "text"
    assert not [handler for handler in logging.getLogger().handlers if handler.get_name() == JSON_HANDLER]


def test_an_unknown_format_is_refused_at_start(tmp_path):
    with pytest.raises(RuntimeError, match="LOG_FORMAT"):
        create_app("testing", {"LOG_FORMAT": "yaml"}, tmp_path)


@pytest.mark.usefixtures("told")  # a therapist the patient allows to be told
def test_an_alert_email_sent_after_the_answer_logs_under_the_saves_request_id(json_lines, patient, client, mailbox):
    mailbox.refuse = "550 5.1.1 No such mailbox"  # given up at once: a warning line, written once the page has gone
    page = client.get("/entries/new", follow_redirects=True).get_data(as_text=True)
    save = client.post_form(
        "/entries/new",
        {**editor_fields(page), "answer_0": "I am going to kill myself tonight."},
        headers={"X-Request-ID": "the-save"},
    )
    json_lines.take(during="the-save")
    save.close()
    (given_up,) = [line for line in json_lines.take(during=None) if line["message"].startswith("alert mail given up")]
    assert given_up["request_id"] == "the-save"
