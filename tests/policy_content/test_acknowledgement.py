import pytest
from django.db import IntegrityError
from django.test import Client

from policy_content.acknowledgements import record_acknowledgement
from policy_content.models import Acknowledgement
from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.training.auth_helpers import sign_in
from tests.training.factories import UserFactory

from .policy_helpers import publish_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return PolicyPageFactory(required=True)


def ack_url(page):
    return page.url + "acknowledge/"


def form_data(person, policy_version, **overrides):
    data = {"version": policy_version.pk, "typed_name": person.name, "confirm": "on"}
    data.update(overrides)
    return data


def test_acknowledging_records_everything(client, employee, policy):
    sign_in(client, employee)
    version = policy.current_version

    response = client.post(
        ack_url(policy),
        form_data(employee, version),
        HTTP_USER_AGENT="Firefox/140",
        REMOTE_ADDR="10.1.2.3",
    )

    assert response.status_code == 302
    assert response.url == policy.url
    ack = Acknowledgement.objects.get()
    assert ack.user == employee
    assert ack.version == version
    assert ack.language == "en"
    assert ack.typed_name == employee.name
    assert ack.ip_address == "10.1.2.3"
    assert ack.user_agent == "Firefox/140"
    assert f"version {version.number}" in ack.statement and policy.title in ack.statement
    page = client.get(policy.url)
    assert "Your acknowledgement of version 1 is recorded" in page.content.decode()
    assert "You acknowledged version 1 on" in page.content.decode()


def test_acknowledgement_form_is_shown_to_someone_who_owes_it(client, employee, policy):
    sign_in(client, employee)
    html = client.get(policy.url).content.decode()
    assert 'action="' + ack_url(policy) + '"' in html
    assert "csrfmiddlewaretoken" in html
    assert "I confirm that I have read version 1" in html


def test_csrf_is_required():
    policy = PolicyPageFactory(required=True)
    person = UserFactory()
    client = Client(enforce_csrf_checks=True)
    sign_in(client, person)

    response = client.post(ack_url(policy), form_data(person, policy.current_version))

    assert response.status_code == 403
    assert not Acknowledgement.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"typed_name": ""}, "Type your full name to sign."),
        ({"typed_name": "Someone Else"}, "The name must match the one on your account"),
        ({"confirm": ""}, "Tick the box to confirm you agree with the statement."),
    ],
)
def test_bad_form_is_refused_with_a_message(client, employee, policy, overrides, message):
    sign_in(client, employee)

    response = client.post(ack_url(policy), form_data(employee, policy.current_version, **overrides))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_typed_name_ignores_case_accents_and_spacing(client, policy):
    person = UserFactory(name="Sofía Martín")
    sign_in(client, person)

    response = client.post(ack_url(policy), form_data(person, policy.current_version, typed_name="  sofia   MARTIN "))

    assert response.status_code == 302
    assert Acknowledgement.objects.get().typed_name == "sofia MARTIN"


def test_old_version_is_refused_with_a_link_to_the_current_one(client, employee, policy):
    old = policy.current_version
    policy = publish_change(policy, new_version=True, summary="Changed.")
    sign_in(client, employee)

    response = client.post(ack_url(policy), form_data(employee, old))

    assert response.status_code == 409
    html = response.content.decode()
    assert "Version 1 is no longer in force" in html
    assert f'href="{policy.url}#acknowledge"' in html
    assert not Acknowledgement.objects.exists()


@pytest.mark.parametrize("version_value", ["foreign", "999999", "not-a-number", ""])
def test_version_of_another_policy_or_garbage_is_refused(client, employee, policy, version_value):
    other = PolicyPageFactory(required=True)
    value = other.current_version.pk if version_value == "foreign" else version_value
    sign_in(client, employee)

    response = client.post(ack_url(policy), form_data(employee, policy.current_version, version=value))

    assert response.status_code == 400
    assert "does not belong to this policy" in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_get_is_not_allowed(client, employee, policy):
    sign_in(client, employee)
    response = client.get(ack_url(policy))
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_anonymous_is_sent_to_sign_in(client, policy):
    response = client.post(ack_url(policy), {"version": policy.current_version.pk})
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert not Acknowledgement.objects.exists()


def test_double_submit_records_one_and_both_end_well(client, employee, policy):
    sign_in(client, employee)
    data = form_data(employee, policy.current_version)

    first = client.post(ack_url(policy), data)
    second = client.post(ack_url(policy), data)

    assert first.status_code == second.status_code == 302
    assert Acknowledgement.objects.count() == 1
    follow = client.get(policy.url).content.decode()
    assert "You had already acknowledged version 1" in follow


def test_concurrent_duplicate_returns_the_recorded_one(employee, policy):
    version = policy.current_version
    existing = AcknowledgementFactory(user=employee, version=version)
    kwargs = {"statement": "s", "typed_name": "n", "language": "en", "ip_address": None, "user_agent": ""}

    ack, created = record_acknowledgement(user=employee, version=version, **kwargs)

    assert (ack, created) == (existing, False)
    with pytest.raises(IntegrityError):
        Acknowledgement.objects.create(user=employee, version=version, **kwargs)


def test_policy_without_acknowledgement_refuses_and_shows_no_form(client, employee):
    policy = PolicyPageFactory(acknowledgement_required=False)
    sign_in(client, employee)

    assert 'id="acknowledge"' not in client.get(policy.url).content.decode()
    response = client.post(ack_url(policy), form_data(employee, policy.current_version))
    assert response.status_code == 400
    assert not Acknowledgement.objects.exists()


def test_translated_page_acknowledges_the_source_version_in_its_language(client, employee, policy):
    from wagtail.models import Locale

    translation = policy.copy_for_translation(Locale.objects.get(language_code="es"), copy_parents=True)
    translation.save_revision().publish()
    sign_in(client, employee)

    response = client.post(ack_url(translation), form_data(employee, policy.current_version))

    assert response.status_code == 302
    ack = Acknowledgement.objects.get()
    assert ack.version == policy.current_version
    assert ack.language == "es"
