"""Every environment variable the settings read, in one place (see .env.example)."""

import os

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_secret_key(name: str) -> str:
    """A required signing key that is strong by Django's own measure (the deploy check's security.W009)."""
    value = env_required(name)
    problems = []
    if len(value) < SECRET_KEY_MIN_LENGTH:
        problems.append(f"it has {len(value)} characters, fewer than {SECRET_KEY_MIN_LENGTH}")
    if len(set(value)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        problems.append(f"it has {len(set(value))} distinct characters, fewer than {SECRET_KEY_MIN_UNIQUE_CHARACTERS}")
    if value.startswith(SECRET_KEY_INSECURE_PREFIX):
        problems.append(f"it starts with {SECRET_KEY_INSECURE_PREFIX!r}, the mark of a key Django made for development")
    if problems:
        raise ImproperlyConfigured(
            f"The environment variable {name} is too weak: {'; '.join(problems)}. Generate a new one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in _TRUE


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]
