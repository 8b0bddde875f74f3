"""Signing with intent: an acknowledgement needs an authentication, recorded by allauth, within the window."""

import datetime

import pytest
from django.utils import timezone

from policy_content.evidence import acknowledgement_content, chain_acknowledgement
from policy_content.evidence_chain import canonical_json, sha256_hex
from policy_content.evidence_verify import verify_evidence
from policy_content.models import Acknowledgement, EvidenceRecord
from tests.mfa_helpers import totp_code
from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.training.auth_helpers import REAUTHENTICATE_URL, sign_in
from tests.training.factories import AuthenticatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return PolicyPageFactory(required=True)


def acknowledge(client, policy, person, **overrides):
    data = {"version": policy.current_version.pk, "typed_name": person.name, "confirm": "on", **overrides}
    return client.post(policy.url + "acknowledge/", data)


def test_a_reader_signed_in_within_the_window_signs_at_once_and_the_record_says_how(client, employee, policy):
    sign_in(client, employee, minutes_ago=14)

    response = acknowledge(client, policy, employee)

    assert response.status_code == 302 and response.url == policy.url
    ack = Acknowledgement.objects.get(user=employee)
    assert ack.authentication_method == "sign-in:password"
    signed_in_at = timezone.now() - datetime.timedelta(minutes=14)
    assert abs(ack.authenticated_at - signed_in_at) < datetime.timedelta(seconds=30)
    content = acknowledgement_content(ack)
    assert content["format"] == 2 and content["authentication_method"] == "sign-in:password"
    assert EvidenceRecord.objects.get(kind="acknowledgement").content_sha256 == sha256_hex(canonical_json(content))


@pytest.mark.parametrize("minutes_ago", [16, 60 * 24])
def test_a_reader_whose_sign_in_is_older_than_the_window_records_nothing_and_is_asked_to_reauthenticate(
    client, employee, policy, minutes_ago
):
    sign_in(client, employee, minutes_ago=minutes_ago)
    records_before = EvidenceRecord.objects.count()

    response = acknowledge(client, policy, employee)

    assert response.status_code == 302
    assert response.url.startswith(REAUTHENTICATE_URL + "?next=")
    assert not Acknowledgement.objects.exists()
    assert EvidenceRecord.objects.count() == records_before
    page = client.get(response.url)
    assert page.status_code == 200 and 'name="password"' in page.content.decode()


def test_a_session_without_a_recorded_authentication_must_reauthenticate(client, employee, policy):
    client.force_login(employee)

    response = acknowledge(client, policy, employee)

    assert response.url.startswith(REAUTHENTICATE_URL)
    assert not Acknowledgement.objects.exists()


def test_after_reauthenticating_the_acknowledgement_is_recorded_with_the_typed_name_kept(
    client, employee, password, policy
):
    sign_in(client, employee, minutes_ago=30)
    typed = f"  {employee.name.upper()} "
    reauthenticate = acknowledge(client, policy, employee, typed_name=typed).url

    response = client.post(reauthenticate, {"password": password})

    assert response.status_code == 302 and response.url == policy.url
    ack = Acknowledgement.objects.get(user=employee)
    assert ack.typed_name == employee.name.upper()
    assert ack.authentication_method == "reauthentication:password"
    assert timezone.now() - ack.authenticated_at < datetime.timedelta(minutes=1)
    page = client.get(policy.url).content.decode()
    assert "Your acknowledgement of version 1 is recorded" in page
    assert verify_evidence().intact


def test_a_wrong_password_on_reauthentication_records_nothing(client, employee, policy):
    sign_in(client, employee, minutes_ago=30)
    reauthenticate = acknowledge(client, policy, employee).url

    response = client.post(reauthenticate, {"password": "not-my-password"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Acknowledgement.objects.exists()


def test_a_person_with_two_factor_may_reauthenticate_with_their_authenticator_code(client, employee, policy):
    AuthenticatorFactory(user=employee)
    sign_in(client, employee, minutes_ago=30)
    reauthenticate = acknowledge(client, policy, employee).url
    by_code = reauthenticate.replace(REAUTHENTICATE_URL, "/en/accounts/2fa/reauthenticate/")

    response = client.post(by_code, {"code": totp_code(employee)})

    assert response.status_code == 302 and response.url == policy.url
    assert Acknowledgement.objects.get(user=employee).authentication_method == "reauthentication:mfa:totp"


def test_the_window_is_a_setting(client, employee, policy, settings):
    settings.TRAINING_SIGNING_REAUTHENTICATION_MINUTES = 45
    sign_in(client, employee, minutes_ago=40)

    response = acknowledge(client, policy, employee)

    assert response.url == policy.url
    assert Acknowledgement.objects.filter(user=employee).exists()


def test_the_statement_says_what_the_typed_name_means(client, employee, policy):
    sign_in(client, employee)

    html = client.get(policy.url).content.decode()

    assert "I confirm that I have read version 1" in html
    assert "is my electronic signature: it means the same as signing this statement by hand." in html


def test_acknowledgements_recorded_before_keep_their_content_and_still_verify(client, employee, policy):
    old = AcknowledgementFactory.build(user=employee, version=policy.current_version, evidence_format=1)
    old.save()
    record = chain_acknowledgement(old)
    format_1_keys = {
        "kind", "id", "person", "policy", "version", "version_id", "language", "text_sha256", "statement",
        "typed_name", "account_name", "acknowledged_at", "ip_address", "user_agent",
    }  # fmt: skip
    assert set(acknowledgement_content(old)) == format_1_keys

    other = PolicyPageFactory(required=True)
    sign_in(client, employee)
    acknowledge(client, other, employee)

    verification = verify_evidence()
    assert verification.intact, verification.problems
    assert record.content_sha256 == sha256_hex(canonical_json(acknowledgement_content(old)))
