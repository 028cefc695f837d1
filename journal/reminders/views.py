"""One-click unsubscribe from reminder emails (RFC 8058): no login, a signed link."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from journal.access import deny
from journal.extensions import csrf
from journal.reminders.services import stop_reminders, user_of_token

bp = Blueprint("reminders", __name__)


@bp.route("/reminders/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # mail clients post here with no page and no cookie (List-Unsubscribe-Post); the signed link is the key
def unsubscribe(token: str):
    user = user_of_token(token)
    if user is None:
        deny()
    if request.method == "POST":
        stop_reminders(user)
        return render_template("reminders/unsubscribed.html")
    return render_template("reminders/unsubscribe.html", token=token)
