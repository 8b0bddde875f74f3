"""Recertification end to end: an expired acknowledgement is owed again, renewed, reported and reminded."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from policy_content.evidence_verify import verify_evidence
from policy_content.models import Acknowledgement
from tests.policy_content.factories import PolicyPageFactory, days_ago, sign
from tests.training.auth_helpers import sign_in
from tests.training.factories import UserFactory
from training.choices import Status
from training.compliance.loader import standing_for
from training.compliance.reminders import send_person_reminders
from training.models import Requirement, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    page = PolicyPageFactory(required=True)
    Requirement.objects.filter(page=page).update(validity_months=12)
    return page


def acknowledge(client, person, page):
    data = {"version": page.current_version.pk, "typed_name": person.name, "confirm": "on"}
    return client.post(page.url + "acknowledge/", data)


def status_of(person, page):
    return standing_for(person).item_for_page(page.pk).status


def test_an_expired_acknowledgement_is_renewed_by_signing_the_same_version_again_keeping_the_first(
    client, employee, policy
):
    first = sign(employee, policy.current_version, acknowledged_at=days_ago(400))
    assert status_of(employee, policy) == Status.EXPIRED
    sign_in(client, employee)
    page = client.get(policy.url).content.decode()
    assert "Your acknowledgement of version 1 expired on" in page
    assert "I confirm that I have read version 1" in page

    response = acknowledge(client, employee, policy)

    assert response.status_code == 302
    assert list(Acknowledgement.objects.order_by("renewal").values_list("pk", "renewal")) == [
        (first.pk, 0),
        (first.pk + 1, 1),
    ]
    kept = Acknowledgement.objects.get(pk=first.pk)
    assert (kept.acknowledged_at, kept.typed_name, kept.renewal) == (first.acknowledged_at, first.typed_name, 0)
    assert verify_evidence().problems == []
    assert status_of(employee, policy) == Status.DONE
    assert "Your acknowledgement of version 1 is recorded" in client.get(policy.url).content.decode()


def test_a_second_submit_of_a_renewal_records_nothing_more(client, employee, policy):
    sign(employee, policy.current_version, acknowledged_at=days_ago(400))
    sign_in(client, employee)

    acknowledge(client, employee, policy)
    second = acknowledge(client, employee, policy)

    assert second.status_code == 302
    assert Acknowledgement.objects.count() == 2
    assert "You had already acknowledged version 1" in client.get(policy.url).content.decode()


def test_an_acknowledgement_still_valid_is_not_recorded_again(client, employee, policy):
    sign(employee, policy.current_version, acknowledged_at=days_ago(10))
    sign_in(client, employee)

    acknowledge(client, employee, policy)

    assert Acknowledgement.objects.count() == 1
    assert status_of(employee, policy) == Status.DONE


def test_the_dashboard_says_when_each_item_expires_and_when_one_has_expired(client, employee, policy, home_page):
    other = PolicyPageFactory(required=True, title="Data protection")
    Requirement.objects.filter(page=other).update(validity_months=12)
    sign(employee, policy.current_version, acknowledged_at=days_ago(400))
    sign(employee, other.current_version, acknowledged_at=days_ago(30))
    sign_in(client, employee)

    html = client.get(home_page.url).content.decode()

    assert 'badge--expired">Expired<' in html
    assert ": owed again" in html
    assert "Expires " in html


def test_the_team_report_tells_expired_apart_from_never_done_and_exports_both(client, compliance, employee, policy):
    newcomer = UserFactory(team=employee.team, name="Never Signed")
    sign(employee, policy.current_version, acknowledged_at=days_ago(400))
    client.force_login(compliance)

    def names(**params):
        response = client.get(reverse("training_reports:team"), params)
        assert response.status_code == 200
        return [row.person.name for row in response.context["object_list"]]

    assert names(status="expired") == [employee.name]
    assert employee.name not in names(status="todo") + names(status="overdue")
    assert newcomer.name in names(status="todo") + names(status="overdue")
    response = client.get(reverse("training_reports:team"), {"export": "csv"})
    export = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Expired" in export
    assert ": expires" in export.splitlines()[0]


def test_reminders_cover_expired_and_soon_expiring_items_in_the_recipients_language(employee, policy):
    employee.preferred_language = "pt"
    employee.save()
    soon = UserFactory(team=employee.team, preferred_language="el")
    sign(employee, policy.current_version, acknowledged_at=days_ago(400))
    sign(soon, policy.current_version, acknowledged_at=days_ago(364))
    assert status_of(soon, policy) == Status.EXPIRES_SOON

    outcome = send_person_reminders(User.objects.filter(pk__in=[employee.pk, soon.pk]))

    assert sorted(outcome.sent) == sorted([employee.pk, soon.pk])
    for person, status in ((employee, Status.EXPIRED), (soon, Status.EXPIRES_SOON)):
        with translation.override(person.preferred_language):
            label = str(status.label)
        assert label != str(status.label)
        message = next(m for m in mail.outbox if m.to == [person.email])
        assert label in message.body


def test_an_acknowledgement_expiring_soon_can_be_renewed_in_time(client, employee, policy):
    sign(employee, policy.current_version, acknowledged_at=days_ago(350))
    assert status_of(employee, policy) == Status.EXPIRES_SOON
    sign_in(client, employee)
    assert "acknowledge it now to renew it in time" in client.get(policy.url).content.decode()

    assert acknowledge(client, employee, policy).status_code == 302

    assert list(Acknowledgement.objects.order_by("renewal").values_list("renewal", flat=True)) == [0, 1]
    assert status_of(employee, policy) == Status.DONE


def test_an_acknowledgement_far_from_expiry_says_when_it_can_be_renewed(client, employee, policy):
    sign(employee, policy.current_version, acknowledged_at=days_ago(30))
    sign_in(client, employee)

    page = client.get(policy.url).content.decode()

    assert "you can acknowledge it again here to renew it" in page
    assert acknowledge(client, employee, policy).status_code == 302
    assert Acknowledgement.objects.count() == 1
