"""Editors and translators work on the translated trees without an administrator; employees and managers do not."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from policy_content.workflow import WORKFLOW_NAME
from tests.translation_helpers import translate
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
        ("Translators (es)", "change_page"),
        ("Translators (es)", "publish_page"),
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


def string_url(translation_page, name="edit_string_translation"):
    source = TranslationSource.objects.get(object_id=translation_page.translation_key, locale__language_code="en")
    translation = Translation.objects.get(source=source, target_locale=translation_page.locale)
    segment = StringSegment.objects.filter(source=source).first()
    return reverse(f"wagtail_localize:{name}", args=[translation.pk, segment.pk])


def test_a_translator_changes_strings_of_their_language_only(client, translated_policy, spanish_translator):
    policy, spanish = translated_policy
    greek = translate(policy, "el")
    client.force_login(spanish_translator)

    form = "application/x-www-form-urlencoded"
    own = client.put(string_url(spanish), urlencode({"value": "Hola"}), content_type=form)
    other = client.put(string_url(greek), urlencode({"value": "Γεια"}), content_type=form)

    assert own.status_code == 200
    assert other.status_code == 403


def test_a_translator_explores_edits_and_publishes_their_language_only(client, translated_policy, spanish_translator):
    policy, spanish = translated_policy
    greek = translate(policy, "el")

    assert spanish.permissions_for_user(spanish_translator).can_edit()
    assert not greek.permissions_for_user(spanish_translator).can_edit()
    assert not greek.permissions_for_user(spanish_translator).can_publish()
    client.force_login(spanish_translator)
    explorer = client.get(reverse("wagtailadmin_explore", args=[greek.get_parent().pk]))
    assert explorer.status_code != 200 or greek.title not in explorer.content.decode()


def test_translator_rights_follow_the_role_and_the_languages(translated_policy):
    _, spanish = translated_policy
    person = make_translator("pt")
    assert not spanish.permissions_for_user(person).can_edit()

    person.translation_languages = ["pt", "es"]
    person.save()
    assert spanish.permissions_for_user(type(person).objects.get(pk=person.pk)).can_edit()

    person.groups.remove(Group.objects.get(name="Translators"))
    assert not spanish.permissions_for_user(type(person).objects.get(pk=person.pk)).can_edit()
    assert not person.groups.filter(name__startswith="Translators").exists()


def test_the_person_form_offers_roles_not_language_groups(client, admin_user, spanish_translator):
    client.force_login(admin_user)

    page = client.get(reverse("wagtailusers_users:edit", args=[spanish_translator.pk])).content.decode()

    assert "Translators (es)" not in page
