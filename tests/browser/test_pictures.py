"""Pictures in a real browser, at desktop and phone size: chosen from the device, shown, kept private."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import check_page
from tests.pictures.images import drawing, photo


def test_add_a_photo_and_a_drawing_and_see_them(page, new_patient):
    new_patient(page)
    page.goto("/entries/new")
    page.get_by_label("What would you like to write?").fill("The hill we climbed.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    entry_url = page.url
    page.get_by_role("link", name="Add pictures or drawings").click()
    check_page(page, "pictures")
    page.get_by_label("Add pictures").set_input_files(
        [
            {"name": "hill.jpg", "mimeType": "image/jpeg", "buffer": photo(orientation=6)},
            {"name": "sketch.png", "mimeType": "image/png", "buffer": drawing()},
        ]
    )
    page.get_by_role("button", name="Add these pictures").click()
    expect(page.get_by_text("2 pictures added.")).to_be_visible()
    page.goto(entry_url)
    pictures = page.locator(".pictures img")
    expect(pictures).to_have_count(2)
    for index in range(2):
        picture = pictures.nth(index)
        picture.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=picture.element_handle())
        box = picture.bounding_box()
        assert box["width"] <= page.viewport_size["width"]  # never wider than a phone
    assert pictures.first.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [900, 1200]  # upright
    check_page(page, "entry-with-pictures")
    response = page.request.get(pictures.first.get_attribute("src"))
    assert response.headers["cache-control"] == "no-store"


def test_a_file_that_is_not_a_picture_is_explained(page, new_patient):
    new_patient(page)
    page.goto("/entries/new")
    page.get_by_label("What would you like to write?").fill("Words first.")
    page.get_by_role("button", name="Save entry").click()
    page.get_by_role("link", name="Add pictures or drawings").click()
    page.get_by_label("Add pictures").set_input_files(
        [{"name": "notes.txt", "mimeType": "image/jpeg", "buffer": b"plain words"}]
    )
    page.get_by_role("button", name="Add these pictures").click()
    expect(page.get_by_role("alert")).to_contain_text("That file is not a picture we can open")
    check_page(page, "pictures-refused")
