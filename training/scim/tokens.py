"""Bearer tokens of provisioning clients: made once, stored only as a digest, compared in constant time."""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone
from django.utils.crypto import constant_time_compare

from ..models import ScimClient

__all__ = ["PREFIX", "client_for_token", "issue_token", "token_digest"]

PREFIX = "scim_"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(client: ScimClient) -> str:
    """Give the client a new token and return it: the only time it can be read."""
    token = PREFIX + secrets.token_urlsafe(32)
    client.token_hash = token_digest(token)
    return token


def client_for_token(authorization: str) -> ScimClient | None:
    """The usable client an `Authorization: Bearer …` header names, else None; notes when it was last used."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token.startswith(PREFIX) or len(token) > 200:
        return None
    digest = token_digest(token)
    client = ScimClient.objects.usable().filter(token_hash=digest).first()
    if client is None or not constant_time_compare(client.token_hash, digest):
        return None
    now = timezone.now()
    if client.last_used_at is None or (now - client.last_used_at).total_seconds() > 60:
        ScimClient.objects.filter(pk=client.pk).update(last_used_at=now)
        client.last_used_at = now
    return client
