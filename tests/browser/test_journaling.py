"""Journeys in a real browser: write, survive an ended session, two tabs, share, export.

Each runs at desktop and phone size; every page visited is checked with axe-core
and kept as a screenshot under artifacts/screenshots/.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import THERAPIST, assert_clean, check_page, watch

FIRST = "The music swelled and I watched my worry float off like a paper boat."
SECOND = " Afterwards my hands were warm, and I felt, for once, unhurried."


def log_session(page) -> None:
    page.goto("/sessions/new")
    check_page(page, "session-new")
    page.get_by_label("Your intention").fill("To listen to what my body is telling me")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", name="Integration timeline")).to_be_visible()
    check_page(page, "session")


def write_same_day_entry(page, text: str = FIRST) -> None:
    page.get_by_role("link", name="Write now").first.click()
    expect(page.get_by_role("heading", name="Same day")).to_be_visible()
    check_page(page, "editor-guided")
    page.get_by_label("How does your body feel right now?").fill(text)
    page.get_by_label("Mood right now").select_option("-1")
    page.get_by_label("Nausea").check()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()


def test_guided_entry_autosaves_and_survives_a_reload(page, new_patient):
    new_patient(page)
    check_page(page, "home")
    log_session(page)
    page.get_by_role("link", name="Write now").first.click()
    answer = page.get_by_label("How does your body feel right now?")
    answer.fill(FIRST)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")
    assert re.search(r"draft=[0-9a-f-]{36}", page.url) and "paper" not in page.url

    page.reload()
    expect(page.get_by_label("How does your body feel right now?")).to_have_value(FIRST)
    page.get_by_label("Mood right now").select_option("-1")
    page.get_by_label("Nausea").check()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    expect(page.get_by_text(FIRST)).to_be_visible()
    expect(page.get_by_text("Nausea")).to_be_visible()
    check_page(page, "entry")
    assert page.evaluate("window.localStorage.length + window.sessionStorage.length") == 0
    page.goto("/entries")
    check_page(page, "journal")


def test_session_ends_while_writing_and_the_text_is_kept_word_for_word(page, context, new_patient):
    email, password = new_patient(page)
    page.goto("/entries/new")
    check_page(page, "editor-free")
    editor = page.get_by_label("What would you like to write?")
    editor.fill(FIRST)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")

    context.clear_cookies()  # the login session is gone
    editor.press("End")
    editor.type(SECOND, delay=5)
    dialog = page.locator("dialog[data-relogin]")
    expect(dialog).to_be_visible()
    expect(page.locator("[data-autosave-status]")).to_contain_text("logged out")
    check_page(page, "relogin-dialog")
    dialog.get_by_label("Email").fill(email)
    dialog.get_by_label("Password").fill(password)
    dialog.get_by_role("button", name="Log in and keep writing").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")

    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    assert page.locator(".prose").first.inner_text() == FIRST + SECOND


def test_autosave_waits_and_tries_again_when_the_server_cannot_store(page, new_patient):
    new_patient(page)
    page.goto("/entries/new")
    failures = []

    def unavailable_once(route):
        if failures:
            return route.continue_()
        failures.append(route.request.url)
        route.fulfill(
            status=503,
            headers={"Retry-After": "1", "Content-Type": "application/json"},
            body='{"error": "unavailable", "message": "We can\'t reach your journal just now."}',
        )

    page.route("**/autosave", unavailable_once)
    page.get_by_label("What would you like to write?").fill(FIRST)
    status = page.locator("[data-autosave-status]")
    expect(status).to_contain_text("trying again in 2 seconds")
    expect(status).to_contain_text("Saved as a draft", timeout=10_000)
    assert len(failures) == 1
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    assert page.locator(".prose").first.inner_text() == FIRST


def test_two_tabs_never_overwrite_each_other(page, context, new_patient):
    new_patient(page)
    page.goto("/entries/new")
    page.get_by_label("What would you like to write?").fill("The first draft of the day.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()  # the url is the entry's only once it has loaded
    entry_url = page.url

    other = context.new_page()
    watch(other, context)
    page.goto(entry_url + "/edit")
    other.goto(entry_url + "/edit")
    check_page(page, "editor-edit")
    page.get_by_label("What would you like to write?").fill("Written in the first tab.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your changes are saved.")).to_be_visible()

    other.get_by_label("What would you like to write?").fill("Written in the second tab.")
    other.get_by_role("button", name="Save entry").click()
    expect(other.get_by_role("heading", name="This entry was changed somewhere else")).to_be_visible()
    expect(other.get_by_text("Written in the first tab.")).to_be_visible()
    expect(other.get_by_text("Written in the second tab.")).to_be_visible()
    check_page(other, "conflict")
    other.get_by_role("button", name="Keep both").click()
    expect(other.get_by_text("Both versions are kept")).to_be_visible()
    assert_clean(other)

    page.goto("/entries")
    expect(page.locator(".entries > li > a")).to_have_count(2)
    page.get_by_role("link", name=re.compile("second version")).click()
    expect(page.get_by_text("Written in the second tab.")).to_be_visible()
    other.close()


def test_share_with_the_demo_therapist_who_reviews_and_replies(
    page, browser, context, live_server, viewport, new_patient
):
    name = f"Sky {viewport}"
    new_patient(page, name=name)
    log_session(page)
    write_same_day_entry(page)
    entry_url = page.url

    therapist = browser.new_context(base_url=live_server.url, viewport=context.pages[0].viewport_size)
    therapist.viewport_name = viewport
    tpage = therapist.new_page()
    watch(tpage, therapist)
    tpage.goto("/login")
    check_page(tpage, "login")
    tpage.get_by_label("Email").fill(THERAPIST[0])
    tpage.get_by_label("Password").fill(THERAPIST[1])
    tpage.get_by_role("button", name="Log in").click()
    expect(tpage.get_by_role("heading", name="Your patients")).to_be_visible()
    tpage.goto("/therapist/invite")
    check_page(tpage, "therapist-invite")
    code = tpage.locator(".code").inner_text()

    page.goto("/connections")
    check_page(page, "connections")
    page.get_by_label("Connection code").fill(code)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Connect with Dr. Sam Rivera?")).to_be_visible()
    check_page(page, "consent")
    page.get_by_label("No, not for now").check()
    page.get_by_label("I understand what my therapist will and will not see").check()
    page.get_by_role("button", name="Connect").click()
    expect(page.get_by_text("You are connected with Dr. Sam Rivera")).to_be_visible()

    page.goto(entry_url)
    page.get_by_role("checkbox", name="Dr. Sam Rivera").check()  # saved as it changes (#25)
    expect(page.locator("form", has=page.get_by_label("Dr. Sam Rivera")).get_by_role("status")).to_have_text("Saved")

    tpage.goto("/therapist/")
    row = tpage.locator("tr", has_text=name)
    expect(row).to_contain_text("1 new")
    expect(row).to_contain_text("Nausea")
    check_page(tpage, "therapist-dashboard")
    row.get_by_role("link", name=name).click()
    check_page(tpage, "therapist-patient")
    tpage.locator(".item-list a").first.click()
    expect(tpage.get_by_text(FIRST)).to_be_visible()
    check_page(tpage, "therapist-entry")
    tpage.get_by_role("button", name="Mark as reviewed").click()
    expect(tpage.get_by_text("Marked as reviewed.")).to_be_visible()
    tpage.get_by_label("Your reply").fill("Thank you, Sky. Let's talk about the paper boat.")
    tpage.get_by_role("button", name="Send reply").click()
    expect(tpage.get_by_text("Your reply was sent.")).to_be_visible()
    assert_clean(tpage)
    therapist.close()

    page.goto("/")
    expect(page.locator("nav")).to_contain_text("unread reply")
    page.goto(entry_url)
    expect(page.get_by_text("Let's talk about the paper boat.")).to_be_visible()
    expect(page.get_by_text(re.compile("Viewed by Dr. Sam Rivera on"))).to_be_visible()
    check_page(page, "entry-shared")
    page.goto("/access-log")
    expect(page.get_by_text("replied to an entry")).to_be_visible()
    check_page(page, "access-log")


def test_export_downloads_a_pdf_with_the_entry(page, new_patient):
    new_patient(page)
    log_session(page)
    write_same_day_entry(page, "Words that must reach the paper.")
    page.goto("/export")
    check_page(page, "export")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF").click()
    download = download_info.value
    assert re.fullmatch(r"integration-journal-\d{4}-\d{2}-\d{2}\.pdf", download.suggested_filename)
    reader = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    assert "Words that must reach the paper." in "".join(p.extract_text() for p in reader.pages)


def tab_to(page, locator, limit: int = 60) -> None:
    """Press Tab until ``locator`` has focus, and check that the focus is visible."""
    target = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("el => document.activeElement === el", target):
            style = page.evaluate(
                "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }",
                target,
            )
            assert style[0] != "none" and style[1] != "0px", f"no visible focus on {locator}"
            return
    raise AssertionError(f"could not reach {locator} with the keyboard")


def test_keyboard_alone(page, viewport):
    if viewport == "phone":
        return  # keyboards belong to the desktop run; the phone run covers touch
    page.goto("/register")
    tab_to(page, page.get_by_label("Email"))
    page.keyboard.type("keys@example.org")
    tab_to(page, page.get_by_label("Your name"))
    page.keyboard.type("Kay")
    tab_to(page, page.get_by_label("New password", exact=True))
    page.keyboard.type("typing all of it by hand")
    tab_to(page, page.get_by_label("New password again"))
    page.keyboard.type("typing all of it by hand")
    tab_to(page, page.get_by_role("button", name="Create account"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Hello, Kay")).to_be_visible()

    tab_to(page, page.get_by_role("link", name="Write freely"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("What would you like to write?"))
    page.keyboard.type("Written without a mouse.")
    tab_to(page, page.get_by_label("Nausea"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Save entry"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    expect(page.get_by_text("Written without a mouse.")).to_be_visible()

    tab_to(page, page.get_by_role("button", name="Log out"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def test_keyboard_alone_for_sharing_and_export(page, browser, live_server, viewport, new_patient):
    if viewport == "phone":
        return
    new_patient(page, name="Keys")
    therapist = browser.new_context(base_url=live_server.url)
    tpage = therapist.new_page()
    tpage.goto("/login")
    tpage.get_by_label("Email").fill(THERAPIST[0])
    tpage.get_by_label("Password").fill(THERAPIST[1])
    tpage.get_by_role("button", name="Log in").click()
    tpage.wait_for_url("**/therapist/")  # a goto before the login answered would race it
    tpage.goto("/therapist/invite")
    code = tpage.locator(".code").inner_text()
    therapist.close()

    page.goto("/entries/new")
    tab_to(page, page.get_by_label("What would you like to write?"))
    page.keyboard.type("Shared by keyboard.")
    tab_to(page, page.get_by_role("button", name="Save entry"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    entry_url = page.url

    tab_to(page, page.get_by_role("link", name="Therapists"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("Connection code"))
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("Yes, they may be told"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("I understand what my therapist will and will not see"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Connect"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("You are connected with Dr. Sam Rivera")).to_be_visible()

    page.goto(entry_url)
    tab_to(page, page.get_by_role("checkbox", name="Dr. Sam Rivera"))
    page.keyboard.press("Space")  # saved as it changes (#25)
    expect(page.locator("form", has=page.get_by_label("Dr. Sam Rivera")).get_by_role("status")).to_have_text("Saved")

    page.goto("/export")
    with page.expect_download() as download_info:
        tab_to(page, page.get_by_role("button", name="Download PDF"))
        page.keyboard.press("Enter")
    assert download_info.value.suggested_filename.endswith(".pdf")
