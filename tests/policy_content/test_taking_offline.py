"""Only approvers take a policy under the approval workflow offline; its readers keep their history."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from policy_content.models import PolicyPage
from policy_content.workflow import ensure_policy_workflow
from tests.training.world import build_world


@pytest.fixture
def world(home_page):
    world = build_world()
    ensure_policy_workflow(world.policy.get_parent())
    return world


@pytest.fixture
def owned_policy(world, editor):
    """The editor created the policy: Wagtail lets page owners with publish rights delete and move them."""
    PolicyPage.objects.filter(pk=world.policy.pk).update(owner=editor)
    return PolicyPage.objects.get(pk=world.policy.pk)


def test_an_editor_may_not_unpublish_move_or_delete_a_policy_under_approval(owned_policy, editor):
    permissions = owned_policy.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_unpublish()
    assert not permissions.can_delete()
    assert not permissions.can_move()


def test_compliance_and_superusers_may_unpublish_move_and_delete_it(owned_policy, compliance, superuser):
    for approver in (compliance, superuser):
        permissions = owned_policy.permissions_for_user(approver)
        assert permissions.can_unpublish() and permissions.can_delete() and permissions.can_move()


@pytest.mark.parametrize(
    ("url_name", "extra"),
    [("wagtailadmin_pages:unpublish", {}), ("wagtailadmin_pages:delete", {}), ("wagtailadmin_pages:move", {})],
)
def test_an_editor_posting_to_take_a_policy_offline_is_refused_and_it_stays_live(
    client, owned_policy, editor, url_name, extra
):
    client.force_login(editor)
    response = client.post(reverse(url_name, args=[owned_policy.pk]), extra)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert [str(m).strip() for m in get_messages(response.wsgi_request)] == [
        "Sorry, you do not have permission to access this area."
    ]
    policy = PolicyPage.objects.get(pk=owned_policy.pk)
    assert policy.live


def test_an_editor_cannot_unpublish_it_with_a_bulk_action(client, owned_policy, editor):
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"]) + f"?id={owned_policy.pk}"
    client.post(url)
    assert PolicyPage.objects.get(pk=owned_policy.pk).live


def test_the_edit_page_offers_the_editor_no_unpublish_or_delete(client, owned_policy, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[owned_policy.pk])).content.decode()
    assert reverse("wagtailadmin_pages:unpublish", args=[owned_policy.pk]) not in html
    assert reverse("wagtailadmin_pages:delete", args=[owned_policy.pk]) not in html


def test_readers_of_an_unpublished_policy_keep_their_acknowledgements_in_the_reports(client, world, compliance):
    client.force_login(compliance)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[world.policy.pk]))
    assert response.status_code == 302
    assert not PolicyPage.objects.get(pk=world.policy.pk).live

    html = client.get(reverse("training_reports:person", args=[world.ana.pk])).content.decode()
    assert world.policy.title in html
    assert html.count("Version 2") + html.count("version 2") >= 1
