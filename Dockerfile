# syntax=docker/dockerfile:1
# Integration Journal: gunicorn serving the app from a checkout (templates and static files sit beside journal/).
# No secret is baked in: JOURNAL_SECRET_KEY and the rest come from the environment at run time (docs/deploy.md),
# and the master key lives in the instance volume.

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
COPY journal ./journal
# The dependencies only: the app runs from /app, where it finds its templates, static files and catalogs.
RUN pip install . && pip uninstall --yes integration-journal
COPY translations ./translations
RUN pybabel compile -d translations
# supercronic runs the jobs service's crontab (deploy/crontab); the download is checked against its SHA-1.
ARG SUPERCRONIC_VERSION=v0.2.34
ARG SUPERCRONIC_SHA1SUM=e8631edc1775000d119b70fd40339a7238eece14
RUN python -c "import urllib.request, sys; urllib.request.urlretrieve(sys.argv[1], '/opt/supercronic')" \
      "https://github.com/aptible/supercronic/releases/download/${SUPERCRONIC_VERSION}/supercronic-linux-amd64" \
 && echo "${SUPERCRONIC_SHA1SUM}  /opt/supercronic" | sha1sum -c - \
 && chmod 0755 /opt/supercronic

FROM python:3.11-slim
# Fonts for every script in the PDF export (the Makefile's PDF_PACKAGES, less the test-only poppler-utils), and
# pg_dump/pg_restore 16 from the PostgreSQL project's repository (Debian's 15 cannot dump a 16 server) for
# flask backup and flask restore, which applies the deletion ledger after a restore.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-common \
 && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      fonts-dejavu-core fonts-noto-core fonts-droid-fallback fonts-nanum fonts-symbola postgresql-client-16 \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin journal \
 && install -d -o journal -g journal -m 0700 /var/lib/journal
COPY --from=build /opt/venv /opt/venv
COPY --from=build /opt/supercronic /usr/local/bin/supercronic
WORKDIR /app
COPY --chown=root:root journal ./journal
COPY --chown=root:root templates ./templates
COPY --chown=root:root static ./static
COPY --chown=root:root deploy/crontab ./deploy/crontab
COPY --from=build --chown=root:root /app/translations ./translations
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    FLASK_APP=journal \
    JOURNAL_ENV=production \
    JOURNAL_INSTANCE_PATH=/var/lib/journal
# The app's files belong to root and are read-only to it; it writes only to its instance folder (a volume).
USER journal
VOLUME ["/var/lib/journal"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# As in docs/operations.md: sync workers behind a TLS proxy (JOURNAL_TRUSTED_PROXIES=1 lets the app read its hop).
CMD ["gunicorn", "--workers", "3", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--error-logfile", "-", \
     "journal:create_app()"]
