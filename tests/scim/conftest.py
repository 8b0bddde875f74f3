"""A provisioning client with its token, and a test client that speaks SCIM with it."""

import json
from dataclasses import dataclass

import pytest
from django.test import Client

from training.models import ScimClient
from training.scim.tokens import issue_token

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
BASE = "/scim/v2/"


@dataclass
class Scim:
    """The Django test client with the provisioning client's bearer token on every request."""

    http: Client
    token: str

    def call(self, method: str, path: str, body=None, *, token: str | None = None, raw: str | None = None):
        headers = {"Authorization": f"Bearer {self.token if token is None else token}"}
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        kwargs = {"data": data, "content_type": "application/scim+json"} if data is not None else {}
        return getattr(self.http, method)(BASE + path, headers=headers, **kwargs)

    def create_person(self, email: str, *, title: str = "", department: str = "", **extra) -> dict:
        body = {"schemas": [USER], "userName": email, "emails": [{"value": email, "primary": True}], **extra}
        if title:
            body["title"] = title
        if department:
            body["schemas"].append(ENTERPRISE)
            body[ENTERPRISE] = {"department": department}
        response = self.call("post", "Users", body)
        assert response.status_code == 201, response.content
        return response.json()

    def create_group(self, name: str, members=()) -> dict:
        body = {"schemas": [GROUP], "displayName": name, "members": [{"value": str(pk)} for pk in members]}
        response = self.call("post", "Groups", body)
        assert response.status_code == 201, response.content
        return response.json()

    def patch(self, path: str, *operations: dict):
        return self.call("patch", path, {"schemas": [PATCH], "Operations": list(operations)})


@pytest.fixture
def scim_client(db):
    client = ScimClient(name="Entra ID")
    token = issue_token(client)
    client.save()
    client.token = token
    return client


@pytest.fixture
def scim(scim_client):
    return Scim(http=Client(), token=scim_client.token)
