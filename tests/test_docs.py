"""The documentation keeps up with the code: every setting is documented, every
relative link leads somewhere, and the README stays short.

These tests read files only: no app, no database, no fixtures.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "journal" / "config.py"
PACKAGE = ROOT / "journal"
README = ROOT / "README.md"
DOCS = ROOT / "docs"
CONFIGURATION = DOCS / "configuration.md"
README_LIMIT = 10_000  # bytes

FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
DOCUMENTED = re.compile(r"`([A-Z][A-Z0-9_]*)`")


# --- what the code calls a setting -------------------------------------------------------------


def _is_config(node: ast.expr) -> bool:
    """``app.config``, ``current_app.config`` or a local named ``config``."""
    return (isinstance(node, ast.Attribute) and node.attr == "config") or (
        isinstance(node, ast.Name) and node.id == "config"
    )


def _constant(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def config_class_settings(source: str) -> set[str]:
    """Upper-case attributes assigned in the body of every ``*Config`` class."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.ClassDef) and node.name.endswith("Config")):
            continue
        for statement in node.body:
            targets = (
                statement.targets
                if isinstance(statement, ast.Assign)
                else ([statement.target] if isinstance(statement, ast.AnnAssign) else [])
            )
            names.update(t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper())
    return names


def config_reads(source: str) -> set[str]:
    """Keys read or written as ``….config["NAME"]``, ``….config.get("NAME")`` or ``setting("NAME")``."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and _is_config(node.value):
            names.add(_constant(node.slice))
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            if (isinstance(func, ast.Attribute) and func.attr in ("get", "setdefault") and _is_config(func.value)) or (
                isinstance(func, ast.Name) and func.id == "setting"
            ):
                names.add(_constant(node.args[0]))
    return {name for name in names if name and name.isupper()}


def undocumented(settings: set[str], doc: str) -> list[str]:
    """Settings that do not appear as `NAME` (in backticks) in the document."""
    return sorted(settings - set(DOCUMENTED.findall(doc)))


def test_every_setting_of_the_config_classes_is_documented():
    source = CONFIG.read_text(encoding="utf-8")
    settings = config_class_settings(source) | config_reads(source)  # finish_config's DATABASE_URL too
    # The parser must find the settings, or this test would pass on nothing.
    assert {"SECRET_KEY", "HSTS_ENABLED", "DATABASE_URL", "SESSION_COOKIE_NAME", "TESTING"} <= settings
    assert len(settings) > 25
    missing = undocumented(settings, CONFIGURATION.read_text(encoding="utf-8"))
    assert not missing, (
        f"Settings of journal/config.py missing from docs/configuration.md (add a row with `NAME`): "
        f"{', '.join(missing)}"
    )


def test_every_setting_the_code_reads_is_documented():
    doc = CONFIGURATION.read_text(encoding="utf-8")
    missing = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.relative_to(PACKAGE).parts:
            continue
        for name in undocumented(config_reads(path.read_text(encoding="utf-8")), doc):
            missing.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert not missing, "Settings read by the code but missing from docs/configuration.md: " + "; ".join(
        f"{name} ({', '.join(paths)})" for name, paths in sorted(missing.items())
    )


def test_a_setting_left_out_of_the_doc_is_reported():
    settings = config_class_settings(
        "class Config:\n    HSTS_ENABLED = False\n    LOG_LEVEL: str = 'INFO'\n    lower = 1\n"
        "class ProductionConfig(Config):\n    SESSION_COOKIE_NAME = '__Host-session'\n"
        "class Helper:\n    NOT_A_SETTING = 1\n"
    )
    assert settings == {"HSTS_ENABLED", "LOG_LEVEL", "SESSION_COOKIE_NAME"}
    doc = "| `LOG_LEVEL` | INFO |\n| `SESSION_COOKIE_NAME` | session |\nJOURNAL_HSTS_ENABLED, HSTS_ENABLED\n"
    assert undocumented(settings, doc) == ["HSTS_ENABLED"]
    assert config_reads("x = app.config.get('MASTER_KEY') or config['LOG_LEVEL']; setting('RATELIMIT_X')") == {
        "MASTER_KEY",
        "LOG_LEVEL",
        "RATELIMIT_X",
    }


def test_the_real_doc_fails_without_a_row():
    doc = CONFIGURATION.read_text(encoding="utf-8")
    without = "\n".join(line for line in doc.splitlines() if not line.startswith("| `HSTS_ENABLED`"))
    assert undocumented({"HSTS_ENABLED"}, doc) == []
    assert undocumented({"HSTS_ENABLED"}, without) == ["HSTS_ENABLED"]


# --- links -------------------------------------------------------------------------------------


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = INLINE_CODE.sub(lambda m: m.group(0).strip("`"), heading).strip().lower()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(text: str) -> set[str]:
    seen: dict[str, int] = {}
    result = set()
    for heading in HEADING.findall(FENCE.sub("", text)):
        base = slug(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        result.add(base if count == 0 else f"{base}-{count}")
    return result


def links(text: str) -> list[str]:
    """Link targets outside code blocks and inline code."""
    return LINK.findall(INLINE_CODE.sub("", FENCE.sub("", text)))


def broken_links(text: str, folder: Path) -> list[str]:
    """Relative links (and their #anchors in Markdown files) that lead nowhere."""
    broken = []
    for target in links(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("//"):
            continue  # http:, https:, mailto: …
        path_part, _, anchor = target.partition("#")
        path = (folder / path_part).resolve() if path_part else None
        if path is not None and not path.exists():
            broken.append(target)
            continue
        if anchor:
            page = path.read_text(encoding="utf-8") if path is not None else text
            if (path is None or path.suffix == ".md") and anchor not in anchors(page):
                broken.append(target)
    return broken


def documents() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def test_every_relative_link_leads_to_a_file_that_exists():
    assert len(documents()) >= 6  # README and the five docs
    broken = {
        str(path.relative_to(ROOT)): found
        for path in documents()
        if (found := broken_links(path.read_text(encoding="utf-8"), path.parent))
    }
    assert not broken, f"Broken relative links: {broken}"


def test_the_readme_links_every_doc():
    linked = {(README.parent / target.partition("#")[0]).resolve() for target in links(README.read_text("utf-8"))}
    unlinked = [str(p.relative_to(ROOT)) for p in sorted(DOCS.glob("*.md")) if p.resolve() not in linked]
    assert not unlinked, f"Documents not linked from README.md: {unlinked}"


def test_a_broken_link_is_reported():
    text = (
        "# Top\n## Two words\n[ok](configuration.md) [ok](#two-words) [ok](security.md#encryption-at-rest)\n"
        "[web](https://example.org) `[code](nowhere.md)`\n```\n[fenced](nowhere.md)\n```\n"
        "[gone](nowhere.md) [bad anchor](configuration.md#no-such-heading) [self](#nothing)\n"
    )
    assert broken_links(text, DOCS) == ["nowhere.md", "configuration.md#no-such-heading", "#nothing"]
    assert slug("Sharing with a `therapist`: the basics") == "sharing-with-a-therapist-the-basics"


# --- the README --------------------------------------------------------------------------------


def readme_problems(text: str) -> list[str]:
    problems = []
    size = len(text.encode("utf-8"))
    if size >= README_LIMIT:
        problems.append(f"README.md is {size:,} bytes; keep it under {README_LIMIT:,} and move detail to docs/")
    problems += [
        f"README.md does not mention {command!r}" for command in ("make run", "make test") if command not in text
    ]
    return problems


def test_the_readme_is_short_and_has_the_two_commands():
    problems = readme_problems(README.read_text(encoding="utf-8"))
    assert not problems, "; ".join(problems)


def test_a_long_readme_or_a_missing_command_is_reported():
    assert readme_problems("make run\nmake test\n") == []
    assert len(readme_problems("make run make test " + "x" * README_LIMIT)) == 1
    assert readme_problems("make run only") == ["README.md does not mention 'make test'"]
