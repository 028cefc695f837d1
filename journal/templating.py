"""Template filters and values every page may use."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from flask_login import current_user

from journal.device import offline_account
from journal.js_messages import js_messages
from journal.models import Role
from journal.timezones import format_local


def local_datetime(moment: datetime | None, fmt: str = "%-d %B %Y, %H:%M", zone: str | None = None) -> str:
    """Show a stored UTC time in the current user's time zone (or ``zone``), on their clock."""
    if moment is None:
        return ""
    user = current_user._get_current_object()  # once: each use of the proxy looks the user up again
    if user.is_authenticated:
        return format_local(moment, zone or user.time_zone, fmt, user.clock)
    return format_local(moment, zone or "UTC", fmt)


def init_templating(app: Flask) -> None:
    """Register the ``localtime`` filter, the ``Role`` enum and the page script's messages for templates.

    Features add their own values (the sharing area adds the unread-replies count).
    """
    app.add_template_filter(local_datetime, "localtime")
    app.add_template_global(Role, "Role")
    app.add_template_global(js_messages, "js_messages")
    app.add_template_global(offline_account, "offline_account")
