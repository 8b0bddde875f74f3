"""Translators' page rights move from the role to one group per language, each on its own tree."""

from django.db import migrations

TRANSLATORS = "Translators"


def group_name(language):
    return f"{TRANSLATORS} ({language})"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("training", "User")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    role = Group.objects.filter(name=TRANSLATORS).first()
    if role is None:
        return
    for grant in GroupPagePermission.objects.filter(group=role).select_related("page__locale"):
        language_group, _ = Group.objects.get_or_create(name=group_name(grant.page.locale.language_code))
        GroupPagePermission.objects.get_or_create(group=language_group, page=grant.page, permission=grant.permission)
        grant.delete()
    for person in User.objects.filter(groups=role):
        for language in person.translation_languages or []:
            person.groups.add(Group.objects.get_or_create(name=group_name(language))[0])


class Migration(migrations.Migration):
    dependencies = [("training", "0015_requirement_roles_include_translators")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
