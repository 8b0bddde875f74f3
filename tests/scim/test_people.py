"""People provisioned over SCIM: created through the import's rules, owing their job title's training,
deactivated (never deleted) with every record kept, and every change in Wagtail's log."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import ModelLogEntry

from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.quizzes.factories import QuizAttemptFactory, QuizPageFactory
from tests.scim.conftest import ENTERPRISE, USER
from tests.training.factories import RequirementFactory, TeamFactory, UserFactory
from training.choices import Audience, Role
from training.compliance.loader import standing_for
from training.compliance.reminders import run_daily_reminders
from training.compliance.reports import people_in_scope
from training.models import User
from training.scim import audit

pytestmark = pytest.mark.django_db


def test_a_person_created_by_scim_with_a_job_title_owes_that_job_titles_requirements(scim):
    team = TeamFactory(name="Front desk")
    requirement = RequirementFactory(page=PolicyPageFactory(), audience=Audience.TEAMS, job_titles="Receptionist")
    RequirementFactory(page=PolicyPageFactory(), audience=Audience.TEAMS, job_titles="Chef")

    body = scim.create_person(
        "Ana.Costa@Example.com", title="Receptionist", department="front desk", name={"formatted": "Ana Costa"}
    )

    ana = User.objects.get(pk=body["id"])
    assert (ana.email, ana.name, ana.job_title, ana.team) == (
        "ana.costa@example.com",
        "Ana Costa",
        "Receptionist",
        team,
    )
    assert list(ana.groups.values_list("name", flat=True)) == [Role.EMPLOYEE]
    assert not ana.has_usable_password()
    assert [item.requirement.id for item in standing_for(ana).items] == [requirement.pk]
    assert body["title"] == "Receptionist" and body[ENTERPRISE] == {"department": "front desk"}
    entry = ModelLogEntry.objects.get(object_id=str(ana.pk), action=audit.CREATE_ACTION)
    assert entry.data["client"] == "Entra ID"
    assert {"field": "job_title", "before": "", "after": "Receptionist"} in entry.data["changes"]


def test_a_new_department_becomes_a_new_team_as_in_the_people_import(scim):
    body = scim.create_person("nikos@example.com", department="Night shift")
    assert User.objects.get(pk=body["id"]).team.name == "Night shift"


def _overdue(scim, email: str) -> User:
    """A SCIM-provisioned person in a team, long started, with an overdue policy and a quiz result."""
    body = scim.create_person(email, department="Contact centre", name={"givenName": "Pat", "familyName": email[:3]})
    person = User.objects.get(pk=body["id"])
    User.objects.filter(pk=person.pk).update(start_date=datetime.date(2020, 1, 6))
    person.refresh_from_db()
    return person


def test_deactivating_by_scim_takes_a_person_off_owed_lists_and_reminders_and_keeps_their_records(scim, superuser):
    policy = PolicyPageFactory(versions=(200,))
    RequirementFactory(page=policy, new_version_due_days=30)
    leaver, stayer = _overdue(scim, "leaver@example.com"), _overdue(scim, "stayer@example.com")
    acknowledgement = AcknowledgementFactory(user=leaver, version=policy.versions.first(), age=190)
    attempt = QuizAttemptFactory(user=leaver, quiz=QuizPageFactory(), percent=90, age=3)

    response = scim.patch(f"Users/{leaver.pk}", {"op": "replace", "path": "active", "value": False})

    assert response.status_code == 200 and response.json()["active"] is False
    leaver.refresh_from_db()
    assert not leaver.is_active
    owed = people_in_scope(superuser)
    assert leaver not in owed and stayer in owed
    run_daily_reminders()
    recipients = {address for message in mail.outbox for address in message.to}
    assert "stayer@example.com" in recipients and "leaver@example.com" not in recipients
    evidence = people_in_scope(superuser, include_inactive=True)
    assert leaver in evidence
    assert leaver.acknowledgements.get() == acknowledgement
    assert leaver.quiz_attempts.get() == attempt
    entry = ModelLogEntry.objects.get(object_id=str(leaver.pk), action=audit.UPDATE_ACTION)
    assert entry.data["changes"] == [{"field": "active", "before": "True", "after": "False"}]


def test_delete_by_scim_deactivates_and_hides_the_person_but_never_deletes_them(scim):
    person = _overdue(scim, "gone@example.com")
    policy = PolicyPageFactory(versions=(10,))
    AcknowledgementFactory(user=person, version=policy.versions.first(), age=5)

    assert scim.call("delete", f"Users/{person.pk}").status_code == 204

    person.refresh_from_db()
    assert not person.is_active and person.acknowledgements.count() == 1
    assert scim.call("get", f"Users/{person.pk}").status_code == 404
    assert scim.call("get", "Users", None).json()["totalResults"] == 0
    assert ModelLogEntry.objects.filter(object_id=str(person.pk), action=audit.REMOVE_ACTION).exists()
    # Provisioned again, the person returns with their history, not as a stranger.
    again = scim.create_person("gone@example.com")
    back = User.objects.get(pk=person.pk)
    assert again["id"] == str(person.pk) and back.is_active and back.acknowledgements.count() == 1


def test_a_replaced_person_logs_every_changed_field_with_before_and_after(scim):
    TeamFactory(name="Kitchen")
    body = scim.create_person("cook@example.com", title="Cook", name={"formatted": "Sam Cook"})
    replacement = {
        "schemas": [USER, ENTERPRISE],
        "userName": "cook@example.com",
        "emails": [{"value": "sam.cook@example.com", "primary": True}],
        "name": {"formatted": "Sam Cooke"},
        "title": "Chef",
        ENTERPRISE: {"department": "Kitchen"},
    }

    response = scim.call("put", f"Users/{body['id']}", replacement)

    assert response.status_code == 200
    entry = ModelLogEntry.objects.get(object_id=body["id"], action=audit.UPDATE_ACTION)
    assert entry.data["changes"] == [
        {"field": "email", "before": "cook@example.com", "after": "sam.cook@example.com"},
        {"field": "name", "before": "Sam Cook", "after": "Sam Cooke"},
        {"field": "team", "before": "", "after": "Kitchen"},
        {"field": "job_title", "before": "Cook", "after": "Chef"},
    ]
    assert "job title: “Cook” → “Chef”" in entry.message


def test_an_identity_provider_finds_people_made_before_it_and_takes_them_over(scim):
    existing = UserFactory(email="marta@example.com", name="Marta")
    found = scim.call("get", 'Users?filter=userName eq "MARTA@example.com"').json()
    assert found["totalResults"] == 1 and found["Resources"][0]["id"] == str(existing.pk)

    body = scim.create_person("marta@example.com", externalId="abc-1")

    assert body["id"] == str(existing.pk) and User.objects.count() == 1
    assert scim.call("get", 'Users?filter=externalId eq "abc-1"').json()["totalResults"] == 1


@pytest.mark.parametrize(
    ("body", "raw", "status", "scim_type"),
    [
        (None, "{not json", 400, "invalidSyntax"),
        ({"schemas": [USER], "userName": "x"}, None, 400, None),
        ({"schemas": [USER], "userName": "x", "emails": [{"value": "not-an-address"}]}, None, 400, None),
        ({"schemas": [USER], "userName": "x@example.com", "emails": [{"value": "taken@example.com"}]}, None, 409, None),
    ],
)
def test_bad_input_gets_a_scim_error_and_the_right_status(scim, body, raw, status, scim_type):
    scim.create_person("taken@example.com")
    response = scim.call("post", "Users", body, raw=raw)
    assert response.status_code == status
    assert response.json()["status"] == str(status)
    if scim_type:
        assert response.json()["scimType"] == scim_type


def test_unknown_ids_filters_and_paths_get_scim_errors(scim):
    assert scim.call("get", "Users/abc").status_code == 404
    assert scim.call("get", "Users/999999").status_code == 404
    assert scim.call("get", "Nope").status_code == 404
    bad_filter = scim.call("get", "Users?filter=userName zz 1")
    assert bad_filter.status_code == 400 and bad_filter.json()["scimType"] == "invalidFilter"
    assert scim.call("delete", "ServiceProviderConfig").status_code == 405


def test_attributes_an_identity_provider_sends_but_this_service_does_not_keep_are_ignored(scim):
    body = scim.create_person(
        "extra@example.com", displayName="Extra Person", phoneNumbers=[{"value": "+30 210 0000000", "type": "work"}]
    )
    assert User.objects.get(pk=body["id"]).name == "Extra Person"
    assert "phoneNumbers" not in body
    assert not Group.objects.filter(name="Extra Person").exists()
