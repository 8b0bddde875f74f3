"""Behind the HTTPS proxy every request comes from the proxy: rate limits and records use the real client."""

import pytest
from django.test import Client, RequestFactory

from policy_content.models import Acknowledgement
from tests.policy_content.factories import PolicyPageFactory
from tests.training.auth_helpers import sign_in
from tests.training.factories import UserFactory
from training.people.client_ip import client_ip

LOGIN_URL = "/en/accounts/login/"
PROXY = "10.0.0.2"
TOO_MANY = "Too many failed login attempts"


def request_from(remote_addr: str, forwarded_for: str | None = None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("count", "remote_addr", "forwarded_for", "expected"),
    [
        (0, PROXY, None, PROXY),
        (0, PROXY, "203.0.113.7", PROXY),
        (1, PROXY, "203.0.113.7", "203.0.113.7"),
        (1, PROXY, "198.51.100.66, 203.0.113.7", "203.0.113.7"),
        (1, PROXY, " 198.51.100.66 ,203.0.113.7 ", "203.0.113.7"),
        (2, PROXY, "198.51.100.66, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (2, PROXY, "203.0.113.7", "203.0.113.7"),
        (1, PROXY, "2001:db8::7", "2001:db8::7"),
        (1, PROXY, "", PROXY),
        (1, PROXY, "not-an-address", PROXY),
        (1, "", None, None),
    ],
)
def test_client_ip_trusts_only_the_entries_its_proxies_appended(settings, count, remote_addr, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = count

    assert client_ip(request_from(remote_addr, forwarded_for)) == expected


def fail_login(client: Client, n: int, forwarded_for: str):
    return client.post(
        LOGIN_URL,
        {"login": f"nobody{n}@example.com", "password": "wrong-password"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def sign_in_through_proxy(client: Client, person, password: str, forwarded_for: str):
    return client.post(
        LOGIN_URL, {"login": person.email, "password": password}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for
    )


@pytest.mark.django_db
def test_behind_one_proxy_an_attacker_is_limited_without_locking_out_others(settings, employee, password):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker, colleague = Client(), Client()
    for n in range(10):
        response = fail_login(attacker, n, "198.51.100.66")
        assert TOO_MANY not in str(response.context["form"].errors)

    refused = sign_in_through_proxy(attacker, employee, password, "198.51.100.66")
    assert TOO_MANY in str(refused.context["form"].errors)
    # The attacker's own claim of another address is the leftmost entry, which is ignored.
    assert TOO_MANY in str(fail_login(attacker, 11, "192.0.2.1, 198.51.100.66").context["form"].errors)

    response = sign_in_through_proxy(colleague, employee, password, "203.0.113.7")
    assert response.status_code == 302


@pytest.mark.django_db
def test_without_a_trusted_proxy_a_forged_forwarded_for_does_not_escape_the_limit(settings, employee, password):
    settings.TRUSTED_PROXY_COUNT = 0
    attacker = Client()
    for n in range(10):
        fail_login(attacker, n, f"192.0.2.{n + 1}")

    refused = sign_in_through_proxy(attacker, employee, password, "192.0.2.200")

    assert refused.status_code == 200
    assert TOO_MANY in str(refused.context["form"].errors)


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "recorded"), [(1, "203.0.113.7"), (0, PROXY)])
def test_acknowledgement_records_the_client_behind_the_trusted_proxies(settings, count, recorded):
    settings.TRUSTED_PROXY_COUNT = count
    policy = PolicyPageFactory()
    person = UserFactory()
    client = Client()
    sign_in(client, person)

    response = client.post(
        policy.url + "acknowledge/",
        {"version": policy.current_version.pk, "typed_name": person.name, "confirm": "on"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7",
    )

    assert response.status_code == 302
    assert Acknowledgement.objects.get(user=person).ip_address == recorded
