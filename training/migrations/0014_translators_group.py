"""The Translators role; editors' and translators' rights on every translated tree; Compliance syncs translations."""

from django.db import migrations

TRANSLATORS = "Translators"
EDITORS = "Policy editors"
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    TRANSLATORS: ["change_page", "publish_page"],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    translators.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin"))
    compliance, _ = Group.objects.get_or_create(name="Compliance")
    compliance.permissions.add(permission(apps, "wagtail_localize", "translation", "submit_translation"))

    default = Locale.objects.filter(language_code="en").first()
    roots = Page.objects.filter(depth=2).exclude(locale=default)
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for root in roots:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission(apps, "wagtailcore", "page", codename)
                )


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0013_translators_and_translated_names"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
