"""The suite's rolled-back cells (tests/worlds.py): what a cell commits is gone after it, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from journal.auth.services import AccountError
from journal.extensions import db
from journal.models import User
from tests.worlds import rolled_back


def emails(app) -> list[str]:
    with app.app_context():
        return sorted(db.session.scalars(select(User.email)))


def test_what_a_cell_commits_is_rolled_back_after_it(app, make_user, client):
    make_user(email="kept@example.org")
    with rolled_back(app):
        make_user(email="cell@example.org")  # create_user commits
        client.post_form(
            "/register",
            {
                "email": "typed@example.org",
                "display_name": "Typed",
                "password": "a quiet walk by the river",
                "time_zone": "UTC",
            },
        )
        assert "cell@example.org" in emails(app)
    assert emails(app) == ["kept@example.org"]


def test_a_rollback_inside_a_cell_undoes_only_its_own_work(app, make_user):
    with rolled_back(app):
        make_user(email="first@example.org")
        with pytest.raises(AccountError):  # the duplicate's rollback must not take "first" with it
            make_user(email="first@example.org")
        make_user(email="second@example.org")
        assert emails(app) == ["first@example.org", "second@example.org"]
    assert emails(app) == []
