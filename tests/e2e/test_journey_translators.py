"""Journey: after a new version, an editor syncs the Spanish translation and sends it for approval, Compliance
approves it, and a Spanish reader, first sent to the English text, acknowledges it in Spanish. No administrator."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail_localize.models import TranslationSource

from policy_content.demo import POLICY_SLUG
from policy_content.models import Acknowledgement, PolicyPage
from tests.e2e.steps import sign_in
from tests.policy_content.policy_helpers import publish_change
from tests.training.factories import AuthenticatorFactory
from training.demo.seed import DEMO_PASSWORD
from training.models import TranslationTask, User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEY = "journey-translators"
CHANGE_SUMMARY = "Complaints are acknowledged within one working day."


def switch_user(page, email: str) -> None:
    page.context.clear_cookies()
    sign_in(page, email=email, password=DEMO_PASSWORD)


def test_an_editor_brings_the_spanish_translation_up_to_date_and_a_spanish_reader_acknowledges_it(page, screenshot):
    call_command("seed_demo", stdout=StringIO())
    for email in ("editor@example.com", "compliance@example.com"):
        AuthenticatorFactory(user=User.objects.get(email=email))
    policy = PolicyPage.objects.get(slug=POLICY_SLUG, locale__language_code="en")
    policy = publish_change(policy, new_version=True, summary=CHANGE_SUMMARY, body=list(policy.body.raw_data))
    version = policy.current_version
    spanish = PolicyPage.objects.get(translation_key=policy.translation_key, locale__language_code="es")
    assert spanish.is_out_of_date
    assert TranslationTask.objects.open().filter(version=version, language="es").exists()

    switch_user(page, "sofia@example.com")  # reads Spanish; owes the new version
    link = page.locator(f'main a[href="{policy.url}"]').first
    expect(link).to_be_visible()  # sent to the English text, which she can acknowledge
    link.click()
    expect(page.locator("#translation-note")).to_contain_text("La traducción al español se está actualizando")
    screenshot(page, JOURNEY, "01-reader-sent-to-english")

    switch_user(page, "editor@example.com")
    source = TranslationSource.objects.get(object_id=policy.translation_key, locale=policy.locale)
    page.goto(f"/admin/localize/update/{source.pk}/")
    expect(page.locator("input[name=publish_translations]")).to_have_count(0)  # publishing waits for approval
    screenshot(page, JOURNEY, "02-editor-syncs")
    page.locator("main input[type=submit], main button[type=submit]").last.click()
    expect(page.locator(".messages")).to_be_visible()

    page.goto("/admin/")
    row = page.locator('#translation-tasks tr[data-task-language="es"]')
    expect(row).to_contain_text(CHANGE_SUMMARY)
    screenshot(page, JOURNEY, "03-editor-tasks")
    row.get_by_role("button").click()
    expect(page.locator(".messages")).to_be_visible()
    assert PolicyPage.objects.get(pk=spanish.pk).is_out_of_date, "nothing changes for readers before approval"

    switch_user(page, "compliance@example.com")
    page.goto("/admin/")
    approve = page.locator(f'button[data-workflow-action-url*="/{spanish.pk}/approve/"]:not([data-launch-modal])')
    page.locator("tr", has=approve).locator("[data-w-dropdown-target=toggle], .w-dropdown__toggle").first.click()
    approve.click()
    expect(approve).to_have_count(0)  # the dashboard reloads without the approved translation
    screenshot(page, JOURNEY, "04-compliance-approved")
    spanish = PolicyPage.objects.get(pk=spanish.pk)
    assert not spanish.is_out_of_date
    assert not TranslationTask.objects.open().filter(version=version, language="es").exists()

    switch_user(page, "sofia@example.com")
    expect(page).to_have_url(re.compile(r"/es/$"))
    page.locator(f'main a[href="{spanish.url}"]').first.click()
    expect(page.locator("#translation-note")).to_have_count(0)
    page.fill("input[name=typed_name]", "Sofía Martín")
    page.check("input[name=confirm]")
    page.locator("#acknowledge button[type=submit]").click()
    expect(page.locator(".message--success, [role=status]").first).to_be_visible()
    screenshot(page, JOURNEY, "05-reader-acknowledged-in-spanish")
    assert Acknowledgement.objects.filter(user__email="sofia@example.com", version=version, language="es").exists()
