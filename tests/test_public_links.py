"""Every absolute link, in mail and on screen, is built by ``mail.absolute_url`` on ``PUBLIC_URL``."""

from __future__ import annotations

import re
from pathlib import Path

from journal.models import Role
from tests.conftest import login_client

ROOT = Path(__file__).resolve().parent.parent
# Ways to build a link from the request's Host header; only mail.absolute_url may fall back on it.
HOST_BUILT = re.compile(r"_external\s*=\s*True|_external=true|host_url|url_root|request\.host\b")


def test_an_invite_link_is_built_on_public_url_not_the_host_header(app, make_user):
    app.config.update(PUBLIC_URL="https://journal.example.org")
    make_user(Role.THERAPIST, email="t@example.org")
    client = login_client(app, "t@example.org")
    page = client.get("/therapist/invite").get_data(as_text=True)  # the request's host is localhost
    assert "https://journal.example.org/connect/" in page and "localhost" not in page


def test_no_other_code_builds_a_link_from_the_request_host():
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("journal", "templates")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in {".py", ".html", ".txt"} and path.name != "mail.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HOST_BUILT.search(line)
    ]
    assert found == [], "build absolute links with journal.mail.absolute_url (on PUBLIC_URL)"
