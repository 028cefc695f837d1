"""One stack for the whole suite (tests/cluster_stack.py): PostgreSQL, Redis, two gunicorn servers, nginx."""

import pytest

from tests import cluster_stack

# Small, so the suite can trip them; the per-account one high, so only the per-address one trips.
SETTINGS = {"RATELIMIT_LOGIN_PER_IP": "6 per 15 minutes", "RATELIMIT_LOGIN_PER_ACCOUNT": "1000 per 15 minutes"}


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if reason := cluster_stack.missing():
        pytest.skip(reason)
    with cluster_stack.cluster(tmp_path_factory.mktemp("cluster"), SETTINGS) as running:
        yield running


@pytest.fixture(autouse=True)
def fresh_counters(stack):
    """Every test starts with no rate-limit counters (the only thing kept in Redis)."""
    stack.redis.flush()
