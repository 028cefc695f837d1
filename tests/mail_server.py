"""A real SMTP server for the suite (aiosmtpd on a free local port) and what it received."""

from __future__ import annotations

import asyncio
import email
import email.policy
import re
import threading
import time
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from tests.live_server import free_port

LINK = re.compile(r"https?://\S+")


class Mailbox:
    """Every message the server accepted, parsed, in order of arrival.

    A test can make the server refuse each recipient (``refuse = "451 4.3.0 Try again later"`` or a
    5xx), or hold each conversation at the recipient until ``release`` is set (``hold``, with
    ``arrived`` set once a sender is waiting there), or take its time over each message (``slow``).
    """

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        if getattr(self, "release", None):
            self.release.set()  # let any conversation still held go
        self.refuse: str | None = None
        self.hold = False
        self.slow = 0.0
        self.arrived, self.release = threading.Event(), threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:  # aiosmtpd's hook
        if self.hold:
            release = self.release  # this conversation's: a later reset does not strand it
            self.arrived.set()
            while not release.is_set():
                await asyncio.sleep(0.02)
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd's handler hook
        if self.slow:
            await asyncio.sleep(self.slow)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"

    def clear(self) -> None:
        with self._lock:
            self.messages.clear()
            self.envelopes.clear()
        self.reset()

    def wait_for(self, count: int = 1, seconds: float = 10) -> list[EmailMessage]:
        """The messages once at least ``count`` have arrived (a server in another process may be slower)."""
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.messages) >= count, f"expected {count} message(s), got {len(self.messages)}"
        return list(self.messages)


def text_of(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(("html",)).get_content()


def link_in(message: EmailMessage) -> str:
    """The one link a message's plain text holds."""
    links = LINK.findall(text_of(message))
    assert len(links) == 1, links
    return links[0]


class SmtpServer:
    """aiosmtpd in a thread of the test process, on 127.0.0.1 and a free port."""

    def __init__(self) -> None:
        self.mailbox = Mailbox()
        self.port = free_port()
        self._controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpServer:
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()

    @property
    def settings(self) -> dict:
        return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": self.port, "MAIL_USE_TLS": False}
