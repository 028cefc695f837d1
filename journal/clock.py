"""The one source of the current time, so tests can control it."""

from __future__ import annotations

from datetime import UTC, datetime

_frozen: datetime | None = None


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return _frozen or datetime.now(UTC)


def freeze(moment: datetime | None) -> None:
    """Make ``utcnow`` return ``moment`` (None restores the real clock). For tests and tools."""
    global _frozen
    if moment is not None and moment.tzinfo is None:
        raise ValueError("freeze() needs an aware datetime")
    _frozen = moment
