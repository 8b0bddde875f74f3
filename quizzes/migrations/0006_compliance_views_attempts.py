"""Compliance reads every quiz attempt in the admin's evidence listing, as it reads acknowledgements."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model="quizattempt")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_quizattempt", defaults={"name": "Can view quiz attempt"}
    )
    for group in Group.objects.filter(name="Compliance"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0005_chain_submitted_attempts")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
