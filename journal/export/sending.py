"""Sending a finished PDF to the person who asked for it."""

from __future__ import annotations

from flask import Response
from flask_login import current_user

from journal.clock import utcnow
from journal.timezones import to_local


def pdf_response(pdf: bytes, kind: str = "integration-journal") -> Response:
    """Send a PDF as a private download with a safe, dated file name: ``kind`` (a fixed word, such as
    ``safety-plan``) and the person's date."""
    name = f"{kind}-{to_local(utcnow(), current_user.time_zone):%Y-%m-%d}.pdf"
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
