"""Journeys through the editor in a real browser: autosave, re-login, two tabs."""

from __future__ import annotations

import re

from playwright.sync_api import expect

FIRST = "The music swelled and I watched my worry float off like a paper boat."
SECOND = " Afterwards my hands were warm, and I felt, for once, unhurried."


def log_session(page) -> None:
    page.goto("/sessions/new")
    page.get_by_label("Your intention").fill("To listen to what my body is telling me")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", name="Integration timeline")).to_be_visible()


def test_guided_entry_autosaves_and_survives_a_reload(page, new_patient):
    new_patient(page)
    log_session(page)
    page.get_by_role("link", name="Write now").first.click()
    expect(page.get_by_role("heading", name="Same day")).to_be_visible()
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
    assert page.evaluate("window.localStorage.length + window.sessionStorage.length") == 0


def test_session_ends_while_writing_and_the_text_is_kept_word_for_word(page, context, new_patient):
    email, password = new_patient(page)
    page.goto("/entries/new")
    editor = page.get_by_label("What would you like to write?")
    editor.fill(FIRST)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")

    context.clear_cookies()  # the login session is gone
    editor.press("End")
    editor.type(SECOND, delay=5)
    dialog = page.locator("dialog[data-relogin]")
    expect(dialog).to_be_visible()
    expect(page.locator("[data-autosave-status]")).to_contain_text("logged out")
    dialog.get_by_label("Email").fill(email)
    dialog.get_by_label("Password").fill(password)
    dialog.get_by_role("button", name="Log in and keep writing").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")

    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    assert page.locator(".prose").first.inner_text() == FIRST + SECOND


def test_two_tabs_never_overwrite_each_other(page, context, new_patient):
    new_patient(page)
    page.goto("/entries/new")
    page.get_by_label("What would you like to write?").fill("The first draft of the day.")
    page.get_by_role("button", name="Save entry").click()
    entry_url = page.url

    other = context.new_page()
    page.goto(entry_url + "/edit")
    other.goto(entry_url + "/edit")
    page.get_by_label("What would you like to write?").fill("Written in the first tab.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your changes are saved.")).to_be_visible()

    other.get_by_label("What would you like to write?").fill("Written in the second tab.")
    other.get_by_role("button", name="Save entry").click()
    expect(other.get_by_role("heading", name="This entry was changed somewhere else")).to_be_visible()
    expect(other.get_by_text("Written in the first tab.")).to_be_visible()
    expect(other.get_by_text("Written in the second tab.")).to_be_visible()
    other.get_by_role("button", name="Keep both").click()
    expect(other.get_by_text("Both versions are kept")).to_be_visible()

    page.goto("/entries")
    links = page.locator(".entries a")
    expect(links).to_have_count(2)
    page.get_by_role("link", name=re.compile("second version")).click()
    expect(page.get_by_text("Written in the second tab.")).to_be_visible()
    other.close()
