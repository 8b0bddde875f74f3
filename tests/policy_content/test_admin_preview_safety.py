"""Markup an editor types into policy Markdown never runs in the admin: preview, revisions, comparison."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from policy_content.markdown_preview import MAX_PREVIEW_LENGTH
from policy_content.rendering import render_markdown
from tests.policy_content.factories import PolicyPageFactory, policy_body_data, policy_edit_form_data

MARKER = "__pwned"
PAYLOADS = [
    f'<img src=x onerror="window.{MARKER}=1">',
    f"<script>window.{MARKER}=2</script>",
    f'<a href="javascript:window.{MARKER}=3">link</a>',
    f"[link](javascript:window.{MARKER}=4)",
    f'<svg onload="window.{MARKER}=5"></svg>',
]
PAYLOAD_TEXT = "Read this.\n\n" + "\n\n".join(PAYLOADS)


class _Markup(HTMLParser):
    """Every element with its attributes, and the text of every executable script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        attributes = dict(attrs)
        self._in_script = tag == "script" and "json" not in (attributes.get("type") or "")
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def assert_nothing_can_run(html: str) -> None:
    """No element, handler, script or link in the page carries the payload as live markup."""
    markup = _Markup()
    markup.feed(html)
    for tag, attributes in markup.elements:
        for name, value in attributes.items():
            assert not (name.startswith("on") and MARKER in (value or "")), f"<{tag} {name}> carries the payload"
            if name in {"href", "src", "action", "formaction"}:
                assert not (value or "").strip().lower().startswith("javascript:"), f"<{tag} {name}={value}>"
        assert not (tag == "img" and attributes.get("src") == "x"), "the payload's image was rendered"
    assert not [script for script in markup.scripts if MARKER in script], "a script carries the payload"


@pytest.fixture
def policy(db):
    return PolicyPageFactory(title="Complaints policy", slug="complaints-policy")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def body_with_payload():
    body = policy_body_data()
    heading, value = body[0]
    return [(heading, {**value, "body": PAYLOAD_TEXT}), *body[1:]]


def draft_with_payload(policy, user):
    page = policy.get_latest_revision_as_object()
    page.body = body_with_payload()
    return page.save_revision(user=user)


def test_the_markdown_preview_renders_with_the_public_sanitiser(admin_client):
    response = admin_client.post(reverse("policy_markdown_preview"), {"text": PAYLOAD_TEXT})

    assert response.status_code == 200
    html = response.content.decode()
    assert html == render_markdown(PAYLOAD_TEXT)
    assert_nothing_can_run(html)
    assert "&lt;img src=x onerror=" in html, "raw HTML is shown as text, as on the public page"
    assert "no-store" in response["Cache-Control"]


def test_the_markdown_preview_keeps_the_markdown_editors_need(admin_client):
    response = admin_client.post(
        reverse("policy_markdown_preview"), {"text": "**Bold** and [site](https://example.com)"}
    )

    html = response.content.decode()
    assert "<strong>Bold</strong>" in html
    assert 'href="https://example.com"' in html


def test_the_markdown_preview_refuses_text_too_long_to_preview(admin_client):
    response = admin_client.post(reverse("policy_markdown_preview"), {"text": "a" * (MAX_PREVIEW_LENGTH + 1)})

    assert response.status_code == 400
    assert "too long to preview" in response.content.decode()


def test_the_markdown_preview_only_answers_a_post(admin_client):
    assert admin_client.get(reverse("policy_markdown_preview")).status_code == 405


def test_the_markdown_preview_is_only_for_people_with_admin_access(client, employee):
    url = reverse("policy_markdown_preview")
    anonymous = client.post(url, {"text": "x"})
    assert anonymous.status_code == 302

    client.force_login(employee)
    signed_in = client.post(url, {"text": "x"})
    assert signed_in.status_code in {302, 403}


def test_wagtails_page_preview_of_an_unsaved_edit_runs_no_editor_markup(admin_client, policy):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[policy.pk])

    stored = admin_client.post(url, policy_edit_form_data(policy, body=body_with_payload()))
    assert stored.json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Read this." in html, "the preview shows the edited text"
    assert_nothing_can_run(html)


def test_the_revision_preview_runs_no_editor_markup(admin_client, policy, superuser):
    revision = draft_with_payload(policy, superuser)

    response = admin_client.get(reverse("wagtailadmin_pages:revisions_view", args=[policy.pk, revision.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Read this." in html
    assert_nothing_can_run(html)


def test_the_revision_comparison_runs_no_editor_markup(admin_client, policy, superuser):
    earlier = policy.latest_revision
    later = draft_with_payload(policy, superuser)

    response = admin_client.get(reverse("wagtailadmin_pages:revisions_compare", args=[policy.pk, earlier.pk, later.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Read this." in html, "the comparison shows the new text"
    assert_nothing_can_run(html)


def test_the_edit_form_and_history_run_no_editor_markup(admin_client, policy, superuser):
    draft_with_payload(policy, superuser)

    for url in (
        reverse("wagtailadmin_pages:edit", args=[policy.pk]),
        reverse("wagtailadmin_pages:history", args=[policy.pk]),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_nothing_can_run(response.content.decode())


def test_the_published_page_runs_no_editor_markup(client, policy, superuser, employee):
    draft_with_payload(policy, superuser).publish(user=superuser)
    client.force_login(employee)

    response = client.get(policy.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Read this." in html
    assert_nothing_can_run(html)


def test_the_translation_editor_runs_no_editor_markup(admin_client, policy, superuser):
    from wagtail.models import Locale
    from wagtail_localize.operations import TranslationCreator

    draft_with_payload(policy, superuser).publish(user=superuser)
    spanish, _created = Locale.objects.get_or_create(language_code="es")
    TranslationCreator(superuser, [spanish]).create_translations(policy.specific_class.objects.get(pk=policy.pk))
    translation = policy.get_translation(spanish)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Read this." in html, "the editor shows the source text to translate"
    assert_nothing_can_run(html)
