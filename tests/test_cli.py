from sqlalchemy import select

from journal.extensions import db
from journal.models import Role, User

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


def test_create_user_asks_for_a_missing_name(runner, app):
    result = runner.invoke(args=["create-user", "--role", "admin", "ops@example.org"], input=f"{PASSWORD}\n{PASSWORD}\nOps\n")
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(User.role)) == Role.ADMIN


def test_create_user_refuses_a_weak_password(runner, app):
    result = runner.invoke(
        args=["create-user", "--name", "X", "x@example.org"], input="password1234\npassword1234\n"
    )
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
