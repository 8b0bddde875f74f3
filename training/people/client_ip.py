"""The address a request came from, read through the proxies the operator trusts (TRUSTED_PROXY_COUNT)."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

__all__ = ["client_ip"]


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's IP address; None when the request carries no valid one.

    Each trusted proxy appends to X-Forwarded-For the address it received the request from, so with
    N proxies in front the client is the N-th entry from the right; entries further left are
    whatever the client sent and are ignored. With no trusted proxy the header is ignored.
    """
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if count <= 0 or not forwarded:
        return remote
    return _address(forwarded[-min(count, len(forwarded))]) or remote
