"""Directory groups: one named like a team gives its members that team, one named like a role that role;
leaving takes it back unless another group gives it; other groups change nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from tests.scim.conftest import GROUP
from tests.training.factories import TeamFactory, UserFactory
from training.choices import Role
from training.models import DirectoryGroup, User
from training.scim import audit

pytestmark = pytest.mark.django_db


def _person(scim, email: str) -> User:
    return User.objects.get(pk=scim.create_person(email)["id"])


def _roles(person: User) -> set[str]:
    return set(person.groups.values_list("name", flat=True))


def test_a_group_named_like_a_team_makes_it_its_members_team_until_they_leave(scim):
    front_desk = TeamFactory(name="Front desk")
    ana, nikos = _person(scim, "ana@example.com"), _person(scim, "nikos@example.com")

    group = scim.create_group("FRONT DESK", members=[ana.pk, nikos.pk])

    ana.refresh_from_db()
    assert ana.team == front_desk and User.objects.get(pk=nikos.pk).team == front_desk
    response = scim.patch(f"Groups/{group['id']}", {"op": "remove", "path": f'members[value eq "{ana.pk}"]'})
    assert response.status_code == 200
    ana.refresh_from_db()
    assert ana.team is None and User.objects.get(pk=nikos.pk).team == front_desk
    entry = ModelLogEntry.objects.filter(object_id=str(ana.pk), action=audit.UPDATE_ACTION).latest("timestamp")
    assert entry.data["changes"] == [{"field": "team", "before": "Front desk", "after": ""}]


def test_a_group_named_like_a_role_gives_that_role_and_leaving_takes_it_back(scim):
    marta = _person(scim, "marta@example.com")
    managers = scim.create_group("Managers")
    managers_too = scim.create_group("manager", members=[])

    scim.patch(f"Groups/{managers['id']}", {"op": "add", "path": "members", "value": [{"value": str(marta.pk)}]})
    assert _roles(marta) == {Role.EMPLOYEE, Role.MANAGER}

    scim.patch(f"Groups/{managers_too['id']}", {"op": "add", "path": "members", "value": [{"value": str(marta.pk)}]})
    scim.patch(f"Groups/{managers['id']}", {"op": "remove", "path": "members"})
    assert _roles(marta) == {Role.EMPLOYEE, Role.MANAGER}, "another group still makes her a manager"

    assert scim.call("delete", f"Groups/{managers_too['id']}").status_code == 204
    assert _roles(marta) == {Role.EMPLOYEE}
    assert User.objects.filter(pk=marta.pk, is_active=True).exists()
    assert not DirectoryGroup.objects.filter(pk=managers_too["id"]).exists()


def test_a_group_named_like_neither_changes_nobody(scim):
    team = TeamFactory(name="Kitchen")
    cook = UserFactory(email="cook@example.com", team=team, roles=[Role.EMPLOYEE])

    group = scim.create_group("All staff", members=[cook.pk])

    cook.refresh_from_db()
    assert cook.team == team and _roles(cook) == {Role.EMPLOYEE}
    listed = scim.call("get", f"Users/{cook.pk}").json()
    assert listed["groups"][0]["value"] == group["id"] and listed["groups"][0]["display"] == "All staff"
    assert ModelLogEntry.objects.filter(object_id=group["id"], action=audit.GROUP_ACTION).exists()


def test_renaming_a_group_moves_its_members_from_the_old_team_to_the_new(scim):
    old, new = TeamFactory(name="Day shift"), TeamFactory(name="Night shift")
    pat = _person(scim, "pat@example.com")
    group = scim.create_group("Day shift", members=[pat.pk])
    assert User.objects.get(pk=pat.pk).team == old

    body = {"schemas": [GROUP], "displayName": "Night shift", "members": [{"value": str(pat.pk)}]}
    assert scim.call("put", f"Groups/{group['id']}", body).status_code == 200

    assert User.objects.get(pk=pat.pk).team == new


def test_members_must_be_people_the_identity_provider_can_see(scim):
    response = scim.call("post", "Groups", {"schemas": [GROUP], "displayName": "X", "members": [{"value": "424242"}]})
    assert response.status_code == 400 and response.json()["scimType"] == "invalidValue"
    assert not DirectoryGroup.objects.exists()


def test_listing_people_and_groups_takes_the_same_queries_for_few_or_many(scim):
    def queries(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert scim.call("get", path).status_code == 200
        return len(captured)

    team = TeamFactory(name="Front desk")
    people = UserFactory.create_batch(3, team=team)
    scim.create_group("Front desk", members=[person.pk for person in people])
    few = (queries("Users"), queries("Groups"))
    more = UserFactory.create_batch(30, team=team)
    scim.create_group("Managers", members=[person.pk for person in more])
    assert (queries("Users"), queries("Groups")) == few


def test_looking_one_person_up_by_user_name_reads_only_that_person(scim):
    UserFactory.create_batch(20)
    wanted = _person(scim, "wanted@example.com")
    with CaptureQueriesContext(connection) as captured:
        found = scim.call("get", 'Users?filter=userName eq "Wanted@Example.com"').json()
    assert [resource["id"] for resource in found["Resources"]] == [str(wanted.pk)]
    people_query = next(query["sql"] for query in captured if "training_scimaccount" in query["sql"])
    assert "LIKE" in people_query.upper() or "UPPER" in people_query.upper()
