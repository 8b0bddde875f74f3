"""The Wagtail admin signs people in through allauth's page, never through its own form."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.steps import pass_the_code_step, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def assert_sign_in_page_returning_to(page, next_path: str) -> None:
    url = urlsplit(page.url)
    assert url.path == "/en/accounts/login/", page.url
    assert parse_qs(url.query) == {"next": [next_path]}, page.url


def test_admin_login_page_hands_over_to_allauth(page):
    page.goto("/admin/login/?next=/admin/pages/")

    expect(page.locator("input[name=login]")).to_be_visible()
    assert_sign_in_page_returning_to(page, "/admin/pages/")


def test_editor_signs_in_and_lands_in_the_wagtail_admin(page, live_server, editor, password, screenshot):
    page.goto("/admin/")
    assert_sign_in_page_returning_to(page, "/admin/")
    screenshot(page, "editor-signs-in", "01-sign-in")

    page.locator("input[name=login]").fill(editor.email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    pass_the_code_step(page, editor)

    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page).to_have_title(re.compile(r"^Dashboard - "))
    expect(page.locator("body#wagtail")).to_have_class(re.compile(r"\bready\b"))
    expect(page.locator("main")).to_contain_text(editor.name)
    screenshot(page, "editor-signs-in", "02-wagtail-admin")


def test_editor_finds_the_admin_in_the_front_end_menu(page, live_server, editor, password):
    sign_in(page, email=editor.email, password=password)

    page.locator("header nav a[href='/admin/']").click()

    expect(page).to_have_url(f"{live_server.url}/admin/")


def test_employee_without_admin_access_is_sent_back_to_sign_in_with_a_reason(page, employee, password):
    sign_in(page, email=employee.email, password=password)

    expect(page.locator("header nav a[href='/admin/']")).to_have_count(0)

    page.goto("/admin/")

    assert_sign_in_page_returning_to(page, "/admin/")
    expect(page.locator("main")).to_contain_text("You do not have permission to access the admin.")
    expect(page.locator("header")).to_contain_text(employee.name)
    assert_accessible(page, "Sign-in page refusing the admin")
