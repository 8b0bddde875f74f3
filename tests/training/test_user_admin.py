import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from training.models import Team, User

pytestmark = pytest.mark.django_db


def test_admin_creates_a_person_with_profile_and_role(client, superuser):
    team = Team.objects.create(name="Front desk")
    employees = Group.objects.get(name="Employees")
    client.force_login(superuser)
    response = client.post(
        "/admin/users/new/",
        {
            "email": "new.hire@example.com",
            "name": "New Hire",
            "team": team.pk,
            "job_title": "Receptionist",
            "start_date": "2026-11-20",
            "preferred_language": "pt",
            "password1": "a-long-enough-password-91",
            "password2": "a-long-enough-password-91",
            "groups": [employees.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="new.hire@example.com")
    assert (person.name, person.team, person.preferred_language) == ("New Hire", team, "pt")
    assert list(person.groups.all()) == [employees]
    assert person.emailaddress_set.get().verified


def test_admin_edit_form_has_no_first_or_last_name(client, superuser, employee):
    client.force_login(superuser)
    html = client.get(f"/admin/users/edit/{employee.pk}/").content.decode()
    assert 'name="name"' in html and 'name="first_name"' not in html


def test_admin_language_follows_the_preferred_language(employee):
    employee.preferred_language = "el"
    employee.save()
    assert UserProfile.get_for_user(employee).preferred_language == "el"
