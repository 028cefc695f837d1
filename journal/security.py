"""Security headers on every response.

The Content-Security-Policy carries a fresh nonce per request for any script
or style that must be inline; the templates have none today (a test scans
them), so the nonce is a safety valve rather than a habit.
"""

from __future__ import annotations

import secrets

from flask import Flask, g, request

from journal.device import SHELL_ENDPOINTS

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)
HSTS = "max-age=31536000; includeSubDomains"


def csp_nonce() -> str:
    """The nonce for this request's Content-Security-Policy."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def content_security_policy() -> str:
    nonce = csp_nonce()
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            f"style-src 'self' 'nonce-{nonce}'",
            "img-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ]
    )


def init_security_headers(app: Flask) -> None:
    """Add the headers to every response: HTML, JSON, PDF and static files alike."""
    app.add_template_global(csp_nonce, "csp_nonce")

    @app.after_request
    def add_headers(response):
        headers = response.headers
        headers["Content-Security-Policy"] = content_security_policy()
        headers["X-Content-Type-Options"] = "nosniff"
        # Not no-referrer: Flask-WTF's CSRF check needs the Referer over HTTPS.
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        headers["Permissions-Policy"] = PERMISSIONS_POLICY
        headers["X-Frame-Options"] = "DENY"
        if app.config.get("HSTS_ENABLED"):
            headers["Strict-Transport-Security"] = HSTS
        if request.endpoint in SHELL_ENDPOINTS and response.status_code == 200:
            # The offline shell (journal.device): holds nothing personal but a language and a
            # region's crisis lines; the service worker keeps it, the browser asks again when online.
            headers["Cache-Control"] = "private, no-cache"
            response.vary.add("Cookie")
        elif request.endpoint != "static":
            # Any other page may carry journal text or a form's posted text, whatever its status and
            # whoever asks (a rescue page is shown to someone logged out): never stored anywhere.
            headers["Cache-Control"] = "no-store"
            response.vary.add("Cookie")
        return response
