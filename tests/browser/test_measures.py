"""A questionnaire in a real browser, at desktop and phone size: every item a fieldset, axe clean."""

from __future__ import annotations

from tests.browser.conftest import check_page


def test_take_the_gad7_and_see_the_result(page, new_patient):
    new_patient(page)
    page.get_by_role("link", name="Questionnaires").click()
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
    chart = page.locator("svg.chart")
    assert chart.count() == 1 and chart.bounding_box()["width"] <= page.viewport_size["width"]
    check_page(page, "progress")
    page.get_by_text("The numbers").click()
    page.get_by_role("cell", name="14 (moderate)", exact=False).first.wait_for()
