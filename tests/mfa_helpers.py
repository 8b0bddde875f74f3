"""What a person's authenticator app would show, computed with allauth's own TOTP functions."""

import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt

# Never hand out a code about to expire: the request using it could land in the next period.
_MARGIN_SECONDS = 2


def totp_code_for_secret(secret: str) -> str:
    """The code an app holding this secret shows now."""
    period = app_settings.TOTP_PERIOD
    if period - time.time() % period < _MARGIN_SECONDS:
        time.sleep(period - time.time() % period + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def totp_code(user) -> str:
    """The code the person's authenticator app shows now, from the secret allauth stored."""
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return totp_code_for_secret(decrypt(authenticator.data["secret"]))
