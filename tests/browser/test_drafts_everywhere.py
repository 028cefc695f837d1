"""Back after a save, drafts of the safety plan and a session, and sharing choices saved on change (#25)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import VIEWPORTS, assert_clean, check_page, watch

WORDS = "The garden was quiet and I let the afternoon be slow."


def test_back_and_save_again_lands_on_the_same_entry_and_leaves_no_draft(page, new_patient):
    new_patient(page)
    for wait_for_autosave in (False, True):
        page.goto("/entries/new")
        page.get_by_label("What would you like to write?").fill(WORDS)
        if wait_for_autosave:
            expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")
        page.get_by_role("button", name="Save entry").click()
        expect(page.get_by_text("Your entry is saved.")).to_be_visible()
        saved_at = page.url
        page.go_back()
        expect(page.get_by_text("This entry is saved. Any change you make here updates it.")).to_be_visible()
        check_page(page, "editor-after-back")
        page.get_by_role("button", name="Save entry").click()
        expect(page.get_by_text(WORDS)).to_be_visible()
        assert page.url == saved_at
    page.goto("/entries")
    expect(page.get_by_text("2 entries.", exact=True)).to_be_visible()
    page.goto("/drafts")
    expect(page.get_by_text("No drafts.")).to_be_visible()


def test_without_a_script_back_and_save_again_lands_on_the_same_entry(browser, live_server, viewport, new_patient):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, **VIEWPORTS[viewport])
    context.set_default_timeout(10_000)
    context.viewport_name, context.scripts = viewport, False
    page = context.new_page()
    watch(page, context)
    new_patient(page)
    page.goto("/entries/new")
    assert "draft=" in page.url  # the address names the page's draft id and save key
    page.get_by_label("What would you like to write?").fill(WORDS)
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    saved_at = page.url
    page.go_back()
    expect(page.get_by_text("This entry is saved. Any change you make here updates it.")).to_be_visible()
    page.get_by_role("button", name="Save entry").click()
    assert page.url == saved_at
    page.goto("/entries")
    expect(page.get_by_text("1 entry.", exact=True)).to_be_visible()
    page.goto("/drafts")
    expect(page.get_by_text("No drafts.")).to_be_visible()
    assert_clean(page)
    context.close()


def test_back_after_saving_a_reopened_draft_or_a_new_session_lands_on_what_was_saved(page, new_patient):
    new_patient(page)
    page.goto("/entries/new")
    page.get_by_label("Title").fill("Unfinished")
    page.get_by_label("What would you like to write?").fill(WORDS)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")
    page.goto("/drafts")
    page.get_by_role("link", name="Unfinished", exact=True).click()
    expect(page.get_by_text("You are continuing a draft")).to_be_visible()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    page.go_back()
    expect(page.get_by_text("This entry is saved. Any change you make here updates it.")).to_be_visible()
    page.get_by_role("button", name="Save entry").click()
    page.goto("/entries")
    expect(page.get_by_text("1 entry.", exact=True)).to_be_visible()

    page.goto("/sessions/new")
    page.get_by_label("Your intention").fill(INTENTION)
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_text("The session is in your log.")).to_be_visible()
    saved_at = page.url
    page.go_back()
    expect(page.get_by_text("This session is saved. Any change you make here updates it.")).to_be_visible()
    check_page(page, "session-after-back")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_text("The session is updated.")).to_be_visible()
    assert page.url == saved_at
    page.goto("/sessions")
    expect(page.locator(".item-list > li")).to_have_count(1)
    page.goto("/drafts")
    expect(page.get_by_text("No drafts.")).to_be_visible()


def test_sharing_choices_are_saved_on_change_and_say_so(page, context, new_patient, demo_therapist):
    new_patient(page)
    demo_therapist.connect(page)
    page.goto("/connections")
    box = page.get_by_label("Share my new entries with Dr. Sam Rivera automatically")
    choice = page.locator("form", has=box)
    expect(choice.get_by_role("button", name=re.compile("^Save"))).to_be_hidden()
    box.check()
    expect(choice.get_by_role("status")).to_have_text("Saved")
    check_page(page, "connections-saved")
    page.reload()
    expect(page.get_by_label("Share my new entries with Dr. Sam Rivera automatically")).to_be_checked()

    page.goto("/entries/new")
    page.get_by_label("What would you like to write?").fill(WORDS)
    page.get_by_role("button", name="Save entry").click()
    sharing = page.locator("form.js-save-on-change")
    therapist = sharing.get_by_label("Dr. Sam Rivera")
    expect(therapist).to_be_checked()  # shared automatically, as chosen above
    therapist.uncheck()
    expect(sharing.get_by_role("status")).to_have_text("Saved")
    page.reload()
    expect(page.locator("form.js-save-on-change").get_by_label("Dr. Sam Rivera")).not_to_be_checked()

    context.set_offline(True)  # a change that cannot reach the server is undone and says why
    page.locator("form.js-save-on-change").get_by_label("Dr. Sam Rivera").click()
    status = page.locator("form.js-save-on-change").get_by_role("status")
    expect(status).to_contain_text("Not saved. No connection")
    expect(page.locator("form.js-save-on-change").get_by_label("Dr. Sam Rivera")).not_to_be_checked()
    context.set_offline(False)
    page.problems[:] = [p for p in page.problems if "ERR_INTERNET_DISCONNECTED" not in p[0]]  # chosen above


PLAN_WORDS = "My sister Ana, and the walk along the harbour at dusk."
MORE_WORDS = " And the cat, who waits for me."
INTENTION = "To let the old anger speak, and listen without arguing."


def test_the_safety_plan_keeps_typed_words_across_pages_and_an_ended_login(page, context, new_patient):
    email, password = new_patient(page)
    page.goto("/safety-plan")
    reasons = page.get_by_label("What matters most to me")
    reasons.fill(PLAN_WORDS)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")
    check_page(page, "safety-plan-draft")

    page.goto("/entries")  # away, then back through the drafts list
    page.goto("/drafts")
    page.get_by_role("link", name="Safety plan (draft)", exact=True).click()
    expect(page.get_by_text("You are continuing a draft")).to_be_visible()
    reasons = page.get_by_label("What matters most to me")
    expect(reasons).to_have_value(PLAN_WORDS)

    context.clear_cookies()  # the login ends while the plan is open
    reasons.press("Control+End")
    reasons.type(MORE_WORDS, delay=5)
    dialog = page.locator("dialog[data-relogin]")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Email").fill(email)
    dialog.get_by_label("Password").fill(password)
    dialog.get_by_role("button", name="Log in and keep writing").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")

    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_text("Your safety plan is saved.")).to_be_visible()
    expect(page.get_by_label("What matters most to me")).to_have_value(PLAN_WORDS + MORE_WORDS)
    page.goto("/drafts")
    expect(page.get_by_text("No drafts.")).to_be_visible()
    assert page.evaluate("window.localStorage.length + window.sessionStorage.length") == 0


def test_a_sessions_intention_survives_leaving_the_page_and_is_rescued_after_the_login_ends(page, context, new_patient):
    email, password = new_patient(page)
    page.goto("/sessions/new")
    page.get_by_label("Your intention").fill(INTENTION)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved as a draft")

    page.goto("/")  # away, then back through the drafts list
    page.goto("/drafts")
    page.get_by_role("link", name="Session intention (draft)", exact=True).click()
    expect(page.get_by_label("Your intention")).to_have_value(INTENTION)
    check_page(page, "session-draft")

    context.clear_cookies()  # the login ends; Save is pressed before the page notices
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", name="Your writing is safe")).to_be_visible()
    expect(page.get_by_text(INTENTION)).to_be_visible()
    check_page(page, "session-rescue")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in and keep my writing").click()
    expect(page.get_by_text("Your writing was kept as a draft")).to_be_visible()
    expect(page.get_by_label("Your intention")).to_have_value(INTENTION)

    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_text("The session is in your log.")).to_be_visible()
    expect(page.get_by_text(INTENTION)).to_be_visible()
    page.goto("/drafts")
    expect(page.get_by_text("No drafts.")).to_be_visible()


def test_the_last_sharing_choice_made_is_the_one_in_force(page, new_patient, demo_therapist):
    """A tick and an untick in quick succession: the first answer is held back until after the second change,
    and the choice in force afterwards is still the last one made (requests go one at a time, in order).
    Ordering does not depend on the screen, so this runs at desktop size only."""
    if page.viewport_size and page.viewport_size["width"] < 700:
        pytest.skip("the order of requests is the same at every size")
    new_patient(page)
    demo_therapist.connect(page)
    page.goto("/entries/new")
    page.get_by_label("What would you like to write?").fill(WORDS)
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(re.compile(r"/entries/[0-9a-f-]{36}$"))
    entry_url = page.url
    held = []

    def hold_the_first(route):
        if route.request.method == "POST" and not held:
            held.append(route)  # answered later, by hand
        else:
            route.continue_()

    page.route("**/sharing", hold_the_first)
    try:
        therapist = page.locator("form.js-save-on-change").get_by_label("Dr. Sam Rivera")
        with page.expect_request(lambda request: request.method == "POST" and request.url.endswith("/sharing")):
            therapist.check()
        page.wait_for_timeout(100)
        assert len(held) == 1
        therapist.uncheck()
        page.wait_for_timeout(300)  # an unordered page would send the untick now, and it would land first
        held[0].continue_()
        expect(page.locator("form.js-save-on-change").get_by_role("status")).to_have_text("Saved")
    finally:
        for route in held[1:] if held else []:
            route.continue_()
        page.unroute("**/sharing")
    page.goto(entry_url)
    expect(page.locator("form.js-save-on-change").get_by_label("Dr. Sam Rivera")).not_to_be_checked()
