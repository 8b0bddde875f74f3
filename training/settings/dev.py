"""Local development: DEBUG on, an obviously fake key, console e-mail."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "") or "dev-only-insecure-key-do-not-use-in-production"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Passkeys on http://127.0.0.1 during development.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
