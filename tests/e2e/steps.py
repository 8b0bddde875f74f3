"""Steps that journeys share: signing in and out, switching language, viewports."""

import re

from django.conf import settings
from django.test import Client
from django.utils import translation
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.accessibility import assert_focus_visible, press, tab_to
from tests.mfa_helpers import totp_code, totp_code_for_secret
from tests.training.auth_helpers import sign_in as sign_in_client
from training.models import User

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
SIGN_IN_URL = "/{language}/accounts/login/"
MFA_STEP = re.compile(r"/accounts/2fa/authenticate/")


def sign_in_url(language: str = "en") -> str:
    return SIGN_IN_URL.format(language=language)


def sign_in(page: Page, *, email: str, password: str, language: str = "en") -> None:
    """Sign in through allauth's form and wait to leave it; give the app's code when two-factor asks for it."""
    page.goto(sign_in_url(language))
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
    if MFA_STEP.search(page.url):
        pass_the_code_step(page, User.objects.get(email=email))


def pass_the_code_step(page: Page, user) -> None:
    """Type the code the person's authenticator app shows now."""
    page.locator("input[name=code]").fill(totp_code(user))
    page.locator("main form button[type=submit]").first.click()
    expect(page).not_to_have_url(MFA_STEP)


def set_up_authenticator_app(page: Page) -> str:
    """On the enrolment page, read the secret shown under the QR code, as a person typing it into an app would."""
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(totp_code_for_secret(secret))
    page.locator("main form button[type=submit]").first.click()
    return secret


def sign_in_with_keyboard(page: Page, *, email: str, password: str) -> None:
    """From an open sign-in page, fill and send the form with Tab, typing, Space and Enter only."""
    email_field = page.locator("input[name=login]")
    tab_to(page, email_field)
    assert_focus_visible(page)
    page.keyboard.type(email)
    tab_to(page, page.locator("input[name=password]"))
    assert_focus_visible(page)
    page.keyboard.type(password)
    remember = page.locator("input[name=remember]")
    if remember.count():
        tab_to(page, remember)
        press(page, " ")
        expect(remember).to_be_checked()
    tab_to(page, page.locator("main form button[type=submit]"))
    assert_focus_visible(page)
    press(page, "Enter")
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def authenticate(context: BrowserContext, user, *, base_url: str) -> None:
    """Give the browser a signed-in session, for journeys that are not about signing in (allauth counts it
    as a password sign-in just now, so the person may sign a policy)."""
    client = Client()
    sign_in_client(client, user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}])


def sign_out(page: Page) -> None:
    """Use the header's sign-out button (found by its form, so it works in every language)."""
    page.locator("header form[action*='/accounts/logout/'] button[type=submit]").click()
    expect(sign_in_link(page)).to_be_visible()


def sign_in_link(page: Page):
    """The header's sign-in link (the language switcher's links are the other ones to the sign-in page)."""
    return page.locator("header a[href*='/accounts/login/']:not([hreflang])")


def language_link(page: Page, code: str):
    return page.locator(f"header nav a[hreflang='{code}']")


def switch_language(page: Page, code: str) -> None:
    """Follow the language switcher's link to the language with this code."""
    language_link(page, code).click()
    expect(page.locator("html")).to_have_attribute("lang", code)


def download(page: Page, link_text: str, *, language: str) -> bytes:
    """Open the admin header's actions menu (in `language`) and download the export it offers."""
    with translation.override(language):
        actions = translation.gettext("Actions")
    page.get_by_role("button", name=actions).click()
    with page.expect_download() as info:
        page.get_by_role("link", name=link_text).click()
    page.keyboard.press("Escape")
    with open(info.value.path(), "rb") as handle:
        return handle.read()
