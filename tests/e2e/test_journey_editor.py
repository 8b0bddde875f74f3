"""Journey 2: an editor publishes a new version through approval; an employee sees they owe it and what changed."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from policy_content.demo import POLICY_SLUG
from policy_content.models import Acknowledgement, PolicyPage
from tests.e2e.accessibility import assert_accessible
from tests.e2e.steps import sign_in
from tests.training.factories import AuthenticatorFactory
from training.demo.seed import DEMO_PASSWORD
from training.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEY = "journey-2-editor"
CHANGE_SUMMARY = "Phone calls are now answered within one minute (was two)."


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def switch_user(page, email: str) -> None:
    page.context.clear_cookies()
    sign_in(page, email=email, password=DEMO_PASSWORD)


def test_editor_publishes_a_new_version_through_approval_and_the_employee_owes_it(page, screenshot):
    call_command("seed_demo", stdout=StringIO())
    for email in ("editor@example.com", "compliance@example.com"):
        AuthenticatorFactory(user=User.objects.get(email=email))
    policy = PolicyPage.objects.get(slug=POLICY_SLUG, locale__language_code="en")
    assert policy.current_version.number == 2

    sign_in(page, email="editor@example.com", password=DEMO_PASSWORD)
    page.goto(f"/admin/pages/{policy.pk}/edit/")
    page.locator("#id_policy_owner").fill("Director of Customer Service")
    page.locator("#id_mark_as_new_version").check()
    page.locator("#id_change_summary").fill(CHANGE_SUMMARY)
    screenshot(page, JOURNEY, "01-editing")
    page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target=toggle]").last.click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_contain_text("submitted")
    policy.refresh_from_db()
    assert policy.current_version.number == 2, "nothing is in force before approval"

    switch_user(page, "compliance@example.com")  # reads the admin in Spanish
    page.goto(f"/admin/pages/{policy.pk}/edit/")
    screenshot(page, JOURNEY, "02-review")
    page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target=toggle]").last.click()
    page.locator("button[data-workflow-action-name=approve]").first.click()
    dialog = page.locator("[role=dialog] button[type=submit]")
    if dialog.count():
        dialog.first.click()
    expect(page.locator(".messages")).to_be_visible()
    policy = PolicyPage.objects.get(pk=policy.pk)
    version = policy.current_version
    assert version.number == 3
    assert version.change_summary == CHANGE_SUMMARY
    assert version.published_by.email == "compliance@example.com"

    switch_user(page, "ana@example.com")  # acknowledged version 2; reads Portuguese
    expect(page).to_have_url(re.compile(r"/pt/$"))
    portuguese = PolicyPage.objects.get(translation_key=policy.translation_key, locale__language_code="pt")
    owed = in_language("pt", "Re-acknowledge: %(title)s") % {"title": portuguese.title}
    expect(page.locator("main")).to_contain_text(owed)
    screenshot(page, JOURNEY, "03-dashboard-owes-it")

    page.goto(portuguese.url)
    expect(page.locator("#out-of-date")).to_be_visible()  # the translation still shows version 2
    assert_accessible(page, "out-of-date translation")
    screenshot(page, JOURNEY, "04-translation-out-of-date")
    page.locator("#out-of-date a[hreflang=en]").click()

    expect(page.locator("main")).to_contain_text("What changed since you acknowledged version 2")
    expect(page.locator("main")).to_contain_text(CHANGE_SUMMARY)
    screenshot(page, JOURNEY, "05-what-changed")
    page.fill("input[name=typed_name]", "Ana Costa")
    page.check("input[name=confirm]")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_text(re.compile(r"Your acknowledgement of version 3 is recorded"))).to_be_visible()
    assert Acknowledgement.objects.filter(user__email="ana@example.com", version=version, language="en").exists()
