"""Outgoing email: compose from templates, send over SMTP, or write to the log.

Every message is built here, from ``templates/mail/<name>.txt`` and
``.html``, so one place decides what an email may hold: that something is
waiting and a link, never journal text, a medicine, a mood or a therapist's
words. With no ``MAIL_SERVER`` (the ``make run`` default) a message is written
to the log in development and testing, and development also keeps it in a
Maildir (``instance/mail``), so the flows still work; production logs only that
a message was not sent.

Every message is written in its recipient's language (``journal.i18n.reader_locale``), whoever's request
sends it: ``compose`` renders the subject and both bodies inside ``speaking`` that language, so a subject
is best given lazily (``lazy_gettext``) and is translated there.
"""

from __future__ import annotations

import logging
import mailbox
import os
import smtplib
import ssl
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from urllib.parse import urljoin

from flask import current_app, render_template, request, url_for

from journal.extensions import db
from journal.i18n import current_locale, reader_locale, speaking
from journal.models import User

log = logging.getLogger(__name__)


class MailNotSent(RuntimeError):
    """The SMTP server could not be reached or refused the message.

    ``permanent``: the server said no for good (a 5xx reply), so trying again will not help; a 4xx
    reply or a connection that failed may succeed later. ``reason`` is the reply code and the error's
    class, never the message or the server's words (they may echo an address)."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        code = reply_code(error)
        self.permanent = code is not None and code >= 500
        self.reason = f"{code} {type(error).__name__}" if code is not None else type(error).__name__


def reply_code(error: BaseException) -> int | None:
    """The SMTP reply code of a refusal, if the server gave one."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return max(codes) if codes else None
    return getattr(error, "smtp_code", None) if isinstance(error, smtplib.SMTPResponseException) else None


def absolute_url(endpoint: str, **values) -> str:
    """An absolute link, on ``PUBLIC_URL`` (never the request's Host header in production).

    The one builder of absolute links, for an email or a page alike (an invite link); no other code uses
    ``_external=True`` or the request's host (``tests/test_public_links.py`` checks it).
    """
    path = url_for(endpoint, **values)
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return urljoin(base.rstrip("/") + "/", path.lstrip("/"))
    return urljoin(request.host_url, path.lstrip("/"))  # outside production (which refuses to start without it)


def site_url() -> str:
    """Where people reach the app: ``PUBLIC_URL``, else where ``flask run`` serves (``make run`` sets
    ``FLASK_RUN_HOST`` and ``FLASK_RUN_PORT``), for links made outside a request."""
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return str(base).rstrip("/")
    return f"http://{os.environ.get('FLASK_RUN_HOST') or '127.0.0.1'}:{os.environ.get('FLASK_RUN_PORT') or 5000}"


def recipient_locale(to: str, reader: object | None = None) -> str:
    """The language to write to ``to`` in: the reader's (the account the message is for); without one, that of
    the account holding the address among those this request has loaded (the sender of a message has its
    recipient in hand: no query, nothing flushed), else the current request's (a new address, not yet any
    account's, is confirmed by the person asking)."""
    if reader is None:
        reader = next(
            (row for row in db.session.identity_map.values() if isinstance(row, User) and row.email == to), None
        )
    return reader_locale(reader) if reader is not None else current_locale()


def compose(
    template: str,
    to: str,
    subject: str,
    *,
    reader: object | None = None,
    headers: dict[str, str] | None = None,
    **context,
) -> EmailMessage:
    """Plain text and simple HTML from ``mail/<template>``, with Date and Message-ID, in the recipient's language.

    ``reader`` is the account the message is for (its ``locale``); without it, the account holding ``to``.
    ``subject`` (a lazy string) and the templates are rendered in that language.
    """
    config = current_app.config
    sender = config["MAIL_FROM"]
    with speaking(recipient_locale(to, reader)):
        subject = str(subject)
        context = {"subject": subject, **context}
        text = render_template(f"mail/{template}.txt", **context)
        html = render_template(f"mail/{template}.html", **context)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = str(Address(addr_spec=to))
    message["Date"] = formatdate(usegmt=True)
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid(domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def send(message: EmailMessage) -> None:
    """Hand the message to the SMTP server, or log it when none is configured.

    Raises MailNotSent when the server cannot be reached or refuses it; the
    caller decides whether the person is told (a reset request never says).
    """
    config = current_app.config
    if not config.get("MAIL_SERVER"):
        _keep_unsent(message)
        return
    try:
        smtp = smtplib.SMTP(config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=config["MAIL_TIMEOUT"])
    except (OSError, smtplib.SMTPException) as error:
        log.error("mail not sent: %s (%s)", message["Subject"], type(error).__name__)
        raise MailNotSent(error) from error
    try:
        if config["MAIL_USE_TLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        log.error("mail not sent: %s (%s)", message["Subject"], type(error).__name__)
        raise MailNotSent(error) from error
    finally:
        _hang_up(smtp)


def _keep_unsent(message: EmailMessage) -> None:
    """No SMTP server: production logs only that nothing was sent (never a body: it holds links). Elsewhere the
    plain text goes to the log with its To and Subject, and into ``MAIL_MAILDIR`` when set (development)."""
    config = current_app.config
    if config["ENV_NAME"] == "production":
        log.warning("mail not sent (no MAIL_SERVER): %s", message["Subject"])
        return
    kept = ""
    if config.get("MAIL_MAILDIR"):
        folder = Path(current_app.instance_path, config["MAIL_MAILDIR"])
        kept = f", kept in {folder / 'new' / mailbox.Maildir(folder, create=True).add(message)}"
    log.info(
        "mail (no MAIL_SERVER, so written here instead of sent%s)\nTo: %s\nSubject: %s\n\n%s",
        kept,
        message["To"],
        message["Subject"],
        message.get_body(("plain",)).get_content(),
    )


def _hang_up(smtp: smtplib.SMTP) -> None:
    """Say goodbye; once the server has accepted the message, a failed QUIT does not unsend it."""
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()
