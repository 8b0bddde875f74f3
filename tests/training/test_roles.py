"""The four roles exist after migrations, with the Wagtail permissions each needs and no more."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Site, Workflow

from tests.training.factories import UserFactory
from training.choices import Role


def codenames(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {
        f"{perm.content_type.app_label}.{perm.codename}" for perm in group.permissions.select_related("content_type")
    }


@pytest.mark.django_db
def test_the_five_roles_exist_and_wagtails_sample_groups_are_gone():
    names = set(Group.objects.values_list("name", flat=True))

    assert set(Role.values) <= names
    assert {"Employees", "Managers", "Policy editors", "Compliance", "Translators"} == set(Role.values)
    assert names.isdisjoint({"Editors", "Moderators"})


@pytest.mark.django_db
def test_wagtails_sample_moderation_workflow_is_not_in_use():
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


@pytest.mark.django_db
def test_employees_have_no_admin_access():
    assert codenames(Role.EMPLOYEE) == set()
    assert not GroupPagePermission.objects.filter(group__name=Role.EMPLOYEE).exists()


@pytest.mark.django_db
def test_managers_open_the_admin_and_read_their_teams_reports():
    perms = codenames(Role.MANAGER)

    assert {"wagtailadmin.access_admin", "training.view_team_reports"} <= perms
    assert "training.view_all_reports" not in perms
    assert not GroupPagePermission.objects.filter(group__name=Role.MANAGER).exists()


@pytest.mark.django_db
def test_compliance_reads_every_report_but_edits_no_page():
    perms = codenames(Role.COMPLIANCE)

    assert {"wagtailadmin.access_admin", "training.view_all_reports"} <= perms
    assert not GroupPagePermission.objects.filter(group__name=Role.COMPLIANCE).exists()


@pytest.mark.django_db
def test_policy_editors_edit_and_publish_pages_under_the_home_page(home_page):
    assert "wagtailadmin.access_admin" in codenames(Role.EDITOR)
    page_perms = set(
        GroupPagePermission.objects.filter(group__name=Role.EDITOR, page=home_page).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= page_perms
    collection_perms = set(
        GroupCollectionPermission.objects.filter(
            group__name=Role.EDITOR, collection=Collection.get_first_root_node()
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= collection_perms


@pytest.mark.django_db
def test_admin_roles_do_not_manage_people():
    for role in (Role.MANAGER, Role.EDITOR, Role.COMPLIANCE):
        perms = codenames(role)
        assert not {"training.add_user", "training.change_user", "training.delete_user"} & perms, role
        assert not {"auth.change_group", "auth.change_permission"} & perms, role


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "perm", "expected"),
    [
        (Role.EMPLOYEE, "wagtailadmin.access_admin", False),
        (Role.MANAGER, "wagtailadmin.access_admin", True),
        (Role.MANAGER, "training.view_team_reports", True),
        (Role.MANAGER, "training.view_all_reports", False),
        (Role.COMPLIANCE, "training.view_all_reports", True),
        (Role.EDITOR, "wagtailadmin.access_admin", True),
        (Role.EDITOR, "training.view_team_reports", False),
    ],
)
def test_a_person_gets_the_permissions_of_their_role(role, perm, expected):
    person = UserFactory(roles=[role])

    assert person.has_perm(perm) is expected


@pytest.mark.django_db
def test_migrations_make_the_locales_and_the_home_page(home_page):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es", "pt", "el"}
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    assert home_page.locale.language_code == "en"
    assert home_page.live
