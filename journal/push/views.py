"""The page script's three calls: the public key to subscribe with, and keeping or forgetting a browser.

JSON in and out; the CSRF token travels in the ``X-CSRFToken`` header, as with every script's post.
Patients (reminders) and therapists (safety alerts) only; a subscription of someone else is not there (404).
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, request
from flask_babel import gettext as _
from flask_login import current_user

from journal.access import notified_required, own_push_subscription_or_404
from journal.push import keys, services
from journal.push.subscriptions import InvalidSubscription, parse_endpoint, parse_subscription
from journal.ratelimits import push_limit

bp = Blueprint("push", __name__, url_prefix="/push")


@bp.before_request
def push_enabled():
    if not current_app.config.get("PUSH_ENABLED", True):
        abort(404)


def _refused(message: str):
    return {"error": "invalid_subscription", "message": message}, 400


@bp.get("/key")
@notified_required
def key():
    """The VAPID public key, the browser's ``applicationServerKey``."""
    return {"key": keys.public_key_b64()}


@bp.post("/subscriptions")
@notified_required
@push_limit
def subscribe():
    """Keep this browser's subscription (the JSON of ``PushSubscription.toJSON()``): 201 new, 200 known."""
    try:
        info = parse_subscription(request.get_json(silent=True))
    except InvalidSubscription as error:
        return _refused(error.message)
    _row, created = services.subscribe(current_user._get_current_object(), info)
    return {"subscribed": True}, 201 if created else 200


@bp.post("/subscriptions/delete")
@notified_required
@push_limit
def unsubscribe():
    """Forget this browser's subscription, by its endpoint; only one's own (else 404)."""
    data = request.get_json(silent=True)
    endpoint = data.get("endpoint") if isinstance(data, dict) else None
    if not isinstance(endpoint, str) or not endpoint:
        return _refused(_("Expected the endpoint of this browser's subscription."))
    try:
        parse_endpoint(endpoint)
    except InvalidSubscription as error:
        return _refused(error.message)
    services.unsubscribe(own_push_subscription_or_404(endpoint))
    return {"subscribed": False}
