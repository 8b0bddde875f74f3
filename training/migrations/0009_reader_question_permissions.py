"""Policy editors and Compliance read readers' questions and record what the review did about them."""

from django.db import migrations

GRANTS = {
    "Policy editors": ["view_readerquestion", "change_readerquestion"],
    "Compliance": ["view_readerquestion", "change_readerquestion"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="policy_content", model="readerquestion")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0008_audiences_and_transfers"),
        ("policy_content", "0007_reader_questions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
