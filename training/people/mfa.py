"""Two-factor authentication (allauth.mfa): who must have it, and the admin closed to them until they do."""

from collections.abc import Callable

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.stages import AuthenticateStage as AllauthAuthenticateStage
from django.conf import settings
from django.contrib import messages
from django.core.checks import Error, register
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from ..choices import Role
from .sso import second_factor_at_idp

# A TOTP app or a passkey proves a second factor at sign-in; recovery codes only stand in for one.
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def required_roles() -> frozenset[str]:
    """The role groups whose members must sign in with a second factor (TRAINING_MFA_REQUIRED_ROLES)."""
    return frozenset(settings.TRAINING_MFA_REQUIRED_ROLES)


def mfa_required(user) -> bool:
    """Administrators always, and members of the required roles, must use two-factor authentication."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    roles = required_roles()
    return bool(roles) and user.groups.filter(name__in=roles).exists()


def has_second_factor(user) -> bool:
    """Whether the person has an authenticator app or a passkey to sign in with."""
    return Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTORS).exists()


def must_enrol(user) -> bool:
    """Whether the person must set up two-factor authentication before using the admin and the reports."""
    return mfa_required(user) and not has_second_factor(user)


def must_enrol_now(request: HttpRequest) -> bool:
    """must_enrol, except in a session signed in through a provider that asked for a second factor itself."""
    return must_enrol(request.user) and not second_factor_at_idp(request, request.user)


class AuthenticateStage(AllauthAuthenticateStage):
    """allauth's second-factor step at sign-in, skipped after a provider that asked for a second factor itself.

    Through any other provider, as with a password, a person who has an authenticator app or a
    passkey gives its code after signing in.
    """

    def _should_handle(self, request: HttpRequest) -> bool:
        if self.login.user is not None and second_factor_at_idp(request, self.login.user):
            return False
        return super()._should_handle(request)


class MFAAdapter(DefaultMFAAdapter):
    """Those who must use two-factor authentication cannot remove their last second factor."""

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        if authenticator.type not in SECOND_FACTORS or not mfa_required(authenticator.user):
            return True
        others = Authenticator.objects.filter(user_id=authenticator.user_id, type__in=SECOND_FACTORS)
        return others.exclude(pk=authenticator.pk).exists()


class RequireMFAMiddleware:
    """Send a person who must use two-factor authentication and has not set it up to enrolment.

    The whole admin (the Wagtail admin, the reports and the account page) stays closed to
    them until they have an authenticator app or a passkey; signing out stays open. A session
    signed in through a provider that asks for a second factor itself is let in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._applies_to(request.path) and must_enrol_now(request):
            messages.warning(
                request,
                _(
                    "Your role requires two-factor authentication. Set up an authenticator app "
                    "to open the admin and the reports."
                ),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def _applies_to(path: str) -> bool:
        admin = reverse("wagtailadmin_home")
        return path.startswith(admin) and path not in {reverse("wagtailadmin_logout"), reverse("wagtailadmin_login")}


@register()
def required_roles_exist(app_configs, **kwargs) -> list[Error]:
    """A misspelt role in TRAINING_MFA_REQUIRED_ROLES would silently leave that role without MFA."""
    unknown = sorted(required_roles() - set(Role.values))
    if not unknown:
        return []
    return [
        Error(
            f"TRAINING_MFA_REQUIRED_ROLES names unknown roles: {', '.join(unknown)}.",
            hint=f"Use the group names of training.choices.Role: {', '.join(Role.values)}.",
            id="training.E001",
        )
    ]
