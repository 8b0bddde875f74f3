"""Markup typed into the Markdown editor never runs in the editor's preview."""

import pytest
from playwright.sync_api import expect

from tests.e2e.csp import watch
from tests.e2e.steps import authenticate
from tests.policy_content.factories import PolicyPageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAYLOAD = (
    "Read this.\n\n"
    '<img src=x onerror="window.__pwned=1">\n\n'
    "<script>window.__pwned=2</script>\n\n"
    "[link](javascript:window.__pwned=3)\n\n"
    "**Bold stays bold.**"
)


def test_the_markdown_preview_shows_editor_markup_as_text_and_runs_nothing(page, context, base_url, editor):
    policy = PolicyPageFactory(title="Complaints policy", slug="complaints-policy")
    authenticate(context, editor, base_url=base_url)
    watched = watch(page)

    page.goto(f"/admin/pages/{policy.pk}/edit/")
    editor_box = page.locator(".EasyMDEContainer").first
    editor_box.locator(".CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(PAYLOAD)
    editor_box.locator(".editor-toolbar button.preview").click()

    preview = editor_box.locator(".editor-preview-active")
    expect(preview).to_contain_text("Read this.")
    expect(preview).to_contain_text('<img src=x onerror="window.__pwned=1">')
    expect(preview).to_contain_text("<script>window.__pwned=2</script>")
    expect(preview.locator("strong")).to_have_text("Bold stays bold.")
    assert preview.locator("img, script, svg, iframe").count() == 0
    assert preview.locator("a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)  # an image's error handler would have fired by now
    assert page.evaluate("window.__pwned") is None
    watched.assert_clean()  # nothing even tried to run: the policy reported no blocked script
