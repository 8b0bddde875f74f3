"""The secret in a person's calendar address: an HMAC of their id and their calendar key.

Only the key is stored; the address cannot be made without the site's SECRET_KEY, is compared in
constant time, and changes (retiring the old one) whenever the key is reset.
"""

from __future__ import annotations

import secrets

from django.utils.crypto import constant_time_compare, salted_hmac

from ..models import User

__all__ = ["feed_token", "person_for_token", "reset_calendar_key"]

_SALT = "training.calendar.feed"


def _digest(user: User) -> str:
    return salted_hmac(_SALT, f"{user.pk}:{user.calendar_key}", algorithm="sha256").hexdigest()


def feed_token(user: User) -> str:
    """The token of the person's calendar address: their id, a hyphen, the HMAC."""
    return f"{user.pk}-{_digest(user)}"


def person_for_token(token: str) -> User | None:
    """The active person whose current token this is, else None (one query)."""
    user_id, _, digest = token.partition("-")
    if not user_id.isdigit() or len(digest) != 64:
        return None
    user = User.objects.filter(pk=int(user_id), is_active=True).first()
    if user is None or not constant_time_compare(digest, _digest(user)):
        return None
    return user


def reset_calendar_key(user: User) -> None:
    """Give the person a new calendar address; the old one stops working at once."""
    user.calendar_key = secrets.token_urlsafe(32)
    user.save(update_fields=["calendar_key"])
