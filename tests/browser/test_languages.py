"""Languages in a real browser: Arabic pages mirror (screenshots kept), and a Spanish browser gets Spanish."""

from __future__ import annotations

import pytest

from tests.browser.conftest import VIEWPORTS, assert_clean, check_page, watch
from tests.test_i18n import translated

# Where the brand and the help link sit, as fractions of the page's width (0 = left edge).
SIDES = """
() => {
  const width = document.documentElement.clientWidth;
  const at = (selector) => { const box = document.querySelector(selector).getBoundingClientRect();
                             return (box.left + box.width / 2) / width; };
  return {brand: at('.brand'), help: at('.header-help'), heading: at('main h1')};
}
"""


def _context(browser, live_server, viewport: str, locale: str):
    context = browser.new_context(base_url=live_server.url, locale=locale, **VIEWPORTS[viewport])
    context.set_default_timeout(10_000)
    context.viewport_name = f"{viewport}-{locale}"
    return context


@pytest.mark.parametrize("path", ["/login", "/register", "/help"])
def test_arabic_pages_run_right_to_left_and_mirror(browser, live_server, viewport, path):
    context = _context(browser, live_server, viewport, "ar")
    page = context.new_page()
    watch(page, context)
    try:
        page.goto(path)
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
        check_page(page, f"arabic{path.replace('/', '-')}")  # axe and a screenshot
        sides = page.evaluate(SIDES)
        assert sides["brand"] > 0.5, sides  # the brand starts the line: on the right
        if viewport == "desktop":
            assert sides["help"] < sides["brand"], sides
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["viewport"]["width"]
        assert_clean(page)
    finally:
        context.close()


def test_an_english_page_is_not_mirrored(browser, live_server, viewport):
    """The measure above can fail: the same page in English has the brand on the left."""
    context = _context(browser, live_server, viewport, "en-US")
    page = context.new_page()
    try:
        page.goto("/login")
        assert page.evaluate(SIDES)["brand"] < 0.5
    finally:
        context.close()


def test_a_spanish_browser_gets_the_login_page_in_spanish(browser, live_server, viewport):
    context = _context(browser, live_server, viewport, "es-ES")
    page = context.new_page()
    watch(page, context)
    try:
        page.goto("/login")
        assert page.evaluate("document.documentElement.lang") == "es"
        page.get_by_role("button", name=translated("es", "Log in"), exact=True).wait_for()
        check_page(page, "spanish-login")
        assert_clean(page)
    finally:
        context.close()
