"""A patient's everyday snags, in a real browser at desktop and phone size."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import check_page, menu

CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary"
TOUCHING = """
(selector) => {
  const boxes = [...document.querySelectorAll(selector)]
    .filter(el => el.checkVisibility({checkVisibilityCSS: true}))
    .map(el => ({el, r: el.getBoundingClientRect()}))
    .filter(({r}) => r.width > 0 && r.height > 0);
  const touching = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const label = x => x.el.closest('label') || x.el;
      if (label(a) === label(b)) continue;
      const gap = 2;  // at least this many pixels between two controls
      const apart = a.r.right + gap <= b.r.left || b.r.right + gap <= a.r.left
        || a.r.bottom + gap <= b.r.top || b.r.bottom + gap <= a.r.top;
      if (!apart) touching.push([a.el.outerHTML.slice(0, 80), b.el.outerHTML.slice(0, 80)]);
    }
  }
  return touching;
}
"""


def write_free(page, text: str) -> None:
    page.goto("/entries/new")
    page.get_by_label("What would you like to write?").fill(text)
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()


def test_back_after_a_search_shows_the_results_again(page, new_patient):
    new_patient(page)
    write_free(page, "By the river I held a smooth stone and breathed out slowly.")
    write_free(page, "A day at the office, nothing more.")
    page.goto("/entries")
    page.get_by_label("Search your entries").fill("river sto")
    page.get_by_role("button", name="Search").click()
    result = page.locator(".entries li")
    expect(result).to_have_count(1)
    expect(result.locator("mark").first).to_have_text("river")
    assert "river" not in page.url and "search=" in page.url
    check_page(page, "search-results")
    result.get_by_role("link").first.click()
    expect(page.get_by_text("By the river")).to_be_visible()
    page.go_back()
    expect(page.locator(".entries li")).to_have_count(1)  # the results, not "Confirm Form Resubmission"
    expect(page.get_by_label("Search your entries")).to_have_value("river sto")
    cookies = page.context.cookies()
    assert all("river" not in cookie["value"] for cookie in cookies)
    assert page.evaluate("window.localStorage.length + window.sessionStorage.length") == 0


def test_the_menu_folds_on_a_phone_and_nothing_touches(page, new_patient, viewport):
    new_patient(page)
    header = page.locator(".site-header .header-row")
    toggle = page.get_by_role("button", name="Menu")
    if viewport == "desktop":
        expect(toggle).to_be_hidden()
        expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Export")).to_be_visible()
    else:
        expect(toggle).to_be_visible()
        expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
        closed = header.bounding_box()["height"]
        assert closed < 80, closed  # the name and the button: one line
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        assert header.bounding_box()["height"] > closed
        check_page(page, "menu-open")
    menu(page, "Trash").click()
    expect(page.get_by_role("heading", name="Trash")).to_be_visible()
    for url in ("/", "/entries", "/entries/new", "/sessions/new", "/export", "/settings", "/measures"):
        page.goto(url)
        if viewport == "phone":
            toggle.click()  # the open menu's links must not touch either
        assert page.evaluate(TOUCHING, CONTROLS) == [], url


def test_journal_list_leads_to_export_and_trash(page, new_patient):
    new_patient(page)
    page.goto("/entries")
    links = page.locator(".journal-links")
    expect(links.get_by_role("link", name="Export to PDF")).to_be_visible()
    links.get_by_role("link", name="Trash").click()
    expect(page.get_by_role("heading", name="Trash")).to_be_visible()


def test_the_export_form_shows_only_what_applies(page, new_patient):
    new_patient(page)
    write_free(page, "Something to export.")
    page.goto("/export")
    date_from, session = page.get_by_label("From", exact=True), page.get_by_label("Session", exact=True)
    entries = page.locator(".entry-choices")
    for hidden in (date_from, session, entries):
        expect(hidden).to_be_hidden()
    page.get_by_label("Entries between two dates").check()
    expect(date_from).to_be_visible()
    expect(session).to_be_hidden()
    page.get_by_label("One session with its entries").check()
    expect(session).to_be_visible()
    expect(date_from).to_be_hidden()
    page.get_by_label("Entries I choose").check()
    page.get_by_text("Choose entries").click()
    expect(entries).to_be_visible()
    check_page(page, "export-chosen")


def test_the_autosave_time_follows_the_clock_chosen(page, new_patient):
    new_patient(page)
    clocks = (("24-hour (14:30)", r"at \d{2}:\d{2}\."), ("12-hour (2:30 PM)", r"at \d{1,2}:\d{2} (AM|PM)\."))
    for clock, pattern in clocks:
        page.goto("/settings")
        page.get_by_label(clock).check()
        page.get_by_role("button", name="Save settings").click()
        expect(page.get_by_text("Your settings are saved.")).to_be_visible()
        page.goto("/entries/new")
        page.get_by_label("What would you like to write?").fill("a few words")
        status = page.locator("[data-autosave-status]")
        expect(status).to_contain_text("Saved as a draft")
        assert re.search(pattern, status.inner_text()), status.inner_text()
