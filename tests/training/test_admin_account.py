"""The admin account page is the admin's; nobody changes their own name, and every change of a name is logged."""

import io

import pytest
from wagtail.models import ModelLogEntry

from tests.training.factories import UserFactory
from training.models import User
from training.people.importing import import_people

pytestmark = pytest.mark.django_db

ACCOUNT = "/admin/account/"
ACCOUNT_FORM = {
    "name_email-name": "Someone Else",
    "locale-preferred_language": "en",
    "locale-current_time_zone": "",
    "theme-theme": "system",
    "theme-density": "default",
    "theme-contrast": "system",
    "theme-keyboard_shortcuts": "on",
}


def name_changes(person: User) -> list[tuple[dict, User | None]]:
    entries = ModelLogEntry.objects.for_instance(person).filter(action="training.name_change").order_by("pk")
    return [(entry.data, entry.user) for entry in entries]


def user_admin_form(person: User, **changes) -> dict:
    data = {
        "email": person.email,
        "name": person.name,
        "team": person.team_id or "",
        "job_title": person.job_title,
        "start_date": person.start_date.isoformat() if person.start_date else "",
        "preferred_language": person.preferred_language,
        "is_active": "on",
        "groups": list(person.groups.values_list("pk", flat=True)),
    }
    return {**data, **changes}


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(ACCOUNT)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/admin/account/"


def test_an_employee_gets_no_admin_account_page(client, employee):
    client.force_login(employee)

    response = client.get(ACCOUNT, follow=True)

    assert response.redirect_chain == [("/en/accounts/login/?next=/admin/account/", 302)]
    assert "You do not have permission to access the admin." in response.content.decode()


def test_an_employee_cannot_rename_themselves_there(client, employee):
    client.force_login(employee)
    name = employee.name

    response = client.post(ACCOUNT, ACCOUNT_FORM)

    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.name == name


def test_an_employees_ajax_request_is_refused_with_403(client, employee):
    client.force_login(employee)

    assert client.get(ACCOUNT, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403


def test_an_admin_keeps_their_account_settings_but_not_their_name(client, editor):
    client.force_login(editor)
    name = editor.name

    page = client.get(ACCOUNT)
    assert page.status_code == 200
    assert 'name="name_email-name"' not in page.content.decode()
    response = client.post(ACCOUNT, {**ACCOUNT_FORM, "locale-preferred_language": "es"})

    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.name == name
    assert editor.wagtail_userprofile.preferred_language == "es"


def test_an_administrator_renames_a_person_in_the_user_admin_and_it_is_logged(client, superuser, employee):
    client.force_login(superuser)
    before = employee.name

    response = client.post(f"/admin/users/edit/{employee.pk}/", user_admin_form(employee, name="Ana Maria Costa"))

    assert response.status_code == 302, response.content.decode()[:2000]
    employee.refresh_from_db()
    assert employee.name == "Ana Maria Costa"
    assert name_changes(employee) == [({"before": before, "after": "Ana Maria Costa"}, superuser)]
    history = client.get(f"/admin/users/history/{employee.pk}/").content.decode()
    assert "Name changed from" in history


def test_a_rename_in_people_is_logged_too(client, superuser, employee):
    client.force_login(superuser)
    before = employee.name

    client.post(f"/admin/people/edit/{employee.pk}/", user_admin_form(employee, name="New Name"))

    assert name_changes(employee) == [({"before": before, "after": "New Name"}, superuser)]


def test_an_administrator_cannot_rename_themselves_in_the_admin(client, superuser):
    client.force_login(superuser)
    name = superuser.name

    client.post(f"/admin/users/edit/{superuser.pk}/", user_admin_form(superuser, name="Self Renamed"))
    client.post(f"/admin/people/edit/{superuser.pk}/", user_admin_form(superuser, name="Self Renamed"))

    superuser.refresh_from_db()
    assert superuser.name == name
    assert name_changes(superuser) == []


def test_an_import_that_renames_a_person_is_logged(employee):
    before = employee.name

    import_people(io.StringIO(f"email,name\n{employee.email},Renamed By Import\n"))

    assert name_changes(employee) == [({"before": before, "after": "Renamed By Import"}, None)]


def test_saving_a_person_without_a_new_name_logs_nothing(employee):
    employee.job_title = "Team lead"
    employee.save()
    UserFactory(name="Brand New")

    assert name_changes(employee) == []
    assert not ModelLogEntry.objects.filter(action="training.name_change").exists()
