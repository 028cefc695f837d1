"""What a notification says: a title, a sentence and a link on this site, never a word anyone wrote.

Like an email (``journal.mail``), a notice says only that something is waiting and where: no journal
text, no name, no medicine, no mood, and for a safety alert neither the patient nor the kind of concern.
The words are lazy, so ``journal.push.services.notify`` renders them in the reader's language. Titles
reuse the matching email's subject.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

HOUR = 60 * 60


@dataclass(frozen=True)
class Notice:
    """One notification. ``url`` is a path on this site; a newer notice with the same ``tag`` replaces an
    older one on the device. ``ttl``: how long a push service keeps it for a device that is offline;
    ``urgency`` (RFC 8030): how soon a device in power-saving mode should wake for it."""

    title: LazyString
    body: LazyString
    url: str
    tag: str
    ttl: int
    urgency: str = "normal"


def reminder_notice() -> Notice:
    """A new reflection is ready (the reminder email's subject); a reminder a day late is only noise."""
    return Notice(
        title=_l("A new reflection is ready"),
        body=_l("Time for a few quiet minutes with your journal."),
        url=url_for("main.index"),
        tag="reminder",
        ttl=6 * HOUR,
    )


def alert_notice(alert_id: uuid.UUID, *, reminder: bool) -> Notice:
    """A safety alert waits for its therapist: the alert's page, nothing about the patient or the concern."""
    title = (
        _l("Reminder: a safety alert is still waiting for you") if reminder else _l("A safety alert is waiting for you")
    )
    return Notice(
        title=title,
        body=_l("A safety alert needs your attention."),
        url=url_for("therapist.alert", alert_id=alert_id),
        tag=f"safety-alert-{alert_id}",
        ttl=24 * HOUR,
        urgency="high",
    )
