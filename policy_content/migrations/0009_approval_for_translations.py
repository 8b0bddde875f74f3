"""The "Policy approval" workflow and Compliance's approval rights on the policy library in every language."""

from django.db import migrations

WORKFLOW_NAME = "Policy approval"
APPROVER_GROUP = "Compliance"
APPROVER_PAGE_PERMISSIONS = ["change_page", "publish_page"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    index_type = ContentType.objects.filter(app_label="policy_content", model="policyindexpage").first()
    if workflow is None or index_type is None:
        return
    approvers, _ = Group.objects.get_or_create(name=APPROVER_GROUP)
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for index in Page.objects.filter(content_type=index_type):
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
        for codename in APPROVER_PAGE_PERMISSIONS:
            perm, _ = Permission.objects.get_or_create(
                content_type=page_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
            )
            GroupPagePermission.objects.get_or_create(group=approvers, page=index, permission=perm)


class Migration(migrations.Migration):
    dependencies = [("policy_content", "0008_signing_method_and_paper_sign_off"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
