"""Getting back in, in a real browser: confirm the address, forget the password, reset it by email."""

from __future__ import annotations

import json
import re
import time
import zipfile
from urllib.parse import quote

from playwright.sync_api import expect

from tests.browser.conftest import check_page, menu
from tests.mail_server import link_in

NEW_PASSWORD = "a slower walk along the canal"


def mail_to(mailbox, email: str, subject: str, seconds: float = 10):
    """The latest message with this subject sent to ``email`` (the server runs in another process)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [m for m in mailbox.messages if m["To"] == email and m["Subject"] == subject]
        if found:
            return found[-1]
        time.sleep(0.1)
    raise AssertionError(f"no {subject!r} for {email}")


def test_confirm_then_forget_and_reset_the_password(page, live_server, new_patient):
    email, password = new_patient(page)
    banner = page.get_by_text("Please confirm your email address")
    assert banner.is_visible()
    page.goto(link_in(mail_to(live_server.mailbox, email, "Please confirm your email address")))
    page.get_by_role("button", name="Confirm my address").click()  # opening the link alone confirms nothing
    page.get_by_text("your email address is confirmed").wait_for()
    assert not banner.is_visible()

    menu(page, "Log out", "button").click()
    page.get_by_role("link", name="Forgot your password?").click()
    check_page(page, "forgot-password")
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Send me a link").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    page.goto(link_in(mail_to(live_server.mailbox, email, "Choose a new password")))
    assert page.url.endswith("/password/reset")  # the token has left the address bar
    check_page(page, "reset-password")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set my new password").click()
    page.get_by_text("Your new password is set").wait_for()
    mail_to(live_server.mailbox, email, "Your password was changed")

    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)  # the old one no longer works
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("don't match an account").wait_for()
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
    menu(page, "Journal").wait_for()


def test_settings_change_the_time_zone_and_clock_and_pages_follow(page, new_patient):
    new_patient(page)
    page.goto("/entries/new")
    page.get_by_label("Title").fill("A walk")
    page.get_by_role("button", name="Save entry").click()
    page.get_by_text("Your entry is saved.").wait_for()
    entry_url = page.url

    menu(page, "Settings").click()
    check_page(page, "settings")
    page.get_by_label("Time zone").fill("Pacific/Kiritimati")  # UTC+14: the date itself moves
    page.get_by_label("12-hour (2:30 PM)").check()
    page.get_by_role("button", name="Save settings").click()
    page.get_by_text("Your settings are saved.").wait_for()
    assert page.get_by_label("Time zone").input_value() == "Pacific/Kiritimati"

    page.goto(entry_url)
    shown = page.locator("main").inner_text()
    assert re.search(r"\d{1,2}:\d{2} (AM|PM)", shown), shown


def test_export_everything_downloads_a_zip(page, new_patient, tmp_path):
    new_patient(page)
    page.goto("/entries/new")
    page.get_by_label("Title").fill("Taken along")
    page.get_by_role("button", name="Save entry").click()
    page.get_by_text("Your entry is saved.").wait_for()
    menu(page, "Settings").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export everything").click()
    download = download_info.value
    assert download.suggested_filename.startswith("integration-journal-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        names = archive.namelist()
        assert "journal.json" in names and "journal.pdf" in names
        assert json.loads(archive.read("journal.json"))["entries"][0]["title"] == "Taken along"


def test_delete_the_account_and_it_cannot_log_in(page, new_patient):
    email, password = new_patient(page)
    menu(page, "Settings").click()
    page.get_by_role("link", name="Delete your account").click()
    check_page(page, "delete-account")
    page.get_by_label("Your password").fill(password)
    page.get_by_label("Type DELETE to confirm").fill("DELETE")
    page.get_by_role("button", name="Delete my account for good").click()
    page.get_by_text("Your account and everything in it have been deleted.").wait_for()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("don't match an account").wait_for()


def test_two_factor_key_in_groups_of_four_and_recovery_codes_as_a_file(page, new_patient):
    import pyotp

    new_patient(page)
    page.goto("/account/mfa")
    page.get_by_role("button", name="Set up two-factor authentication").click()
    key = page.locator("#mfa-key")
    groups = key.locator("span")
    expect(groups).to_have_count(8)  # waits for the page the click opened
    assert groups.count() == 8 and all(len(text) == 4 for text in groups.all_inner_texts())
    first, second = groups.nth(0).bounding_box(), groups.nth(1).bounding_box()
    assert second["x"] > first["x"] + first["width"]  # a visible gap between groups, on one line
    secret = key.text_content()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)  # a copy of the key has no spaces
    check_page(page, "mfa-key")
    page.get_by_label("Code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on").click()
    expect(page.locator(".recovery-codes code")).to_have_count(10)
    codes = page.locator(".recovery-codes code").all_inner_texts()
    # The file is fetched with the page's own session and form rather than by clicking: a click that ends in a
    # download left Chromium's next page load hanging on two CI runs. The form is the one the button submits.
    form = page.locator("form", has=page.get_by_role("button", name="Download them as a text file"))
    fields = form.evaluate("(f) => [...new FormData(f).entries()]")
    answer = page.request.post(
        form.evaluate("(f) => f.action"),
        data="&".join(f"{quote(name)}={quote(value)}" for name, value in fields),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": page.evaluate("location.origin")},
    )
    assert answer.status == 200
    assert answer.headers["content-disposition"] == "attachment; filename=integration-journal-recovery-codes.txt"
    lines = answer.text().splitlines()
    assert [line for line in lines if re.fullmatch(r"[0-9a-f]{6}-[0-9a-f]{6}", line)] == codes
