"""Account administration: list accounts, disable and enable them. No journal content, ever."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_pgettext, ngettext
from flask_login import current_user
from sqlalchemy import select

from journal import audit
from journal.access import admin_required, deny
from journal.admin.services import set_account_active
from journal.auth.recovery import RESET_MINUTES, send_reset_link
from journal.clock import utcnow
from journal.extensions import db
from journal.models import Role, User
from journal.safety import crisis

bp = Blueprint("admin", __name__, url_prefix="/admin")

# A role as the accounts table names it (the stored value is the role's own, never shown).
ROLE_LABELS = {
    Role.PATIENT: lazy_pgettext("role", "patient"),
    Role.THERAPIST: lazy_pgettext("role", "therapist"),
    Role.ADMIN: lazy_pgettext("role", "admin"),
}


@bp.get("/security")
@admin_required
def security():
    return render_template("admin/security.html", events=audit.events(limit=500), labels=audit.EVENT_LABELS)


@bp.get("/crisis-lines")
@admin_required
def crisis_lines():
    """Every packaged crisis number with its source and last check; those older than 18 months flagged."""
    stale = {(country, name) for country, name, _ in crisis.stale(utcnow().date())}
    return render_template(
        "admin/crisis_lines.html",
        regions=crisis.packaged_regions(),
        stale=stale,
        checked=crisis.packaged()["checked"],
        months=crisis.STALE_MONTHS,
        how_checked=crisis.packaged()["how_checked"],
    )


@bp.get("/users")
@admin_required
def users():
    rows = db.session.scalars(select(User).order_by(User.role, User.email))
    return render_template("admin/users.html", users=rows, role_labels=ROLE_LABELS)


def _account(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        deny()
    return user


@bp.post("/users/<id:user_id>/active")
@admin_required
def toggle_active(user_id: int):
    user = _account(user_id)
    if user.id == current_user.id:
        flash(_("You cannot disable your own account."), "error")
        return redirect(url_for("admin.users"))
    set_account_active(user, not user.active)
    if user.active:
        flash(_("%(email)s is now enabled.", email=user.email), "success")
    else:
        flash(_("%(email)s is now disabled.", email=user.email), "success")
    return redirect(url_for("admin.users"))


@bp.post("/users/<id:user_id>/reset-link")
@admin_required
def reset_link(user_id: int):
    """Email the account a password reset link; an admin never sets or sees a password."""
    user = _account(user_id)
    if not user.active or not user.email_verified:
        flash(
            _(
                "%(email)s cannot get a reset link: the account is disabled or its address is not confirmed.",
                email=user.email,
            ),
            "error",
        )
    elif send_reset_link(user, admin=current_user._get_current_object()):
        flash(
            ngettext(
                "A reset link has been sent to %(email)s. It works for %(num)d minute.",
                "A reset link has been sent to %(email)s. It works for %(num)d minutes.",
                RESET_MINUTES,
                email=user.email,
            ),
            "success",
        )
    else:
        flash(_("The email could not be sent just now. Please try again later."), "error")
    return redirect(url_for("admin.users"))
