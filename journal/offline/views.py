"""The service worker, the manifest, the shell pages it caches, and "forget this device"."""

from __future__ import annotations

from flask import Blueprint, Response, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from journal.device import SHELL_PAGES, leave_nothing
from journal.models import Role
from journal.offline import shell
from journal.safety import crisis as crisis_lines

bp = Blueprint("offline", __name__)
bp.add_app_template_global(shell.shell_key, "offline_shell_key")

THEME = "#2f5d62"  # the header's colour (static/css/journal.css)
BACKGROUND = "#f7f5f0"


def _shell_page(template: str, **context) -> str:
    """A page the worker caches: drawn without the person's menu, name, token or any journal text
    (its caching headers: ``journal.security``)."""
    return render_template(template, shell_page=True, **context)


@bp.get("/sw.js")
def service_worker():
    body = render_template(
        "offline/sw.js",
        version=shell.version(),
        cache_prefix=shell.CACHE_PREFIX,
        precached=shell.precached(),
        pages={name: url_for(endpoint) for name, endpoint in SHELL_PAGES.items()},
        scripts=[url_for("static", filename="js/offline-store.js"), url_for("static", filename="js/sw-push.js")],
    )
    response = Response(body, mimetype="text/javascript")
    return response


@bp.get("/manifest.webmanifest")
def manifest():
    icons = [
        {
            "src": url_for("static", filename=f"icons/icon-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "any maskable",
        }
        for size in (192, 512)
    ]
    body = {
        "name": "Integration Journal",
        "short_name": "Journal",
        "description": _("A private journal for reflecting after psychedelic-assisted therapy sessions."),
        "id": "/",
        "start_url": url_for("main.index"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": icons,
    }
    response = make_response(body)
    response.mimetype = "application/manifest+json"
    return response


@bp.get("/offline")
def fallback():
    """What a page that needs the server shows without a connection."""
    return _shell_page("offline/fallback.html")


@bp.get("/offline/help")
def help():
    """The help page as the worker keeps it: the crisis lines of the person's region, nothing else of theirs."""
    return _shell_page("main/crisis.html", **crisis_lines.help_page(current_user))


@bp.get("/offline/write")
def write():
    """The writer that works without a connection; its words stay encrypted on the device until sent."""
    return _shell_page("offline/write.html")


@bp.post("/settings/forget-device")
@login_required
def forget_device():
    """Drop everything this site keeps in this browser; the person stays signed in."""
    flash(_("This device keeps nothing of your journal now."), "success")
    target = "settings.index" if current_user.role != Role.ADMIN else "main.index"
    return leave_nothing(redirect(url_for(target)))
