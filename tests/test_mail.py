"""Outgoing mail: a real SMTP server, the log when there is none, and links that never trust the Host header."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from email import message_from_binary_file
from email.policy import default
from mailbox import Maildir

import pytest
from flask_babel import get_locale

from journal import mail
from journal.models import Role
from tests.live_server import free_port
from tests.mail_server import html_of, text_of


def letter(app, to="p@example.org"):
    with app.test_request_context("/"):
        return mail.compose(
            "password_changed", to, "Your password was changed", name="Robin", link=mail.absolute_url("recovery.forgot")
        )


def kept_mail(folder) -> list:
    """The messages in a Maildir, read as the modern email API reads them."""
    return list(Maildir(folder, factory=lambda file: message_from_binary_file(file, policy=default), create=False))


def test_a_message_reaches_the_smtp_server_with_text_and_html(app, mailbox):
    with app.test_request_context("/"):
        mail.send(letter(app))
    (message,) = mailbox.wait_for(1)
    assert message["Subject"] == "Your password was changed" and message["To"] == "p@example.org"
    assert message.is_multipart() and "Hello Robin" in text_of(message) and "<p" in html_of(message)
    assert mailbox.envelopes == [("no-reply@localhost", ["p@example.org"])]


def test_without_a_server_development_writes_the_message_to_the_log(app, caplog):
    app.config.update(MAIL_SERVER=None, ENV_NAME="development")
    with app.test_request_context("/"), caplog.at_level(logging.INFO, logger="journal.mail"):
        mail.send(letter(app))
    assert "Hello Robin" in caplog.text and "/password/forgot" in caplog.text


def test_without_a_server_production_logs_only_that_nothing_was_sent(app, caplog):
    app.config.update(MAIL_SERVER=None, ENV_NAME="production", PUBLIC_URL="https://journal.example.org")
    with app.test_request_context("/"), caplog.at_level(logging.INFO, logger="journal.mail"):
        mail.send(letter(app))
    assert "not sent" in caplog.text and "Hello Robin" not in caplog.text and "password/forgot" not in caplog.text


def test_without_a_server_a_maildir_keeps_each_message_and_the_log_says_to_whom(app, caplog, tmp_path):
    app.config.update(MAIL_SERVER=None, ENV_NAME="development", MAIL_MAILDIR=str(tmp_path / "mail"))
    with app.test_request_context("/"), caplog.at_level(logging.INFO, logger="journal.mail"):
        mail.send(letter(app))
        mail.send(letter(app, to="q@example.org"))
    kept = sorted(kept_mail(tmp_path / "mail"), key=lambda message: message["To"])
    assert [message["To"] for message in kept] == ["p@example.org", "q@example.org"]
    assert "Hello Robin" in text_of(kept[0]) and "<p" in html_of(kept[0])
    assert "To: p@example.org\nSubject: Your password was changed" in caplog.text
    assert str(tmp_path / "mail" / "new") in caplog.text


def test_make_run_prints_each_message_and_keeps_it_in_instance_mail(tmp_path):
    """A development app in a process of its own (no test's log capture): the message reaches stderr."""
    script = (
        "from journal import create_app, mail\n"
        "app = create_app('development', {'SQLALCHEMY_DATABASE_URI': 'sqlite://'}, sys.argv[1])\n"
        "with app.test_request_context('/'):\n"
        "    mail.send(mail.compose('password_changed', 'p@example.org', 'Your password was changed',"
        " name='Robin', link=mail.absolute_url('recovery.forgot')))\n"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("JOURNAL_")}
    done = subprocess.run(
        [sys.executable, "-c", "import sys\n" + script, str(tmp_path)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "To: p@example.org" in done.stderr and "Subject: Your password was changed" in done.stderr
    assert "Hello Robin" in done.stderr and "/password/forgot" in done.stderr
    (kept,) = kept_mail(tmp_path / "mail")
    assert kept["Subject"] == "Your password was changed"


def test_an_unreachable_server_raises_mail_not_sent(app):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port(), MAIL_USE_TLS=False, MAIL_TIMEOUT=2)
    with app.test_request_context("/"), pytest.raises(mail.MailNotSent):
        mail.send(letter(app))


def test_links_use_public_url_and_never_the_host_header(app):
    app.config.update(PUBLIC_URL="https://journal.example.org/")
    with app.test_request_context("/", headers={"Host": "evil.example"}):
        assert mail.absolute_url("recovery.forgot") == "https://journal.example.org/password/forgot"


@pytest.mark.parametrize("url", [None, "", "http://journal.example.org"])
def test_production_refuses_to_start_without_an_https_public_url(tmp_path, url):
    from journal import create_app
    from tests.test_config import MASTER_KEY, STRONG_KEY

    with pytest.raises(RuntimeError, match="JOURNAL_PUBLIC_URL"):
        create_app(
            "production",
            {
                "SECRET_KEY": STRONG_KEY,
                "MASTER_KEY": MASTER_KEY,
                "PUBLIC_URL": url,
                "SQLALCHEMY_DATABASE_URI": "sqlite://",
            },
            tmp_path,
        )


def test_a_reset_link_is_not_built_from_a_forged_host(app, client, make_user, mailbox):
    from tests.auth.test_recovery import verify
    from tests.mail_server import link_in

    user = make_user(email="p@example.org")
    verify(app, user.id)
    app.config.update(PUBLIC_URL="https://journal.example.org", PASSWORD_RESET_ANSWER_SECONDS=0)
    page = client.get("/password/forgot", base_url="http://evil.example").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    answer = client.post(
        "/password/forgot", data={"email": "p@example.org", "csrf_token": token}, base_url="http://evil.example"
    )
    assert answer.status_code == 200
    answer.close()  # as a server does once the answer is sent: the mail goes then
    assert link_in(mailbox.wait_for(1)[0]).startswith("https://journal.example.org/password/reset/")


# Every email in its reader's language ------------------------------------------------------------------------


def rendered_in(app, send) -> list[tuple[str, str]]:
    """(template, active locale) for each template ``send`` renders."""
    from flask import template_rendered

    seen: list[tuple[str, str]] = []

    def record(sender, template, context, **extra):
        seen.append((template.name, str(get_locale())))

    with template_rendered.connected_to(record, app):
        send()
    return seen


def test_an_email_is_rendered_in_its_readers_language_not_the_requests(app, make_user):
    reader = make_user(email="d@example.org", display_name="Dana", locale="de")
    with app.test_request_context("/", headers={"Accept-Language": "es"}):
        message = None

        def send():
            nonlocal message
            message = mail.compose("password_changed", reader.email, "Subject", reader=reader, name="Dana", link="x")

        seen = rendered_in(app, send)
        assert str(get_locale()) == "es"  # the request's own language is left as it was
    assert {name for name, _ in seen} >= {"mail/password_changed.txt", "mail/password_changed.html"}
    assert {locale for _, locale in seen} == {"de"}
    assert '<html lang="de" dir="ltr">' in message.get_body(("html",)).get_content()


def test_without_a_reader_the_account_holding_the_address_decides(app, make_user):
    from journal.extensions import db
    from journal.models import User

    owner = make_user(email="a@example.org", locale="ar")
    with app.test_request_context("/"):
        loaded = db.session.get(User, owner.id)  # the sender has the recipient in hand, as every sender does
        seen = rendered_in(app, lambda: mail.compose("password_changed", "a@example.org", "S", name="A", link="x"))
        html = mail.compose("password_changed", "a@example.org", "S", name="A", link="x").get_body(("html",))
        assert loaded.locale == "ar"
    assert {locale for _, locale in seen} == {"ar"}
    assert '<html lang="ar" dir="rtl">' in html.get_content()
    with app.test_request_context("/", headers={"Accept-Language": "pt-BR"}):  # a new address: the asker's language
        seen = rendered_in(app, lambda: mail.compose("confirm_new_email", "new@example.org", "S", hours=48, link="x"))
    assert {locale for _, locale in seen} == {"pt_BR"}


def test_a_lazy_subject_is_translated_in_the_readers_language(app, make_user, monkeypatch):
    from flask_babel import lazy_gettext

    from journal import i18n

    reader = make_user(email="d@example.org", locale="de")
    monkeypatch.setattr(
        "flask_babel.Domain.gettext", lambda self, string, **v: f"[{i18n.current_locale()}] {string}" % v
    )
    with app.test_request_context("/"):
        message = mail.compose(
            "password_changed", reader.email, lazy_gettext("Your password was changed"), reader=reader
        )
    assert message["Subject"] == "[de] Your password was changed"


def test_a_safety_alert_email_is_in_the_therapists_language_with_a_date_in_it(app, make_user):
    import uuid
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from journal.safety import outbox

    therapist = make_user(Role.THERAPIST, email="t@example.org", locale="de", time_zone="Europe/Berlin")
    alert = SimpleNamespace(id=uuid.uuid4(), created_at=datetime(2026, 12, 3, 9, 30, tzinfo=UTC))
    with app.test_request_context("/", headers={"Accept-Language": "en"}):  # sent after a patient's request
        seen = rendered_in(app, lambda: outbox._message(alert, therapist, reminder=False))
        message = outbox._message(alert, therapist, reminder=False)
    assert {locale for _, locale in seen} == {"de"}
    assert "3. Dezember 2026" in text_of(message) and "December" not in text_of(message)
