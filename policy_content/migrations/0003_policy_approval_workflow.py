"""The "Policy approval" workflow (Compliance approves) and who may view versions and acknowledgements.

The policy library may not exist yet when this runs; seed_demo and new libraries call
policy_content.workflow.ensure_policy_workflow, which does the same assignment.
"""

from django.db import migrations

WORKFLOW_NAME = "Policy approval"
TASK_NAME = "Compliance approval"
APPROVER_GROUP = "Compliance"
VIEWERS = {
    "Policy editors": [("policyversion", "policy version"), ("acknowledgement", "acknowledgement")],
    "Compliance": [("policyversion", "policy version"), ("acknowledgement", "acknowledgement")],
}
APPROVER_PAGE_PERMISSIONS = ["change_page", "publish_page"]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    return perm


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    for group_name, models in VIEWERS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, verbose in models:
            group.permissions.add(permission(apps, "policy_content", model, f"view_{model}", f"Can view {verbose}"))

    approvers, _ = Group.objects.get_or_create(name=APPROVER_GROUP)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
        task.groups.add(approvers)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    index_type = ContentType.objects.filter(app_label="policy_content", model="policyindexpage").first()
    if index_type is None:
        return
    for index in Page.objects.filter(content_type=index_type):
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
        for codename in APPROVER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=approvers,
                page=index,
                permission=permission(apps, "wagtailcore", "page", codename, codename.replace("_", " ").capitalize()),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("policy_content", "0002_policies_versions_acknowledgements"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
