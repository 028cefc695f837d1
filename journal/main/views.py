"""Home, crisis resources, and what search engines may see (robots.txt, descriptions)."""

from __future__ import annotations

from flask import Blueprint, Response, has_request_context, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from journal.main.home import patient_home
from journal.models import Role
from journal.safety import crisis as crisis_lines

bp = Blueprint("main", __name__)

# The pages a search engine may list, with the line a result shows; every other page says noindex (base.html).
PUBLIC_PAGES = {
    "auth.login": _l("A private journal for reflecting after psychedelic-assisted therapy sessions. Log in to yours."),
    "auth.register": _l(
        "Create a private journal for reflecting after psychedelic-assisted therapy sessions. "
        "Nothing is shared unless you choose to share it."
    ),
    "main.crisis": _l("Need help now? Emergency numbers and crisis lines you can call or text today."),
}


@bp.app_context_processor
def page_description() -> dict[str, str | None]:
    """The description of a public page, for base.html; None marks a private page."""
    description = PUBLIC_PAGES.get(request.endpoint or "") if has_request_context() else None
    # A str, so the page escapes it (a lazy string counts as markup and would not be) inside its attribute.
    return {"page_description": str(description) if description is not None else None}


@bp.get("/robots.txt")
def robots():
    """Crawlers may read the public pages (and the styles they need); nothing else."""
    allowed = [url_for(endpoint) for endpoint in PUBLIC_PAGES] + ["/static/"]
    lines = ["User-agent: *", *(f"Allow: {path}" for path in allowed), "Disallow: /"]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


@bp.get("/")
def index():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    if current_user.role == Role.THERAPIST:
        return redirect(url_for("therapist.index"))
    if current_user.role == Role.ADMIN:
        return redirect(url_for("admin.users"))
    return render_template("main/index.html", **patient_home(current_user))


@bp.get("/help")
def crisis():
    return render_template("main/crisis.html", **crisis_lines.help_page(current_user))
