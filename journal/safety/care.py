"""What follows a save in which risk was noticed: the care card on the next page, and the alerts' emails.

Every save that can notice risk (an entry, a questionnaire) calls ``offer_care`` with its notice.
"""

from __future__ import annotations

from flask import after_this_request, flash

from journal.safety.alerts import email_after_response
from journal.safety.services import Notice

CARE = "care"  # the flash category that carries no text, only "show the card"


def offer_care(notice: Notice) -> None:
    """When risk was noticed: the care card on the next page (the flash holds no word of the journal),
    and the alerts' emails once this response has gone."""
    if notice:
        flash("", CARE)
        alerts = notice.alerts
        after_this_request(lambda response: email_after_response(response, alerts))
