import pytest
from sqlalchemy import select

from journal.audit import Event
from journal.extensions import db
from journal.models import AuditEvent, Role, User
from tests.conftest import login_client

PASSWORD = "the long way home tonight"


def test_create_user_asks_for_the_password_twice(runner, app):
    result = runner.invoke(
        args=["create-user", "--role", "therapist", "--name", "Dr Rivera", "Rivera@Clinic.example"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created therapist rivera@clinic.example" in result.output
    assert PASSWORD not in result.output
    with app.app_context():
        user = db.session.scalar(select(User))
        assert (user.email, user.role, user.display_name) == ("rivera@clinic.example", Role.THERAPIST, "Dr Rivera")


@pytest.mark.parametrize("confirmed", [True, False])
def test_create_user_confirms_the_address_only_when_asked(runner, app, confirmed):
    flags = ["--confirmed"] if confirmed else []
    result = runner.invoke(
        args=["create-user", "--name", "Dr Rivera", *flags, "rivera@clinic.example"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert ("its address confirmed" if confirmed else "its address not confirmed yet") in result.output
    with app.app_context():
        assert db.session.scalar(select(User)).email_verified is confirmed


def test_create_user_asks_for_a_missing_name(runner, app):
    result = runner.invoke(
        args=["create-user", "--role", "admin", "ops@example.org"], input=f"{PASSWORD}\n{PASSWORD}\nOps\n"
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(User.role)) == Role.ADMIN


def test_create_user_refuses_a_weak_password(runner, app):
    result = runner.invoke(args=["create-user", "--name", "X", "x@example.org"], input="password1234\npassword1234\n")
    assert result.exit_code != 0
    assert "commonly used" in result.output
    with app.app_context():
        assert db.session.scalar(select(User)) is None


def test_create_user_refuses_a_duplicate_email(runner, make_user):
    make_user(email="dup@example.org")
    result = runner.invoke(args=["create-user", "--name", "X", "DUP@example.org"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code != 0
    assert "already exists" in result.output


def test_create_user_refuses_an_unknown_time_zone(runner):
    result = runner.invoke(
        args=["create-user", "--name", "X", "--time-zone", "Atlantis/Capital", "x@example.org"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code != 0
    assert "Unknown time zone" in result.output


def test_disable_user_ends_an_existing_login(runner, app, make_user):
    make_user(email="p@example.org", password=PASSWORD)
    client = login_client(app, "p@example.org", PASSWORD)
    result = runner.invoke(args=["disable-user", "P@example.org"])
    assert result.exit_code == 0, result.output
    assert "p@example.org is now disabled" in result.output
    assert client.get("/account/password").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(User.active)) is False
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.event == Event.ACCOUNT_DISABLED))
        assert (event.event, event.detail) == (Event.ACCOUNT_DISABLED, "from the command line")


def test_enable_user_lets_the_account_log_in_again(runner, app, make_user):
    make_user(email="p@example.org", password=PASSWORD)
    runner.invoke(args=["disable-user", "p@example.org"])
    result = runner.invoke(args=["enable-user", "p@example.org"])
    assert result.exit_code == 0, result.output
    assert login_client(app, "p@example.org", PASSWORD).get("/account/password").status_code == 200


def test_disable_user_refuses_an_unknown_email(runner):
    result = runner.invoke(args=["disable-user", "nobody@example.org"])
    assert result.exit_code != 0
    assert "No account 'nobody@example.org'" in result.output
