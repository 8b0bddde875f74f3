"""People sign in and out in a real browser, by keyboard alone, and land in their own language."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible, assert_focus_visible, press, tab_to
from tests.e2e.steps import (
    authenticate,
    language_link,
    sign_in,
    sign_in_link,
    sign_in_url,
    sign_in_with_keyboard,
    sign_out,
)
from tests.training.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_new_hire_signs_in_by_keyboard_and_lands_on_my_training_in_greek(page, live_server, password, screenshot):
    person = UserFactory(
        email="eleni.e2e@example.com",
        name="Eleni Papadaki",
        preferred_language="el",
        start_date=datetime.date.today(),
        roles=["Employees"],
    )
    page.goto("/")
    expect(page).to_have_url(f"{live_server.url}/en/")

    tab_to(page, sign_in_link(page))
    assert_focus_visible(page)
    press(page, "Enter")
    expect(page).to_have_url(re.compile(r"/en/accounts/login/"))
    screenshot(page, "new-hire-signs-in", "01-sign-in")
    sign_in_with_keyboard(page, email=person.email, password=password)

    expect(page).to_have_url(f"{live_server.url}/el/")
    expect(page.locator("html")).to_have_attribute("lang", "el")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("header")).to_contain_text("Eleni Papadaki")
    expect(language_link(page, "el")).to_have_attribute("aria-current", "true")
    assert_accessible(page, "My training, in Greek")
    screenshot(page, "new-hire-signs-in", "02-my-training-el")


def test_skip_link_takes_keyboard_users_past_the_header(page):
    page.goto(sign_in_url())

    press(page, "Tab")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert_focus_visible(page)
    press(page, "Enter")
    expect(page.locator("main")).to_be_focused()
    press(page, "Tab")

    assert page.evaluate("document.activeElement.closest('main') !== null"), "Tab after the skip link stays in main"


def test_wrong_password_is_reported_accessibly_and_keeps_the_person_out(page, employee, screenshot):
    page.goto(sign_in_url())
    page.locator("input[name=login]").fill(employee.email)
    page.locator("input[name=password]").fill("not-the-password")
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/en/accounts/login/"))
    expect(page.get_by_role("alert")).to_contain_text("not correct")
    expect(sign_in_link(page)).to_be_visible()
    assert_accessible(page, "Sign-in with an error")
    screenshot(page, "sign-in-errors", "01-wrong-password")


def test_signed_in_person_signs_out_and_my_training_asks_them_to_sign_in(page, live_server, employee, screenshot):
    authenticate(page.context, employee, base_url=live_server.url)
    page.goto("/en/")
    expect(page.locator("header")).to_contain_text(employee.name)

    sign_out(page)

    screenshot(page, "sign-out", "01-signed-out")
    page.goto("/en/")
    expect(page.locator("header")).not_to_contain_text(employee.name)
    expect(page.locator("header form[action*='/accounts/logout/']")).to_have_count(0)


def test_after_signing_out_account_pages_ask_to_sign_in_again(page, employee, password):
    sign_in(page, email=employee.email, password=password)
    sign_out(page)
    page.goto("/en/accounts/password/change/")

    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next="))
