"""Crisis lines by region, from ``journal/data/crisis-lines.json`` or the operator's ``CRISIS_RESOURCES``.

A region is ``{"title": ..., "lines": [...]}``; a line is ``{"name", "number",
"text", "hours", "emergency"}`` (any of number and text may be null), or, in
an operator's own list, a plain sentence.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from flask import current_app

DATA = Path(__file__).resolve().parent.parent / "data" / "crisis-lines.json"


@cache
def packaged() -> list[dict]:
    return json.loads(DATA.read_text(encoding="utf-8"))["regions"]


def regions() -> list[dict]:
    """The configured regions, in their configured order (the packaged list unless the operator set one)."""
    configured = current_app.config.get("CRISIS_RESOURCES")
    return packaged() if configured is None else configured


def region_titles() -> list[str]:
    return [region["title"] for region in regions()]


def resources(region: str | None) -> list[dict]:
    """Every region, the person's own first."""
    return sorted(regions(), key=lambda group: group["title"] != region)


def danger_number(region: str | None) -> str | None:
    """The number to call when in danger now: the person's region's emergency line (else its first number)."""
    lines = [line for line in (resources(region) or [{"lines": []}])[0]["lines"]
             if isinstance(line, dict) and line.get("number")]
    emergency = [line for line in lines if line.get("emergency")]
    return (emergency or lines or [{"number": None}])[0]["number"]


def line_text(line: dict | str) -> str:
    """A line as one sentence, for print: name, number, text option and hours."""
    if isinstance(line, str):
        return line
    parts = [line["name"]]
    if line.get("number"):
        parts.append(f"call {line['number']}")
    if line.get("text"):
        parts.append(line["text"].lower() if line.get("number") else line["text"])
    text = ": ".join(parts[:2]) + "".join(f", {part}" for part in parts[2:])
    return text + (f" ({line['hours']})" if line.get("hours") else "")
