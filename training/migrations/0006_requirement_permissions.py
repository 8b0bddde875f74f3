"""Compliance sets who must do what by when: requirements and the training settings."""

from django.db import migrations

GRANTS = {
    "Compliance": [
        ("requirement", "add_requirement"),
        ("requirement", "change_requirement"),
        ("requirement", "delete_requirement"),
        ("requirement", "view_requirement"),
        ("trainingsettings", "change_trainingsettings"),
        ("trainingsettings", "view_trainingsettings"),
        ("remindersend", "view_remindersend"),
    ],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, codename in perms:
            content_type, _ = ContentType.objects.get_or_create(app_label="training", model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("training", "0005_requirements_settings_reminders")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
