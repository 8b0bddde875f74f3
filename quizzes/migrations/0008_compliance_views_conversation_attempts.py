"""Compliance reads every conversation attempt in the admin's evidence listing, as it reads quiz attempts."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model="conversationattempt")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_conversationattempt",
        defaults={"name": "Can view conversation attempt"},
    )
    for group in Group.objects.filter(name="Compliance"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0007_conversation_scenarios"), ("training", "0003_initial_data")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
