"""Account administration: list accounts, disable and enable them. No journal content, ever."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from journal import audit
from journal.access import admin_required
from journal.auth.logins import end_all_sessions
from journal.extensions import db
from journal.models import User

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/security")
@admin_required
def security():
    return render_template("admin/security.html", events=audit.events(limit=500), labels=audit.EVENT_LABELS)


@bp.get("/users")
@admin_required
def users():
    rows = db.session.scalars(select(User).order_by(User.role, User.email))
    return render_template("admin/users.html", users=rows)


@bp.post("/users/<id:user_id>/active")
@admin_required
def toggle_active(user_id: int):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if user.id == current_user.id:
        flash("You cannot disable your own account.", "error")
        return redirect(url_for("admin.users"))
    user.active = not user.active
    db.session.commit()
    audit.record("account_enabled" if user.active else "account_disabled", subject_id=user.id)
    if not user.active:
        end_all_sessions(user)  # a disabled account is logged out everywhere at once
    flash(f"{user.email} is now {'enabled' if user.active else 'disabled'}.", "success")
    return redirect(url_for("admin.users"))
