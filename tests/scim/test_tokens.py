"""Each provisioning client has its own bearer token: shown once, stored as a digest, refused once revoked."""

import hashlib

import pytest
from wagtail.models import ModelLogEntry

from tests.training.auth_helpers import sign_in
from training.models import ScimClient

ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
ADMIN = "/admin/provisioning_clients/"


@pytest.mark.parametrize("token", ["", "scim_not-a-token", "Basic abc"])
def test_a_request_without_a_valid_token_gets_401_with_a_scim_error(scim, token):
    for path in ("Users", "Groups", "ServiceProviderConfig", "Users/1", "Schemas"):
        response = scim.call("get", path, token=token)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/scim+json"
        assert response.json()["schemas"] == [ERROR]
        assert response.json()["status"] == "401"
        assert response["WWW-Authenticate"].startswith("Bearer")
    assert scim.call("post", "Users", {"userName": "x"}, token=token).status_code == 401


def test_a_revoked_client_is_refused_at_once(scim, scim_client):
    assert scim.call("get", "Users").status_code == 200
    ScimClient.objects.filter(pk=scim_client.pk).update(revoked=True)
    assert scim.call("get", "Users").status_code == 401


def test_a_signed_in_administrator_without_a_token_cannot_use_scim(client, superuser):
    sign_in(client, superuser)
    response = client.get("/scim/v2/Users")
    assert response.status_code == 401


def test_only_the_digest_of_the_token_is_stored_and_its_use_is_noted(scim, scim_client):
    stored = ScimClient.objects.get(pk=scim_client.pk)
    assert stored.token_hash == hashlib.sha256(scim_client.token.encode()).hexdigest()
    assert scim_client.token not in str(ScimClient.objects.filter(pk=stored.pk).values().get())
    assert stored.last_used_at is None
    scim.call("get", "ServiceProviderConfig")
    stored.refresh_from_db()
    assert stored.last_used_at is not None


def test_an_administrator_creates_a_client_and_sees_its_token_once(client, superuser, scim):
    sign_in(client, superuser)
    response = client.post(ADMIN + "new/", {"name": "Okta"})
    assert response.status_code == 200
    created = ScimClient.objects.get(name="Okta")
    token = response.context["token"]
    assert hashlib.sha256(token.encode()).hexdigest() == created.token_hash
    assert token in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert scim.call("get", "Users", token=token).status_code == 200
    assert token not in client.get(ADMIN).content.decode()
    assert token not in client.get(f"{ADMIN}edit/{created.pk}/").content.decode()
    assert ModelLogEntry.objects.filter(object_id=str(created.pk), action="wagtail.create").exists()


def test_nobody_but_administrators_manages_provisioning_clients(client, compliance, scim_client):
    sign_in(client, compliance)
    for path in (ADMIN, ADMIN + "new/", f"{ADMIN}edit/{scim_client.pk}/"):
        response = client.get(path)
        assert response.status_code in (302, 403), path
    response = client.post(ADMIN + "new/", {"name": "Sneaky"})
    assert not ScimClient.objects.filter(name="Sneaky").exists()
    assert response.status_code in (302, 403)
