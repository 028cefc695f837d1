"""Subscribing a browser, and sending a notice to every browser of a person (Web Push, RFC 8030/8291/8292).

``notify`` is called where an email goes out (a reminder, a safety alert), beside it and never instead
of it: a push that fails is logged and forgotten, the email still goes. A push service that answers
404 or 410 says the subscription is gone for good (the person turned notifications off, or the browser
dropped it), so it is deleted. Logs name a subscription by its id and the service's status code, never
its endpoint (an address that reaches one browser) or the payload.
"""

from __future__ import annotations

import json
import logging

import requests
from flask import current_app
from pywebpush import WebPushException, webpush
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from journal.clock import utcnow
from journal.extensions import db
from journal.i18n import reader_locale, speaking
from journal.models import PushSubscription, User
from journal.push import keys
from journal.push.notices import Notice
from journal.push.subscriptions import SubscriptionInfo

log = logging.getLogger(__name__)

GONE = frozenset({404, 410})  # RFC 8030 §7.3: the subscription has expired or was removed


def subscribe(user: User, info: SubscriptionInfo) -> tuple[PushSubscription, bool]:
    """Keep this browser's subscription for ``user``; True when it is new to them. Commits.

    An endpoint already known is updated in place; one kept for another account moves to this one (the
    browser is now logged in as someone else), so a browser is never shared between two people.
    """
    for _attempt in range(2):  # a second request for the same browser may insert it first
        row = db.session.scalar(select(PushSubscription).where(PushSubscription.endpoint == info.endpoint))
        created = row is None or row.user_id != user.id
        if row is None:
            row = PushSubscription(endpoint=info.endpoint, user_id=user.id, created_at=utcnow())
            db.session.add(row)
        elif row.user_id != user.id:
            row.user_id, row.created_at, row.last_used_at = user.id, utcnow(), None
        row.p256dh, row.auth = info.p256dh, info.auth
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            continue
        return row, created
    raise RuntimeError("push subscription could not be saved")


def unsubscribe(row: PushSubscription) -> None:
    """Forget one subscription (the person turned notifications off in that browser). Commits."""
    db.session.execute(delete(PushSubscription).where(PushSubscription.id == row.id))
    db.session.commit()


def subscriptions_of(user_id: int) -> list[PushSubscription]:
    return list(
        db.session.scalars(
            select(PushSubscription).where(PushSubscription.user_id == user_id).order_by(PushSubscription.id)
        )
    )


def notify(user: User, notice: Notice) -> int:
    """Send ``notice`` to every browser ``user`` turned notifications on in, in their language; return how
    many push services took it. Never raises: a failure is logged and the caller goes on. Commits."""
    config = current_app.config
    if not config.get("PUSH_ENABLED", True) or not user.active:
        return 0
    try:
        subscriptions = subscriptions_of(user.id)
        if not subscriptions:
            return 0
        with speaking(reader_locale(user)):
            payload = json.dumps(
                {"title": str(notice.title), "body": str(notice.body), "url": notice.url, "tag": notice.tag},
                ensure_ascii=False,
            )
        signer = keys.signer()
        with requests.Session() as http:
            http.max_redirects = 0  # a push service answers; it never sends the server on somewhere else
            delivered = sum(_push(row, payload, notice, signer, http) for row in subscriptions)
        db.session.commit()
        return delivered
    except Exception:  # a notification is a courtesy beside the email: it never breaks the sender
        db.session.rollback()
        log.exception("push notices for user=%s not sent", user.id)
        return 0


def _push(row: PushSubscription, payload: str, notice: Notice, signer, http: requests.Session) -> int:
    """One browser: 1 if its push service took the message. A 404 or 410 deletes the subscription."""
    try:
        webpush(
            row.info(),
            data=payload,
            vapid_private_key=signer,
            vapid_claims={"sub": keys.subject()},  # a new dict each time: pywebpush adds this endpoint's "aud"
            ttl=notice.ttl,
            headers={"Urgency": notice.urgency},
            timeout=float(current_app.config["PUSH_TIMEOUT"]),
            requests_session=http,
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in GONE:
            db.session.delete(row)
            log.info("push subscription %s removed: its push service answered %s", row.id, status)
        else:
            log.warning("push to subscription %s not sent: %s", row.id, status or "no answer")
        return 0
    except requests.RequestException as error:  # its message may hold the endpoint: only the class is logged
        log.warning("push to subscription %s not sent: %s", row.id, type(error).__name__)
        return 0
    row.last_used_at = utcnow()
    return 1
