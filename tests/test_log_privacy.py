"""Logs carry ids and events, never a password, an email address, a token or a word of the journal.

One person's everyday path (``tests.journey``: a wrong password, an entry, a search, a share that a therapist
reads and answers, an urgent save that raises an alert and its email, an export, a password reset) with every
logger of the app and its libraries at DEBUG; no record, nor any exception text in it, holds what they typed or
were sent. The same path in JSON lines: ``tests/ops/test_logs.py``.
"""

from __future__ import annotations

import logging

from tests.journey import walk


def everything_logged(caplog) -> str:
    parts = []
    for record in caplog.records:
        if record.name.startswith("mail.log"):  # aiosmtpd: the suite's own SMTP server, not the app
            continue
        parts.append(record.getMessage())
        if record.exc_info:
            parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


def test_logs_hold_no_password_email_token_or_journal_text(app, make_user, sharing, journal, mailbox, caplog):
    caplog.set_level(logging.DEBUG)
    walked = walk(app, make_user, sharing, journal, mailbox)
    logged = everything_logged(caplog)
    assert len(caplog.records) > 10  # the path was logged: ids and events
    for private in walked.private:
        assert private not in logged, private
