"""The care card: offered on the page after a save in which risk was noticed."""

from __future__ import annotations

from flask import Blueprint, flash, get_flashed_messages
from flask_login import current_user

from journal.safety import crisis
from journal.safety.risk import Risk

bp = Blueprint("safety", __name__)

CARE = "care"  # the flash category that carries no text, only "show the card"


def offer_care(risk: Risk) -> None:
    """Show the care card on the next page when risk was noticed. The flash holds no word of the journal."""
    if risk:
        flash("", CARE)


@bp.app_template_global("care_card")
def care_card() -> dict | None:
    """What the card shows, when one was offered for this page: the person's own region's lines first."""
    if not any(category == CARE for category, _ in get_flashed_messages(with_categories=True)):
        return None
    region = current_user.crisis_region if current_user.is_authenticated else None
    resources = crisis.resources(region)
    return {"region": resources[0] if resources else None, "danger_number": crisis.danger_number(region)}
