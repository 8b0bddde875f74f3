"""Locales, the home page and the four groups with their permissions."""

from django.db import migrations

LANGUAGES = ["en", "es", "pt", "el"]

PAGE_PERMISSIONS = {
    "Policy editors": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MODEL_PERMISSIONS = {
    "Employees": [],
    "Managers": [
        ("wagtailadmin", "admin", "access_admin"),
        ("training", "team", "view_team_reports"),
    ],
    "Policy editors": [
        ("wagtailadmin", "admin", "access_admin"),
        ("wagtail_localize", "translation", "submit_translation"),
    ],
    "Compliance": [
        ("wagtailadmin", "admin", "access_admin"),
        ("training", "team", "view_all_reports"),
    ],
}
COLLECTION_PERMISSIONS = {
    "Policy editors": [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "choose_document"),
    ],
}
PERMISSION_NAMES = {
    "view_team_reports": "Can view training reports of managed teams",
    "view_all_reports": "Can view training reports of every team",
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": PERMISSION_NAMES.get(codename, codename.replace("_", " ").capitalize())},
    )
    return perm


def create_locales(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def create_home_page(apps):
    """Replace Wagtail's welcome page with the training home page."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("training", "HomePage")

    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    if Page.objects.filter(depth=2).exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="training", model="homepage")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Service Training",
        draft_title="Service Training",
        slug="home",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.get(language_code="en"),
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.id, "site_name": "Service Training"},
    )


def create_groups(apps):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for name, perms in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(apps, *spec) for spec in perms])

    home = Page.objects.filter(depth=2).order_by("path").first()
    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=permission(apps, "wagtailcore", "page", codename)
            )

    root_collection = Collection.objects.filter(depth=1).first()
    for name, perms in COLLECTION_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for spec in perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(apps, *spec)
            )


def remove_wagtail_default_roles(apps):
    """Wagtail's sample Editors/Moderators groups and their workflow would compete with ours."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for workflow in Workflow.objects.filter(name="Moderators approval"):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


def forwards(apps, schema_editor):
    remove_wagtail_default_roles(apps)
    create_locales(apps)
    create_home_page(apps)
    create_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
