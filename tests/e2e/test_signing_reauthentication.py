"""Signing with intent in a real browser: a reader whose sign-in is older than the window gives their
password again before the acknowledgement is recorded, and does not have to type their name twice."""

import re
from importlib import import_module

import pytest
from django.conf import settings
from playwright.sync_api import expect

from policy_content.models import Acknowledgement
from tests.e2e.accessibility import assert_accessible
from tests.e2e.steps import sign_in
from tests.policy_content.factories import PolicyPageFactory
from tests.training.auth_helpers import age_authentications

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEY = "signing"


def browser_session(page):
    """The server-side session of the browser's sign-in."""
    key = next(cookie["value"] for cookie in page.context.cookies() if cookie["name"] == settings.SESSION_COOKIE_NAME)
    return import_module(settings.SESSION_ENGINE).SessionStore(key)


def test_a_reader_signed_in_long_ago_confirms_their_password_before_the_acknowledgement_is_recorded(
    page, live_server, employee, password, screenshot
):
    policy = PolicyPageFactory(title="Complaints policy", required=True)
    sign_in(page, email=employee.email, password=password)
    age_authentications(browser_session(page), minutes=settings.TRAINING_SIGNING_REAUTHENTICATION_MINUTES + 5)

    page.goto(policy.url)
    expect(page.locator(".policy-statement")).to_contain_text("is my electronic signature")
    page.fill("input[name=typed_name]", employee.name)
    page.check("input[name=confirm]")
    page.get_by_role("button", name="Acknowledge").click()

    expect(page).to_have_url(re.compile(r"/en/accounts/reauthenticate/\?next="))
    expect(page.get_by_text("To sign, confirm who you are")).to_be_visible()
    assert not Acknowledgement.objects.exists()
    assert_accessible(page, "reauthentication")
    screenshot(page, JOURNEY, "01-confirm-password")

    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").first.click()

    expect(page).to_have_url(f"{live_server.url}{policy.url}")
    expect(page.get_by_text(re.compile(r"Your acknowledgement of version 1 is recorded"))).to_be_visible()
    screenshot(page, JOURNEY, "02-recorded")
    ack = Acknowledgement.objects.get(user=employee)
    assert ack.typed_name == employee.name and ack.authentication_method == "reauthentication:password"
