"""Fixtures of the push tests: a real local push service (tests/push/push_service.py)."""

from __future__ import annotations

import pytest

from tests.push.push_service import PushService


@pytest.fixture
def push_service():
    """A push service on a free local port, checking and decrypting what it receives."""
    with PushService() as service:
        yield service
    assert service.errors == [], service.errors  # every message was signed and encrypted as the RFCs say
