"""Throw-away PostgreSQL databases for the suite: made with a unique name, always dropped."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy.engine import make_url

ENV_URL = "JOURNAL_TEST_POSTGRES_URL"
ENV_REQUIRED = "JOURNAL_TEST_REQUIRE_POSTGRES"


def server_url() -> str:
    """Return the server URL, or skip (fail in CI) when none is configured."""
    url = os.environ.get(ENV_URL)
    if not url:
        if os.environ.get(ENV_REQUIRED):
            pytest.fail(f"{ENV_REQUIRED} is set but {ENV_URL} is not")
        pytest.skip(
            f"PostgreSQL run skipped: set {ENV_URL}=postgresql+psycopg://postgres@127.0.0.1:5432/postgres "
            "to run the suite against PostgreSQL too (CI does)."
        )
    return url


def _admin_connection(url: str) -> psycopg.Connection:
    parsed = make_url(url)
    try:
        return psycopg.connect(
            host=parsed.host,
            port=parsed.port or 5432,
            user=parsed.username,
            password=parsed.password,
            dbname=parsed.database or "postgres",
            autocommit=True,
        )
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL at {parsed.host}:{parsed.port} cannot be reached: {error}")


@contextmanager
def temporary_database(label: str) -> Iterator[str]:
    """Create a database named after this run, yield its URL, then drop it."""
    url = server_url()
    name = f"journal_test_{label}_{os.getpid()}_{secrets.token_hex(4)}"
    with _admin_connection(url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with _admin_connection(url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def status_line() -> str:
    """Say whether this run covers PostgreSQL, and how to switch it on."""
    url = os.environ.get(ENV_URL)
    if url:
        parsed = make_url(url)
        return f"PostgreSQL: on ({parsed.host}:{parsed.port or 5432}; each run makes and drops its own databases)"
    return (
        f"PostgreSQL: SKIPPED, {ENV_URL} is unset; set it (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres) "
        "to run every test on PostgreSQL too, as CI does"
    )
