"""Every front-end page meets WCAG 2.2 AA on a desktop and a phone.

axe-core finds nothing serious or critical, nothing scrolls sideways, and the
keyboard reaches every control, skip link first, with a visible focus. Add
each new front-end page to ANONYMOUS_PAGES or EMPLOYEE_PAGES.
"""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible, assert_no_horizontal_scroll, tab_through
from tests.e2e.steps import DESKTOP, PHONE, authenticate, sign_in_url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIEWPORTS = [
    pytest.param("desktop", marks=pytest.mark.browser_context_args(**DESKTOP), id="desktop"),
    pytest.param("phone", marks=pytest.mark.browser_context_args(**PHONE), id="phone"),
]
ANONYMOUS_PAGES = {
    "home": "/en/",
    "sign-in": sign_in_url(),
    "sign-in-greek": sign_in_url("el"),
    "password-reset": "/en/accounts/password/reset/",
}
EMPLOYEE_PAGES = {
    "my-training": "/en/",
    "sign-out": "/en/accounts/logout/",
    "password-change": "/en/accounts/password/change/",
    "search": "/en/search/?q=customer",
}


def check_page(page, screenshot, name: str, path: str, viewport: str) -> None:
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    expect(page.locator("main h1")).to_be_visible()
    assert_accessible(page, name)
    assert_no_horizontal_scroll(page)
    screenshot(page, "pages", f"{name}-{viewport}")
    stops = tab_through(page)
    with translation.override(path.split("/")[1]):
        assert stops[0] == translation.gettext("Skip to content"), stops


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_pages_for_visitors_are_accessible(page, screenshot, name, viewport):
    check_page(page, screenshot, name, ANONYMOUS_PAGES[name], viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", EMPLOYEE_PAGES)
def test_pages_for_employees_are_accessible(page, live_server, employee, screenshot, name, viewport):
    authenticate(page.context, employee, base_url=live_server.url)
    check_page(page, screenshot, name, EMPLOYEE_PAGES[name], viewport)


@pytest.mark.browser_context_args(**PHONE)
def test_sign_in_page_fits_a_phone_and_shows_the_form_first(page):
    page.goto(sign_in_url())

    assert_no_horizontal_scroll(page)
    for field in ("input[name=login]", "input[name=password]", "main form button[type=submit]"):
        box = page.locator(field).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"{field} sticks out of a 390px screen: {box}"
        assert box["height"] >= 24, f"{field} is too small to tap: {box}"


def test_sign_in_form_is_in_reading_order_for_the_keyboard(page):
    page.goto(sign_in_url())

    stops = tab_through(page)

    positions = [stops.index("login"), stops.index("password"), len(stops) - 1 - stops[::-1].index("Sign in")]
    assert positions == sorted(positions), stops


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "employee"])
def test_each_landmark_is_there_once_and_none_is_empty(page, live_server, employee, signed_in):
    if signed_in:
        authenticate(page.context, employee, base_url=live_server.url)
    page.goto("/en/")

    for role in ("banner", "main", "contentinfo"):
        expect(page.get_by_role(role)).to_have_count(1)
    expect(page.get_by_role("navigation", name="Language")).to_have_count(1)
    expect(page.get_by_role("navigation", name="Main")).to_have_count(1 if signed_in else 0)
    for navigation in page.get_by_role("navigation").all():
        expect(navigation.get_by_role("link").first).to_be_visible()
