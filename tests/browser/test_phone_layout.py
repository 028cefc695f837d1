"""What a phone shows, measured in a real browser: chart labels big enough to read, flags that wrap whole."""

from __future__ import annotations

import pytest

from tests.browser.conftest import VIEWPORTS, assert_clean, watch

# Each label's size as seen: its font size in the drawing's units, times the drawing's scale on screen.
RENDERED_LABEL_SIZES = """
() => Array.from(document.querySelectorAll('svg.chart text')).map(
  (text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a
)
"""
SIZES = {
    "desktop": VIEWPORTS["desktop"],
    "phone-375": {**VIEWPORTS["phone"], "viewport": {"width": 375, "height": 812}},
    "phone-320": {**VIEWPORTS["phone"], "viewport": {"width": 320, "height": 640}},
}


@pytest.mark.parametrize("size", list(SIZES))
def test_chart_labels_are_at_least_11px_as_seen(browser, live_server, new_patient, size):
    context = browser.new_context(base_url=live_server.url, **SIZES[size])
    context.set_default_timeout(10_000)
    context.viewport_name = size
    page = context.new_page()
    watch(page, context)
    try:
        new_patient(page)
        for value in ("2", "1"):
            page.goto("/measures/gad-7/new")
            for number in range(1, 8):
                page.locator(f'input[name="item{number}"][value="{value}"]').check()
            page.get_by_role("button", name="See my score").click()
            page.get_by_text("of 21").wait_for()
        page.goto("/measures/progress")
        sizes = page.evaluate(RENDERED_LABEL_SIZES)
        assert sizes and min(sizes) >= 11, sizes
        assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["viewport"]["width"]
        assert_clean(page)
    finally:
        context.close()


def test_dashboard_flags_wrap_whole_and_stay_in_their_cell(live_server, demo_therapist, viewport):
    """A patient with many flags, written straight into the live server's database."""
    from journal.entries.content import AFTER_EFFECTS
    from journal.extensions import db
    from journal.models import User
    from tests.conftest import JournalFactory, SharingFactory, UserMaker, dispose, make_app

    app = make_app(live_server.env["JOURNAL_DATABASE_URL"], live_server.instance)
    try:
        patient = UserMaker(app)(email=f"flags-{viewport}@example.org", display_name=f"Flagged {viewport}")
        with app.app_context():
            therapist_id = db.session.query(User.id).filter_by(email="therapist@example.org").scalar()
        SharingFactory(app).connect(patient.id, therapist_id)
        effects = ["bladder", "urge_to_use", *[key for key in AFTER_EFFECTS if key != "none"][:6]]
        entry_id = JournalFactory(app).entry(patient.id, "a hard week", mood=-5, after_effects=effects)
        SharingFactory(app).share(entry_id, therapist_id)
    finally:
        dispose(app)

    page = demo_therapist.page
    page.goto("/therapist/")
    cell = page.locator("tr", has_text=f"Flagged {viewport}").locator("td.flags")
    assert cell.locator(".flag").count() >= 5
    layout = cell.evaluate(
        """(td) => ({
          display: getComputedStyle(td).display,
          right: td.getBoundingClientRect().right,
          flags: Array.from(td.querySelectorAll('.flag')).map((f) => ({
            lines: f.getClientRects().length, right: f.getBoundingClientRect().right })),
        })"""
    )
    assert layout["display"] == ("table-cell" if viewport == "desktop" else "block")  # a cell, not a flex box
    assert all(flag["lines"] == 1 for flag in layout["flags"]), layout  # a pill is never cut in two
    assert all(flag["right"] <= layout["right"] + 0.5 for flag in layout["flags"]), layout
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert_clean(page)
