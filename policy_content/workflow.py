"""The "Policy approval" workflow: Compliance approves every policy change before it goes live."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

__all__ = [
    "APPROVER_GROUP",
    "APPROVER_PAGE_PERMISSIONS",
    "TASK_NAME",
    "WORKFLOW_NAME",
    "ensure_policy_workflow",
    "may_publish_directly",
]

WORKFLOW_NAME = "Policy approval"
TASK_NAME = "Compliance approval"
APPROVER_GROUP = "Compliance"
# Approvers publish when they approve, so they need publish rights on the policies.
APPROVER_PAGE_PERMISSIONS = ("change_page", "publish_page")


def ensure_policy_workflow(index_page: Page) -> Workflow:
    """Create the workflow if needed and assign it to the policy library (every language). Idempotent."""
    group, _ = Group.objects.get_or_create(name=APPROVER_GROUP)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.filter(name=TASK_NAME).first() or GroupApprovalTask.objects.create(
            name=TASK_NAME
        )
        task.groups.add(group)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page_type = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(translation_key=index_page.translation_key):
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
        for codename in APPROVER_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type=page_type, codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    return workflow


def may_publish_directly(user, page: Page) -> bool:
    """Under an active approval workflow only superusers and the workflow's approvers skip it."""
    if user.is_superuser:
        return True
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        return True
    group_ids = {
        group_id
        for task in workflow.tasks.filter(active=True).specific()
        if isinstance(task, GroupApprovalTask)
        for group_id in task.groups.values_list("pk", flat=True)
    }
    return user.groups.filter(pk__in=group_ids).exists()
