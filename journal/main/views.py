"""Home, crisis resources and the health check."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from journal.extensions import db
from journal.main.home import patient_home
from journal.models import Role
from journal.safety import crisis as crisis_lines

bp = Blueprint("main", __name__)


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
    own = (
        crisis_lines.own_region(current_user.crisis_region, current_user.time_zone)
        if current_user.is_authenticated
        else None
    )
    return render_template(
        "main/crisis.html", resources=crisis_lines.resources(own), own=own, directory=crisis_lines.international()
    )


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        current_app.logger.exception("health check: database unreachable")
        db.session.rollback()
        return {"status": "error", "database": "unreachable"}, 503
    return {"status": "ok", "database": "ok"}
