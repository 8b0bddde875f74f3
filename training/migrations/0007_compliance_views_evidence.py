"""Compliance checks the evidence chain and reads every frozen policy text."""

from django.db import migrations

GRANTS = {
    "Compliance": [
        ("evidencerecord", "view_evidencerecord"),
        ("frozentext", "view_frozentext"),
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, codename in perms:
            content_type, _ = ContentType.objects.get_or_create(app_label="policy_content", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0006_requirement_permissions"),
        ("policy_content", "0006_evidence"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
