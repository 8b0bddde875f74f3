"""Two-factor authentication in a real browser: a manager sets up an app on their first visit to the admin."""

import re

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.steps import pass_the_code_step, set_up_authenticator_app, sign_in
from tests.training.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEY = "two-factor"


def test_a_manager_sets_up_an_app_before_the_admin_and_then_signs_in_with_its_code(
    page, live_server, password, screenshot
):
    manager = UserFactory(roles=["Managers", "Employees"], password=password)
    sign_in(page, email=manager.email, password=password)

    page.goto("/admin/")
    expect(page.locator("main")).to_contain_text("Your role requires two-factor authentication.")
    page.locator("input[name=password]").fill(password)  # allauth confirms the password before a change
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/totp/activate/$"))
    expect(page.locator("img.qr-code")).to_be_visible()
    assert_accessible(page, "two-factor")
    screenshot(page, JOURNEY, "01-set-up-app")

    set_up_authenticator_app(page)

    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/recovery-codes/$"))
    expect(page.locator("#recovery_codes")).to_be_visible()
    screenshot(page, JOURNEY, "02-recovery-codes")
    assert Authenticator.objects.filter(user=manager, type="totp").exists()
    page.locator("header nav a[href='/admin/']").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")

    page.context.clear_cookies()
    page.goto("/en/accounts/login/?next=/admin/")
    page.locator("input[name=login]").fill(manager.email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/authenticate/$"))
    assert_accessible(page, "two-factor")
    screenshot(page, JOURNEY, "03-code-step")
    pass_the_code_step(page, manager)
    expect(page).to_have_url(f"{live_server.url}/admin/")


def test_an_employee_finds_two_factor_authentication_in_the_header(page, employee, password):
    sign_in(page, email=employee.email, password=password)

    page.locator("header a[href='/en/accounts/2fa/']").click()

    expect(page.locator("main h1")).to_contain_text("Two-Factor Authentication")
    assert_accessible(page, "two-factor")
