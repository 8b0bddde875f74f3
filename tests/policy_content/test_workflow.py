import pytest
from django.urls import reverse
from wagtail.models import Workflow, WorkflowState

from policy_content.models import PolicyPage
from policy_content.workflow import WORKFLOW_NAME, ensure_policy_workflow
from tests.policy_content.factories import PolicyIndexPageFactory, PolicyPageFactory, policy_edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    index = PolicyIndexPageFactory()
    ensure_policy_workflow(index)
    return PolicyPageFactory(parent=index)


def test_migration_creates_the_policy_approval_workflow_for_compliance():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Compliance"]


def test_policy_pages_are_under_the_workflow(policy):
    assert policy.get_workflow().name == WORKFLOW_NAME


def test_ensure_policy_workflow_is_idempotent(policy):
    index = policy.get_parent()
    ensure_policy_workflow(index)
    ensure_policy_workflow(index)
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert index.workflowpage.workflow.name == WORKFLOW_NAME


def test_editor_cannot_publish_a_policy_directly(client, editor, policy):
    assert not policy.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    data = policy_edit_form_data(policy, summary="Published without approval?")
    data["action-publish"] = "action-publish"

    client.post(reverse("wagtailadmin_pages:edit", args=[policy.pk]), data)

    policy = PolicyPage.objects.get(pk=policy.pk)
    assert policy.get_latest_revision().content["summary"] == "Published without approval?", "saved as a draft"
    assert policy.summary != "Published without approval?"
    assert policy.versions.count() == 1


def test_compliance_and_superusers_may_publish_directly(compliance, superuser, policy):
    assert policy.permissions_for_user(compliance).can_publish()
    assert policy.permissions_for_user(superuser).can_publish()


def test_workflow_approval_creates_the_version_dated_at_approval(client, editor, compliance, policy):
    client.force_login(editor)
    data = policy_edit_form_data(policy, summary="New rules.", mark_as_new_version="on", change_summary="Two days now.")
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[policy.pk]), data)
    assert response.status_code == 302
    assert policy.versions.count() == 1, "submitting for approval publishes nothing"

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(policy.pk))
    state.current_task_state.approve(user=compliance)

    policy = PolicyPage.objects.get(pk=policy.pk)
    version = policy.current_version
    assert version.number == 2
    assert version.change_summary == "Two days now."
    assert version.published_by == compliance
    assert version.published_at == policy.last_published_at
    assert policy.summary == "New rules."


def test_editor_form_asks_about_a_new_version_and_loads_no_cdn_assets(client, editor, policy):
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[policy.pk])).content.decode()

    assert "This is a new version" in html
    assert "Change summary" in html
    assert "policy_content/markdown_editor.js" in html
    assert "data-easymde-autodownload-value=\\&quot;false" in html


def test_editor_can_open_the_new_policy_form(client, editor, policy):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["policy_content", "policypage", policy.get_parent().pk])
    assert client.get(url).status_code == 200
