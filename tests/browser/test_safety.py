"""The care card in a real browser, at desktop and phone size: after the issue's own save, calm and axe clean,
with the help page one tap away."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_clean, check_page


def test_the_issues_save_brings_the_care_card(page, new_patient):
    new_patient(page)
    page.goto("/entries/new")
    page.locator('textarea[name="answer_0"]').fill("I thought about hurting myself tonight")
    page.get_by_label("Mood right now").select_option("-5")
    page.get_by_label("An urge to use outside treatment").check()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    card = page.locator("aside.care-card")
    expect(card.get_by_role("heading", name="You don't have to carry this alone")).to_be_visible()
    # The browser's zone is UTC, in no country: a directory and "your local emergency number", never 911.
    expect(card).to_contain_text("If you are in danger now, call your local emergency number.")
    expect(card.get_by_role("link", name="Find A Helpline")).to_be_visible()
    box = card.bounding_box()
    assert box["width"] <= page.viewport_size["width"]
    check_page(page, "care-card")
    card.get_by_role("link", name="More places to reach out, for every region").click()
    expect(page.get_by_role("heading", name="Need help now?")).to_be_visible()
    check_page(page, "help")
    page.go_back()
    expect(page.locator("aside.care-card")).to_have_count(0)  # offered once, right after the save


def test_the_safety_loop_from_the_save_to_a_closed_alert(page, viewport, new_patient, demo_therapist):
    name = f"Robin {viewport}"
    new_patient(page, name=name)
    page.goto("/safety-plan")
    page.get_by_label("People I can ask for help").fill("My sister Ana, 555 0142")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_text("Your safety plan is saved.")).to_be_visible()
    check_page(page, "safety-plan")

    tpage = demo_therapist.page
    demo_therapist.page.goto("/therapist/invite")
    code = tpage.locator(".code").inner_text()
    page.goto("/connections")
    page.get_by_label("Connection code").fill(code)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("group", name="May Dr. Sam Rivera be sent a safety alert?")).to_be_visible()
    check_page(page, "consent-alerts")
    page.get_by_label("Yes, they may be told").check()
    page.get_by_label("I understand what my therapist will and will not see").check()
    page.get_by_role("button", name="Connect").click()
    expect(page.get_by_text("You are connected with Dr. Sam Rivera")).to_be_visible()

    page.goto("/entries/new")
    page.locator('textarea[name="answer_0"]').fill("I thought about hurting myself tonight")
    page.get_by_role("button", name="Save entry").click()
    card = page.locator("aside.care-card")
    expect(card).to_contain_text("Dr. Sam Rivera has been sent an alert")

    tpage.goto("/therapist/")
    alerts = tpage.locator(".alerts")
    expect(alerts).to_contain_text(name)
    expect(alerts).to_contain_text("Not acknowledged")
    assert alerts.bounding_box()["width"] <= tpage.viewport_size["width"]
    check_page(tpage, "therapist-alerts")
    alerts.get_by_role("link", name=name).click()
    expect(tpage.get_by_role("heading", name=f"Safety alert: {name}")).to_be_visible()
    check_page(tpage, "therapist-alert")
    tpage.get_by_label("Called").check()
    tpage.get_by_label("A short note (never shown to your patient)").fill("Reached them; safe tonight")
    tpage.get_by_role("button", name="Acknowledge").click()
    expect(tpage.get_by_text("Acknowledged. Your patient can see that you did, and when.")).to_be_visible()
    tpage.get_by_label("Follow-up arranged").check()
    tpage.get_by_role("button", name="Close the alert").click()
    expect(tpage.get_by_text("The alert is closed.")).to_be_visible()
    expect(tpage.locator(".alerts")).to_have_count(0)
    assert_clean(tpage)

    page.goto("/safety")
    row = page.locator("tr", has_text="Dr. Sam Rivera")
    expect(row).to_contain_text("(called)")
    expect(row).to_contain_text("follow-up arranged")
    expect(page.locator("main")).not_to_contain_text("safe tonight")
    check_page(page, "safety-page")
    page.goto("/access-log")
    expect(page.get_by_text("acknowledged a safety alert")).to_be_visible()


def test_the_therapists_workspace_reads_well_at_desktop_and_phone_size(page, viewport, new_patient, demo_therapist):
    name = f"Kai {viewport}"
    new_patient(page, name=name)
    demo_therapist.connect(page)
    tpage = demo_therapist.page
    page.goto("/entries/new")
    page.locator('textarea[name="answer_0"]').fill("A heavy day, and a headache")
    page.get_by_label("Mood right now").select_option("-3")
    page.get_by_label("Headache").check()
    page.get_by_role("button", name="Save entry").click()
    page.get_by_role("checkbox", name="Dr. Sam Rivera").check()  # saved as it changes (#25)
    expect(page.locator("form", has=page.get_by_label("Dr. Sam Rivera")).get_by_role("status")).to_have_text("Saved")
    page.get_by_label("I'd like to talk about this at my next session").check()
    page.locator("form", has=page.get_by_label("I'd like to talk about this")).get_by_role("button").click()
    expect(page.get_by_text("Marked to talk about at your next session.")).to_be_visible()

    tpage.goto("/therapist/")
    tpage.get_by_role("link", name=name).click()
    expect(tpage.locator(".item-list .flag").first).to_be_visible()
    check_page(tpage, "therapist-patient-flags")
    tpage.get_by_role("link", name="Since the last session · notes").click()
    expect(
        tpage.get_by_role("link", name="A heavy day", exact=False).or_(tpage.get_by_role("link", name="Untitled entry"))
    ).to_be_visible()
    tpage.get_by_label("A private note").fill("Ask about the headaches")
    tpage.get_by_role("button", name="Keep the note").click()
    expect(tpage.get_by_text("Ask about the headaches")).to_be_visible()
    width = tpage.evaluate("document.documentElement.scrollWidth")
    assert width <= tpage.viewport_size["width"], width  # nothing wider than the phone
    check_page(tpage, "therapist-summary")
    assert_clean(tpage)
    page.goto("/access-log")
    expect(page.get_by_text("wrote a private clinical note")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("headaches")
