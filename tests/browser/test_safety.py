"""The care card in a real browser, at desktop and phone size: after the issue's own save, calm and axe clean,
with the help page one tap away."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import check_page


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
    expect(card).to_contain_text("If you are in danger now, call 911.")
    box = card.bounding_box()
    assert box["width"] <= page.viewport_size["width"]
    check_page(page, "care-card")
    card.get_by_role("link", name="More places to reach out, for every region").click()
    expect(page.get_by_role("heading", name="Need help now?")).to_be_visible()
    check_page(page, "help")
    page.go_back()
    expect(page.locator("aside.care-card")).to_have_count(0)  # offered once, right after the save
