"""A questionnaire in a real browser, at desktop and phone size: every item a fieldset, axe clean."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_clean, check_page, menu
from tests.browser.test_journaling import log_session, write_same_day_entry


def test_take_the_gad7_and_see_the_result(page, new_patient):
    new_patient(page)
    menu(page, "Questionnaires").click()
    page.get_by_role("link", name="Take the GAD-7").click()
    check_page(page, "gad-7")
    page.get_by_role("button", name="See my score").click()  # nothing chosen: every question is named
    page.get_by_text("Please answer questions 1, 2, 3, 4, 5, 6, 7.").wait_for()
    for number in range(1, 8):
        page.get_by_role("group", name=f"{number}.").get_by_label("Several days").check()
    page.get_by_role("button", name="See my score").click()
    page.get_by_text("of 21: mild").wait_for()
    check_page(page, "gad-7-result")
    assert "not a diagnosis" in page.locator("main").inner_text()


def test_progress_charts_at_desktop_and_phone_size(page, new_patient):
    new_patient(page)
    for value in ("2", "1"):
        page.goto("/measures/gad-7/new")
        for number in range(1, 8):
            page.locator(f'input[name="item{number}"][value="{value}"]').check()
        page.get_by_role("button", name="See my score").click()
        page.get_by_text("of 21").wait_for()
    page.goto("/measures")
    page.get_by_role("link", name="See your progress").click()
    page.wait_for_url("**/measures/progress")
    chart = page.locator("svg.chart")
    expect(chart).to_have_count(1)  # waits for the page: a bare count() raced the navigation on a CI run
    assert chart.bounding_box()["width"] <= page.viewport_size["width"]
    check_page(page, "progress")
    page.get_by_text("The numbers").click()
    page.get_by_role("cell", name="14 (moderate)", exact=False).first.wait_for()


def test_a_therapist_sees_shared_questionnaires_at_desktop_and_phone_size(page, viewport, new_patient, demo_therapist):
    name = f"Rowan {viewport}"
    new_patient(page, name=name)
    log_session(page)
    write_same_day_entry(page)
    page.goto("/measures/phq-9/new")
    for number in range(1, 10):
        page.locator(f'input[name="item{number}"][value="{1 if number < 9 else 0}"]').check()
    page.get_by_role("button", name="See my score").click()
    page.get_by_text("of 27: mild").wait_for()

    demo_therapist.connect(page)
    tpage = demo_therapist.page

    tpage.goto("/therapist/")
    tpage.locator("tr", has_text=name).get_by_role("link", name=name).click()
    expect(tpage.get_by_role("heading", name="Questionnaires")).to_have_count(0)  # not shared yet
    page.get_by_label("Share my questionnaires and progress with Dr. Sam Rivera").check()
    # Saved as it changes (#25).
    expect(page.locator("form", has=page.get_by_label("Share my questionnaires")).get_by_role("status")).to_have_text(
        "Saved"
    )

    tpage.reload()
    expect(tpage.get_by_role("heading", name="Questionnaires")).to_be_visible()
    expect(tpage.get_by_role("cell", name="8 of 27 (mild)", exact=False)).to_be_visible()
    chart = tpage.locator("svg.chart").first
    assert chart.bounding_box()["width"] <= tpage.viewport_size["width"]
    check_page(tpage, "therapist-measures")
    assert_clean(tpage)

    page.goto("/access-log")
    expect(page.get_by_text("looked at your questionnaires and progress")).to_be_visible()
