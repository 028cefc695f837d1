"""Pages are accessible and work without JavaScript."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from journal import ROOT
from tests.conftest import PASSWORD


class FormScan(HTMLParser):
    """Collect the ids of labelled controls, the controls, and all element ids."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: set[str] = set()
        self.controls: list[dict] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "label" and "for" in attributes:
            self.labels.add(attributes["for"])
        if tag in ("input", "select", "textarea") and attributes.get("type") not in ("hidden", "submit"):
            self.controls.append(attributes)


def scan(page: str) -> FormScan:
    parser = FormScan()
    parser.feed(page)
    return parser


@pytest.fixture
def logged_in(client, auth, make_user):
    make_user(email="ana@example.org")
    auth.login("ana@example.org")
    return client


@pytest.mark.parametrize("url", ["/login", "/register"])
def test_every_control_has_a_label(client, url):
    form = scan(client.get(url).get_data(as_text=True))
    assert form.controls
    for control in form.controls:
        assert control.get("id") in form.labels, control


def test_every_control_has_a_label_when_logged_in(logged_in):
    form = scan(logged_in.get("/account/password").get_data(as_text=True))
    assert len(form.controls) == 3
    assert all(control["id"] in form.labels for control in form.controls)


def test_errors_are_tied_to_their_field(logged_in):
    data = {"current_password": PASSWORD, "new_password": "short", "confirm_password": "short"}
    form = scan(logged_in.post_form("/account/password", data).get_data(as_text=True))
    invalid = [c for c in form.controls if c.get("aria-invalid") == "true"]
    assert [c["id"] for c in invalid] == ["new_password"]
    described_by = invalid[0]["aria-describedby"].split()
    assert "new_password-error" in described_by
    assert set(described_by) <= form.ids


TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_templates_have_no_inline_scripts_or_handlers(template: Path):
    source = template.read_text()
    assert not re.search(r"\son[a-z]+\s*=", source), "inline event handler"
    # A data block (type="application/json": the page script's messages) is never run by a browser.
    assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))", source), "inline script"
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", source), "third-party asset"


FOOTER = "Only you decide what anyone else sees."


@pytest.mark.parametrize("role, shown", [("patient", True), ("therapist", False), ("admin", False)])
def test_the_patients_privacy_line_shows_to_patients_only(app, make_user, role, shown):
    from journal.models import Role
    from tests.conftest import login_client

    make_user(Role(role), email=f"{role}@example.org")
    page = login_client(app, f"{role}@example.org").get("/settings").get_data(as_text=True)
    assert (FOOTER in page) is shown


def test_times_follow_the_clock_with_seconds_too():
    from datetime import UTC, datetime

    from journal.timezones import format_local

    moment = datetime(2026, 11, 3, 15, 4, 5, tzinfo=UTC)
    assert format_local(moment, "UTC", "%Y-%m-%d %H:%M:%S", "12h") == "2026-11-03 3:04:05 PM"
    assert format_local(moment, "UTC", "%Y-%m-%d %H:%M:%S") == "2026-11-03 15:04:05"
    assert format_local(moment, "UTC", "%-d %B, %H:%M", "12h") == "3 November, 3:04 PM"
