"""Single sign-on rules: which provider speaks for which e-mail domains, and what a sign-in through it proves.

Each provider (an allauth OpenID Connect or SAML app, from SSO_PROVIDERS_FILE or a SocialApp record)
may carry in its settings:
- `domains`: the e-mail domains it speaks for; its addresses there count as verified, so they are
  matched to the existing person with that address;
- `password_sign_in` (default true): false refuses password sign-in to addresses of those domains;
- `second_factor_at_idp` (default false): the provider itself asks every person for a second factor,
  so a sign-in through it counts as two-factor authentication here;
- `label`: the button's text, or texts by language code; otherwise "Sign in with <name>".
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.authentication import get_authentication_records
from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from allauth.socialaccount.models import SocialAccount
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _

PROTOCOLS = ("openid_connect", "saml")
# The `process` of a sign-in through a provider from the reauthentication page (allauth passes it through).
REAUTHENTICATE_PROCESS = "reauthenticate"


@dataclass(frozen=True)
class SSOButton:
    """One sign-in button on the sign-in page."""

    label: str
    url: str


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def sso_apps(request: HttpRequest | None = None) -> list:
    """The configured OpenID Connect and SAML apps, from settings and from the database."""
    apps = get_social_adapter(request).list_apps(request)
    return [app for app in apps if app.provider in PROTOCOLS and not app.settings.get("hidden")]


def app_domains(app) -> frozenset[str]:
    return frozenset(d.strip().lower() for d in app.settings.get("domains", []) if d.strip())


def app_key(app) -> str:
    """The name allauth records a sign-in through this app under (its provider's sub_id)."""
    return app.provider_id or app.provider


def speaks_for(app, email: str) -> bool:
    """Whether the provider is the authority for this address's domain."""
    return bool(email) and email_domain(email) in app_domains(app)


def sso_only_provider(email: str, apps: list) -> object | None:
    """The provider through which this address must sign in, when its domain refuses passwords."""
    for app in apps:
        if speaks_for(app, email) and not app.settings.get("password_sign_in", True):
            return app
    return None


def button_label(app, language: str | None = None) -> str:
    """The provider's button text in the reader's language."""
    label = app.settings.get("label")
    if isinstance(label, dict):
        language = language or translation.get_language() or "en"
        label = label.get(language) or label.get(language.split("-")[0]) or label.get("en")
    if label:
        return str(label)
    return _("Sign in with %(provider)s") % {"provider": app.name}


def linked_provider_keys(user) -> set[str]:
    """The providers (allauth's names for them) this person has signed in through."""
    return set(SocialAccount.objects.filter(user_id=user.pk).values_list("provider", flat=True))


def sso_buttons(request: HttpRequest, *, linked_to=None) -> list[SSOButton]:
    """One button per configured provider, in the order they are configured; with `linked_to`, only the
    providers that person has signed in through (signing in again there is how they reauthenticate)."""
    apps = sso_apps(request)
    if linked_to is not None:
        linked = linked_provider_keys(linked_to)
        apps = [app for app in apps if app_key(app) in linked]
    buttons = []
    for app in apps:
        provider = app.get_provider(request)
        buttons.append(SSOButton(label=button_label(app), url=provider.get_login_url(request)))
    return buttons


def provider_origin(app) -> str | None:
    """Where the provider's sign-in page is: the origin of its server (OpenID) or its SSO or metadata address (SAML)."""
    idp = app.settings.get("idp") or {}
    url = app.settings.get("server_url") or idp.get("sso_url") or idp.get("metadata_url") or ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in {"http", "https"} and parts.netloc else None


def form_action_origins(request: HttpRequest) -> list[str]:
    """The providers' origins, which the sign-in page's buttons are sent on to (CSP form-action)."""
    return sorted({origin for app in sso_apps(request) if (origin := provider_origin(app))})


def second_factor_at_idp(request: HttpRequest, user) -> bool:
    """Whether this person's session was signed in through a provider that asks for a second factor itself."""
    keys = {
        record.get("provider")
        for record in get_authentication_records(request, user)
        if record.get("method") == "socialaccount"
    }
    if not keys:
        return False
    return any(app.settings.get("second_factor_at_idp") and app_key(app) in keys for app in sso_apps(request))
