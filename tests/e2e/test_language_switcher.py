"""The language switcher in the header takes the reader to the same page in another language."""

import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_focus_visible, press, tab_to
from tests.e2e.steps import authenticate, language_link, sign_in_url, switch_language

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_visitor_switches_the_sign_in_page_to_spanish_then_greek(page, live_server, screenshot):
    page.goto(sign_in_url())
    expect(language_link(page, "en")).to_have_attribute("aria-current", "true")

    switch_language(page, "es")

    expect(page).to_have_url(f"{live_server.url}/es/accounts/login/")
    expect(language_link(page, "es")).to_have_attribute("aria-current", "true")
    expect(language_link(page, "en")).not_to_have_attribute("aria-current", "true")
    screenshot(page, "language-switcher", "01-sign-in-es")

    switch_language(page, "el")

    expect(page).to_have_url(f"{live_server.url}/el/accounts/login/")
    expect(page.locator("main form input[name=login]")).to_be_visible()


def test_signed_in_person_switches_my_training_to_portuguese_by_keyboard(page, live_server, employee, screenshot):
    authenticate(page.context, employee, base_url=live_server.url)
    page.goto("/en/")

    tab_to(page, language_link(page, "pt"))
    assert_focus_visible(page)
    press(page, "Enter")

    expect(page).to_have_url(f"{live_server.url}/pt/")
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    expect(language_link(page, "pt")).to_have_attribute("aria-current", "true")
    expect(page.locator("header")).to_contain_text(employee.name)
    screenshot(page, "language-switcher", "02-my-training-pt")
