"""The container files, checked without Docker: Dockerfile, compose.yaml, deploy/crontab and deploy/Caddyfile."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SECRET_NAME = re.compile(r"SECRET|KEY|PASSWORD|TOKEN", re.IGNORECASE)
JOBS = ("send-reminders", "send-alerts", "purge-records")


def instructions(path: Path) -> list[tuple[str, str]]:
    """A Dockerfile's instructions, continuation lines joined, comments left out."""
    text = re.sub(r"\\\n(\s*#.*\n)*", " ", path.read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [tuple(line.split(None, 1)) for line in lines if line and not line.startswith("#")]


def final_stage() -> list[tuple[str, str]]:
    steps = instructions(ROOT / "Dockerfile")
    last_from = max(i for i, (op, _) in enumerate(steps) if op.upper() == "FROM")
    return steps[last_from:]


def assignments(op: str, args: str) -> list[tuple[str, str]]:
    """The (name, value) pairs an ENV or ARG sets; an ARG without a default has the value ''."""
    words = shlex.split(args)
    if op == "ENV" and len(words) >= 2 and "=" not in words[0]:  # the legacy form: ENV NAME value
        return [(words[0], " ".join(words[1:]))]
    return [tuple(word.split("=", 1)) if "=" in word else (word, "") for word in words]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def app_services(compose: dict) -> list[str]:
    """The services that serve the app: built from this image, running its default command (gunicorn)."""
    return [name for name, s in compose["services"].items() if "build" in s and "command" not in s]


def test_the_image_is_multi_stage_on_python_311_slim_and_runs_gunicorn_as_a_non_root_user():
    steps = instructions(ROOT / "Dockerfile")
    bases = [args.split()[0] for op, args in steps if op.upper() == "FROM"]
    assert len(bases) >= 2 and all(base == "python:3.11-slim" for base in bases)
    users = [args.split(":")[0] for op, args in final_stage() if op.upper() == "USER"]
    assert users and users[-1] not in ("root", "0")
    command = [args for op, args in final_stage() if op.upper() == "CMD"][-1]
    assert "gunicorn" in command and "journal:create_app()" in command


def test_the_image_checks_healthz_compiles_catalogs_and_has_the_pdf_fonts():
    checks = [args for op, args in final_stage() if op.upper() == "HEALTHCHECK"]
    assert checks and "/healthz" in checks[-1]
    runs = " ".join(args for op, args in instructions(ROOT / "Dockerfile") if op.upper() == "RUN")
    assert "pybabel compile -d translations" in runs
    packages = re.search(r"^PDF_PACKAGES := (.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE).group(1).split()
    final_runs = " ".join(args for op, args in final_stage() if op.upper() == "RUN")
    fonts = [package for package in packages if package.startswith("fonts-")]
    assert fonts and all(package in final_runs.split() for package in fonts)


def test_no_env_or_arg_bakes_a_secret_into_the_image():
    for op, args in instructions(ROOT / "Dockerfile"):
        if op.upper() in ("ENV", "ARG"):
            for name, value in assignments(op.upper(), args):
                assert not (SECRET_NAME.search(name) and value), f"{op} {name} has a value in the image"


def test_the_build_context_leaves_out_keys_and_environments():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {"instance", ".env", ".venv", ".git"} <= set(ignored)


def test_compose_runs_two_app_servers_on_postgres_16_and_redis_7(compose):
    services = compose["services"]
    replicas = sum(services[name].get("deploy", {}).get("replicas", 1) for name in app_services(compose))
    assert replicas >= 2
    assert services["db"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")


def named_volume(compose: dict, service: str, target: str) -> str | None:
    for mount in compose["services"][service].get("volumes", []):
        source, _, rest = mount.partition(":")
        if rest.split(":")[0] == target and source in (compose.get("volumes") or {}):
            return source
    return None


def test_postgres_data_and_the_instance_keys_live_in_volumes(compose):
    assert named_volume(compose, "db", "/var/lib/postgresql/data")
    for name in [*app_services(compose), "jobs"]:
        instance = compose["services"][name]["environment"]["JOURNAL_INSTANCE_PATH"]
        assert named_volume(compose, name, instance) == "instance", name


def test_the_servers_and_stores_have_healthchecks(compose):
    for name in [*app_services(compose), "db", "redis"]:
        check = compose["services"][name].get("healthcheck", {})
        assert check.get("test") and not check.get("disable"), name


def test_every_journal_variable_in_compose_is_documented(compose):
    documented = (ROOT / "docs" / "configuration.md").read_text()
    for name, service in compose["services"].items():
        for variable in service.get("environment") or {}:
            if variable.startswith("JOURNAL_"):
                setting = variable.removeprefix("JOURNAL_")
                assert f"`{variable}`" in documented or f"| `{setting}` |" in documented, (name, variable)


def test_compose_holds_no_secret_value_only_references(compose):
    for name, service in compose["services"].items():
        for variable, value in (service.get("environment") or {}).items():
            if SECRET_NAME.search(variable) and value:
                assert str(value).startswith("${"), (name, variable)
        url = (service.get("environment") or {}).get("JOURNAL_DATABASE_URL", "")
        assert not re.search(r"://[^:@/]+:(?!\$\{)[^@]+@", url), "a database password written into compose.yaml"


def test_the_jobs_service_runs_the_three_commands_with_supercronic(compose):
    command = compose["services"]["jobs"]["command"]
    assert command[0] == "supercronic"
    crontab = (ROOT / command[-1].removeprefix("/app/")).read_text()
    lines = [line.split() for line in crontab.splitlines() if line.strip() and not line.startswith("#")]
    commands = {" ".join(fields[5:]) for fields in lines}
    defined = (ROOT / "journal" / "cli.py").read_text()
    for job in JOBS:
        assert f"flask --app journal {job}" in commands, job
        assert f'@click.command("{job}")' in defined, job


def test_caddy_proxies_to_every_app_server_with_readiness_checks(compose):
    assert compose["services"]["caddy"]["image"].startswith("caddy:2")
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    upstreams = re.search(r"reverse_proxy ([^{\n]+)", caddyfile).group(1).split()
    assert sorted(upstreams) == sorted(f"{name}:8000" for name in app_services(compose))
    assert re.search(r"health_uri\s+/readyz", caddyfile)
