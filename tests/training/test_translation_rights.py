"""Editors and translators work on the translated trees without an administrator; employees and managers do not."""

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import TranslationSource

from policy_content.workflow import WORKFLOW_NAME
from training.translators.rights import ensure_translation_permissions, may_translate, translators_of

from .translator_helpers import (
    make_translator,
    publish_new_version,
    spanish_page,
)

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def sync_url(policy):
    source = TranslationSource.objects.get(object_id=policy.translation_key, locale=policy.locale)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def test_the_translators_group_reaches_the_admin_but_not_the_english_tree(translated_policy, spanish_translator):
    policy, _ = translated_policy
    assert spanish_translator.has_perm("wagtailadmin.access_admin")
    assert not policy.permissions_for_user(spanish_translator).can_edit()


def test_every_translated_tree_gives_editors_and_translators_their_rights_once(translated_policy):
    spanish_home = Page.objects.get(depth=2, locale__language_code="es")
    before = GroupPagePermission.objects.filter(page=spanish_home).count()

    assert ensure_translation_permissions() == 1
    assert GroupPagePermission.objects.filter(page=spanish_home).count() == before
    granted = set(
        GroupPagePermission.objects.filter(page=spanish_home).values_list("group__name", "permission__codename")
    )
    assert {
        ("Policy editors", "change_page"),
        ("Translators", "change_page"),
        ("Translators", "publish_page"),
    } <= granted


def test_the_approval_workflow_covers_the_translations(translated_policy):
    _, spanish = translated_policy
    assert spanish.get_workflow().name == WORKFLOW_NAME


@pytest.mark.parametrize("who", ["editor", "spanish_translator"])
def test_editors_and_translators_open_the_spanish_translation(client, translated_policy, who, request):
    _, spanish = translated_policy
    client.force_login(request.getfixturevalue(who))

    response = client.get(edit_url(spanish))

    assert response.status_code == 200
    assert "wagtail-localize" in response.content.decode() or "localize" in response.content.decode()


def assert_refused(response, who):
    """Without admin access: the sign-in page; with it but no right: 403, or Wagtail's refusal (back to the dashboard)."""
    if who == "employee":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    else:
        assert response.status_code == 403 or (response.status_code == 302 and response.url == "/admin/")


@pytest.mark.parametrize("who", ["employee", "manager", "greek_translator"])
def test_others_are_refused_the_spanish_translation(client, translated_policy, who, request):
    _, spanish = translated_policy
    client.force_login(request.getfixturevalue(who))

    response = client.get(edit_url(spanish))

    assert_refused(response, who)
    if who == "greek_translator":
        assert response.status_code == 403


def test_an_editor_syncs_the_translations_but_cannot_publish_them_past_approval(
    client, editor, translated_policy, django_capture_on_commit_callbacks
):
    policy, _ = translated_policy
    policy = publish_new_version(policy, django_capture_on_commit_callbacks)
    client.force_login(editor)

    assert client.get(sync_url(policy)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(policy), {"publish_translations": "on"})

    assert response.status_code == 302
    assert spanish_page(policy).is_out_of_date, "publishing waits for approval"


def test_compliance_syncs_and_publishes_the_translations(
    client, compliance, translated_policy, django_capture_on_commit_callbacks
):
    policy, _ = translated_policy
    policy = publish_new_version(policy, django_capture_on_commit_callbacks)
    client.force_login(compliance)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(policy), {"publish_translations": "on"})

    assert response.status_code == 302
    assert not spanish_page(policy).is_out_of_date


@pytest.mark.parametrize("who", ["employee", "manager", "spanish_translator"])
def test_only_editors_and_approvers_sync_the_translations(
    client, translated_policy, who, request, django_capture_on_commit_callbacks
):
    policy, _ = translated_policy
    policy = publish_new_version(policy, django_capture_on_commit_callbacks)
    client.force_login(request.getfixturevalue(who))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(policy), {"publish_translations": "on"})

    if who == "employee":
        assert_refused(response, who)
    else:
        assert response.status_code == 403
    assert spanish_page(policy).renders_version == 1


def test_translators_of_a_language_are_the_active_translators_who_translate_into_it(spanish_translator):
    both = make_translator("es", "pt")
    make_translator("el")
    inactive = make_translator("es")
    inactive.is_active = False
    inactive.save()

    assert translators_of("es") == [spanish_translator, both]
    assert may_translate(both, "pt") and not may_translate(spanish_translator, "pt")
