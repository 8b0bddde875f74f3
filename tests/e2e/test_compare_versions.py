"""Compliance compares the demo policy's first version with a later one, side by side, in Spanish."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from policy_content.demo import POLICY_SLUG
from policy_content.models import PolicyPage
from tests.e2e.steps import authenticate
from tests.training.factories import AuthenticatorFactory
from training.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEY = "compare-versions"


def spanish(text: str) -> str:
    with translation.override("es"):
        return translation.gettext(text)


def test_compliance_compares_two_versions_side_by_side(page, screenshot, base_url):
    call_command("seed_demo", stdout=StringIO())
    compliance = User.objects.get(email="compliance@example.com")  # reads the admin in Spanish
    AuthenticatorFactory(user=compliance)
    policy = PolicyPage.objects.get(slug=POLICY_SLUG, locale__language_code="en")
    later = min(3, policy.current_version.number)
    authenticate(page.context, compliance, base_url=base_url)

    page.goto(f"/admin/pages/{policy.pk}/edit/")
    page.get_by_role("button", name=spanish("Actions")).first.click()
    page.get_by_role("link", name=spanish("Compare versions")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(spanish("Compare policy versions")))
    expect(page.locator("#compare-language")).to_have_value("en")  # the language of the page it came from

    page.locator("#compare-language").select_option("es")
    page.locator("#compare-from").select_option("1")
    page.locator("#compare-to").select_option(str(later))
    page.get_by_label(spanish("Side by side")).check()
    page.get_by_role("button", name=spanish("Compare"), exact=True).click()

    table = page.locator("table.compare-table")
    expect(table.locator("thead th")).to_have_text(["Versión 1", f"Versión {later}"])
    expect(table.locator("tbody.compare-section--changed").first).to_be_visible()
    assert table.locator("td ins").count() > 0 and table.locator("td del").count() > 0
    expect(table.locator("td ins .w-sr-only").first).to_have_text(re.compile(re.escape(spanish("[inserted:"))))
    assert page.locator("div[lang=es] table.compare-table").count() == 1
    screenshot(page, JOURNEY, f"01-versions-1-and-{later}-side-by-side")
    table.locator("tbody.compare-section--changed").first.scroll_into_view_if_needed()
    screenshot(page, JOURNEY, f"02-versions-1-and-{later}-first-change")
