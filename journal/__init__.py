"""Integration Journal: a private, guided journal for the integration phase of
ketamine- and psychedelic-assisted therapy."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from journal.admin.views import bp as admin_bp
from journal.auth.recovery_views import bp as recovery_bp
from journal.auth.session import init_login
from journal.auth.views import bp as auth_bp
from journal.cli import register_commands
from journal.config import Config, finish_config, resolve_config
from journal.database import init_session_teardown  # also installs the SQLite pragmas
from journal.entries.drafts_views import bp as drafts_bp
from journal.entries.rescue import bp as rescue_bp
from journal.entries.rescue import rescue_response
from journal.entries.views import bp as entries_bp
from journal.errors import register_errorhandlers
from journal.export.views import bp as export_bp
from journal.extensions import csrf, db, migrate
from journal.http import InMemoryRequest
from journal.i18n import init_i18n
from journal.main.views import bp as main_bp
from journal.measures.views import bp as measures_bp
from journal.offline.views import bp as offline_bp
from journal.ops.health import bp as health_bp
from journal.ops.logs import configure_logging
from journal.ops.metrics import init_request_metrics
from journal.ops.request_id import init_request_id
from journal.ops.scrape import bp as metrics_bp
from journal.ops.scrape import init_scrape
from journal.pictures.views import bp as pictures_bp
from journal.push.views import bp as push_bp
from journal.ratelimits import init_rate_limits
from journal.reminders.views import bp as reminders_bp
from journal.routing import DbIdConverter
from journal.safety import outbox
from journal.safety.views import bp as safety_bp
from journal.security import init_security_headers
from journal.sessions.views import bp as sessions_bp
from journal.settings.views import bp as settings_bp
from journal.sharing.views import bp as sharing_bp
from journal.templating import init_templating
from journal.therapist.records_views import bp as records_bp
from journal.therapist.views import bp as therapist_bp
from journal.vault import init_vault

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def create_app(
    config: str | type[Config] | None = None,
    overrides: Mapping[str, Any] | None = None,
    instance_path: str | Path | None = None,
) -> Flask:
    """Build the application: configuration, extensions, blueprints, errors, commands.

    ``config`` names a config class (default: ``JOURNAL_ENV`` or development);
    ``overrides`` win over every other source; ``instance_path`` defaults to
    ``JOURNAL_INSTANCE_PATH`` or the checkout's ``instance/`` folder.
    """
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(instance_path or os.environ.get("JOURNAL_INSTANCE_PATH") or ROOT / "instance"),
        instance_relative_config=True,
    )
    app.request_class = InMemoryRequest
    load_config(app, config, overrides)
    configure_logging(app)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app, rescue=rescue_response)
    init_templating(app)
    register_commands(app)
    return app


def load_config(app: Flask, config: str | type[Config] | None, overrides: Mapping[str, Any] | None) -> None:
    """Layer the config class, ``instance/config.py``, ``JOURNAL_*`` and overrides."""
    app.config.from_object(resolve_config(config))
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("JOURNAL")
    app.config.update(overrides or {})
    finish_config(app)


def register_extensions(app: Flask) -> None:
    """Bind the database, migrations, login manager and CSRF protection; request ids and metrics."""
    init_request_id(app)
    init_request_metrics(app)
    init_scrape(app, outbox_backlog=outbox.backlog)
    db.init_app(app)
    init_session_teardown(app)  # after db.init_app: teardowns run last-registered first
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    init_login(app, rescue=rescue_response)
    init_vault(app)
    init_security_headers(app)
    init_rate_limits(app)
    init_i18n(app)


def register_blueprints(app: Flask) -> None:
    """Attach each area of the app."""
    app.url_map.converters["id"] = DbIdConverter
    for blueprint in (
        health_bp,
        metrics_bp,
        main_bp,
        auth_bp,
        recovery_bp,
        sessions_bp,
        entries_bp,
        drafts_bp,
        rescue_bp,
        sharing_bp,
        therapist_bp,
        records_bp,
        export_bp,
        admin_bp,
        settings_bp,
        reminders_bp,
        measures_bp,
        safety_bp,
        pictures_bp,
        offline_bp,
        push_bp,
    ):
        app.register_blueprint(blueprint)
