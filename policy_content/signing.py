"""Signing with intent: a signature needs a recent authentication, as allauth records them in the session."""

import datetime
from dataclasses import dataclass

from allauth.account.authentication import get_authentication_records
from allauth.core.exceptions import ReauthenticationRequired
from django.conf import settings
from django.utils import timezone

__all__ = ["Authentication", "last_authentication", "require_recent_authentication", "signing_window"]

# allauth stamps records with this server's clock: a little tolerance for one made a moment ago.
_CLOCK_SKEW = datetime.timedelta(seconds=5)


@dataclass(frozen=True)
class Authentication:
    """The latest way the person proved who they are in this session, and when."""

    method: str
    at: datetime.datetime


def signing_window() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.TRAINING_SIGNING_REAUTHENTICATION_MINUTES)


def _method(record: dict) -> str:
    """allauth's method name, with the kind of second factor, marked when it was a reauthentication."""
    method = str(record.get("method", ""))
    if record.get("type"):
        method = f"{method}:{record['type']}"
    return f"reauthentication:{method}" if record.get("reauthenticated") else f"sign-in:{method}"


def last_authentication(request) -> Authentication | None:
    """The latest authentication allauth recorded for the signed-in person in this session (None if none)."""
    records = [
        record
        for record in get_authentication_records(request, request.user)
        if isinstance(record, dict) and isinstance(record.get("at"), int | float)
    ]
    if not records:
        return None
    latest = max(records, key=lambda record: record["at"])
    return Authentication(_method(latest), datetime.datetime.fromtimestamp(latest["at"], tz=datetime.UTC))


def require_recent_authentication(request, *, now: datetime.datetime | None = None) -> Authentication:
    """The person's last authentication if it is within the signing window; otherwise allauth's
    ReauthenticationRequired, which its middleware turns into the reauthentication page and, once it
    succeeds, a replay of this very request (the typed name included)."""
    authentication = last_authentication(request)
    now = now or timezone.now()
    if authentication is None or not (now - signing_window() <= authentication.at <= now + _CLOCK_SKEW):
        raise ReauthenticationRequired()
    return authentication
