"""Template filters and values every page may use."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from flask_login import current_user

from journal.models import Role
from journal.sharing.services import unread_replies_for_patient
from journal.timezones import to_local


def local_datetime(moment: datetime | None, fmt: str = "%-d %B %Y, %H:%M") -> str:
    """Show a stored UTC time in the current user's time zone."""
    if moment is None:
        return ""
    zone = current_user.time_zone if current_user.is_authenticated else "UTC"
    return to_local(moment, zone).strftime(fmt)


def navigation_counts() -> dict:
    """Unread therapist replies for a patient's navigation (one query, patients only)."""
    if current_user.is_authenticated and current_user.role == Role.PATIENT:
        return {"unread_replies": unread_replies_for_patient(current_user.id)}
    return {"unread_replies": 0}


def init_templating(app: Flask) -> None:
    """Register the ``localtime`` filter, the ``Role`` enum and navigation counts for templates."""
    app.add_template_filter(local_datetime, "localtime")
    app.add_template_global(Role, "Role")
    app.context_processor(navigation_counts)
