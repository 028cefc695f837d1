"""Time zones in a real browser, at desktop and phone size: a city is enough, the device's zone is offered,
and the editor's "saved at" time is the person's zone (Settings), not the device's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.browser.conftest import VIEWPORTS, assert_clean, check_page, watch

DEVICE_ZONE = "America/New_York"


def test_a_city_is_enough_and_saved_times_follow_the_persons_zone(browser, live_server, viewport, new_patient):
    context = browser.new_context(base_url=live_server.url, timezone_id=DEVICE_ZONE, **VIEWPORTS[viewport])
    context.set_default_timeout(10_000)
    context.viewport_name = viewport
    page = context.new_page()
    watch(page, context)
    try:
        page.goto("/register")
        expect(page.get_by_label("Your time zone")).to_have_value(DEVICE_ZONE)  # the device's, filled in
        new_patient(page)

        page.goto("/settings")
        zone = page.get_by_label("Time zone")
        expect(zone).to_have_value(DEVICE_ZONE)
        expect(page.get_by_role("button", name="Use this device's time zone")).to_have_count(0)  # already it
        zone.fill("kiritimati")  # a city, typed as it comes: UTC+14, far from the device's zone
        page.get_by_role("button", name="Save settings").click()
        page.get_by_text("Your settings are saved.").wait_for()
        expect(zone).to_have_value("Pacific/Kiritimati")
        check_page(page, "settings-time-zone")
        offer = page.get_by_role("button", name="Use this device's time zone: America/New York")
        offer.click()
        expect(zone).to_have_value(DEVICE_ZONE)  # offered, not saved: the saved zone stays Kiritimati

        page.goto("/entries/new")
        page.get_by_label("Title").fill("An evening")
        status = page.locator("[data-autosave-status]")
        expect(status).to_contain_text("Saved as a draft at")
        shown = status.inner_text().removeprefix("Saved as a draft at ").rstrip(".")
        now = datetime.now(UTC)
        kiritimati = {
            f"{(now + timedelta(minutes=m)).astimezone(ZoneInfo('Pacific/Kiritimati')):%H:%M}" for m in (-1, 0)
        }
        device = f"{now.astimezone(ZoneInfo(DEVICE_ZONE)):%H:%M}"
        assert shown in kiritimati and shown != device, (shown, kiritimati, device)
        assert_clean(page)
    finally:
        context.close()
