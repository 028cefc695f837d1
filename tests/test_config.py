import base64
import os
import stat

import pytest

from journal import create_app
from journal.config import SECRET_KEY_FILE, ProductionConfig

STRONG_KEY = "9f1c2e7a4b6d8e0f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b"
MASTER_KEY = "1:" + base64.b64encode(b"m" * 32).decode()


def production(tmp_path, **overrides):
    settings = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/p.sqlite3",
        "MASTER_KEY": MASTER_KEY,
        "PUBLIC_URL": "https://journal.example",
        **overrides,
    }
    return create_app("production", settings, tmp_path)


@pytest.mark.parametrize("key", [None, "", "dev", "changeme", "too-short-0123456789"])
def test_production_refuses_a_missing_or_weak_secret_key(tmp_path, monkeypatch, key):
    monkeypatch.delenv("JOURNAL_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="JOURNAL_SECRET_KEY"):
        production(tmp_path, SECRET_KEY=key)
    assert not (tmp_path / SECRET_KEY_FILE).exists()


def test_production_starts_with_a_strong_key_and_secure_cookies(tmp_path):
    app = production(tmp_path, SECRET_KEY=STRONG_KEY)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_development_generates_a_private_secret_key_once(tmp_path, monkeypatch):
    monkeypatch.delenv("JOURNAL_SECRET_KEY", raising=False)
    tmp_path.chmod(0o755)  # as a fresh checkout's instance/ folder is
    first = create_app("development", {"SQLALCHEMY_DATABASE_URI": "sqlite://"}, tmp_path)
    key_file = tmp_path / SECRET_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700  # the folder holding keys and database is private
    assert len(first.config["SECRET_KEY"]) >= 64
    second = create_app("development", {"SQLALCHEMY_DATABASE_URI": "sqlite://"}, tmp_path)
    assert second.config["SECRET_KEY"] == first.config["SECRET_KEY"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["master.key", SECRET_KEY_FILE]


def test_environment_variables_override_the_config(tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNAL_SECRET_KEY", STRONG_KEY)
    monkeypatch.setenv("JOURNAL_MASTER_KEY", MASTER_KEY)
    monkeypatch.setenv("JOURNAL_DATABASE_URL", "postgresql://someone@db.internal/journal")
    monkeypatch.setenv("JOURNAL_LOG_LEVEL", "WARNING")
    monkeypatch.setenv("JOURNAL_PUBLIC_URL", "https://journal.example")
    app = create_app("production", instance_path=tmp_path)
    assert app.config["SECRET_KEY"] == STRONG_KEY
    # A plain postgresql:// URL is served by psycopg 3, with stale connections checked.
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://someone@db.internal/journal"
    assert app.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is True
    assert app.config["LOG_LEVEL"] == "WARNING"


def test_instance_config_sits_between_defaults_and_environment(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text('LOG_LEVEL = "ERROR"\nCRISIS_RESOURCES = []\n')
    monkeypatch.setenv("JOURNAL_LOG_LEVEL", "DEBUG")
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": "sqlite://"}, tmp_path)
    assert app.config["CRISIS_RESOURCES"] == []
    assert app.config["LOG_LEVEL"] == "DEBUG"


def test_journal_env_chooses_the_config(tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNAL_ENV", "production")
    monkeypatch.setenv("JOURNAL_SECRET_KEY", STRONG_KEY)
    monkeypatch.setenv("JOURNAL_MASTER_KEY", MASTER_KEY)
    monkeypatch.setenv("JOURNAL_PUBLIC_URL", "https://journal.example")
    assert create_app(instance_path=tmp_path).config["ENV_NAME"] == ProductionConfig.ENV_NAME
    monkeypatch.setenv("JOURNAL_ENV", "staging")
    with pytest.raises(RuntimeError, match="Unknown JOURNAL_ENV"):
        create_app(instance_path=tmp_path)


def test_default_database_is_sqlite_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("JOURNAL_DATABASE_URL", raising=False)
    app = create_app("testing", instance_path=tmp_path)
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///" + os.path.join(tmp_path, "journal.sqlite3")


def test_a_100000_character_answer_fits_the_request_limits(app):
    # Worst case: 4-byte characters, each byte percent-encoded.
    assert app.config["MAX_FORM_MEMORY_SIZE"] >= 100_000 * 4 * 3
    assert app.config["MAX_CONTENT_LENGTH"] >= app.config["MAX_FORM_MEMORY_SIZE"] * 5
