"""allauth customisation: closed sign-up unless the address is on a listed domain, single sign-on, mail in the reader's language."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal.flows.login import record_authentication
from allauth.account.internal.flows.reauthentication import resume_request
from allauth.account.utils import user_email
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import sso
from .client_ip import client_ip


def signup_domain_allowed(email: str) -> bool:
    """Whether an address may sign itself up: only on a domain listed in ACCOUNT_SIGNUP_DOMAINS."""
    domains = settings.ACCOUNT_SIGNUP_DOMAINS
    return bool(domains) and email.rpartition("@")[2].lower() in domains


@dataclass(frozen=True)
class MailSite:
    """What allauth's e-mails call `current_site`: the product's name, not the bare host name."""

    name: str
    domain: str


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, refusing addresses outside the listed domains.

    The rule sits here rather than in the adapter's clean_email, which allauth also
    runs on the password-reset form: a person made by an admin must always be able to
    reset their password, whatever their domain.
    """

    def clean_email(self):
        email = super().clean_email()
        if not signup_domain_allowed(email):
            raise forms.ValidationError(
                _("Sign-up is open only to addresses of the company's own domains."), code="domain_not_allowed"
            )
        return email


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return bool(settings.ACCOUNT_SIGNUP_DOMAINS)

    def save_user(self, request, user, form, commit=True):
        # training.signals records admin-made addresses as verified; this one must be confirmed.
        user._via_signup = True
        return super().save_user(request, user, form, commit=commit)

    def get_login_stages(self):
        """allauth's stages, with a second factor not asked again after a provider that asked for one."""
        stages = super().get_login_stages()
        return [
            "training.people.mfa.AuthenticateStage" if stage == "allauth.mfa.stages.AuthenticateStage" else stage
            for stage in stages
        ]

    def get_reauthentication_methods(self, user):
        """A person without a password who signs in through a provider reauthenticates by signing in there again."""
        methods = super().get_reauthentication_methods(user)
        if user.is_authenticated and not user.has_usable_password() and sso.linked_provider_keys(user):
            url = reverse("account_reauthenticate")
            methods.insert(0, {"id": "reauthenticate", "description": _("Use your company sign-in"), "url": url})
        return methods

    def get_client_ip(self, request):
        """The person's address behind the trusted proxies, so each has their own rate limits."""
        ip = client_ip(request)
        if ip is None:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def get_login_redirect_url(self, request):
        """Land on the dashboard in the person's preferred language."""
        language = getattr(request.user, "preferred_language", "") or settings.LANGUAGE_CODE
        return f"/{language}/"

    def get_signup_redirect_url(self, request):
        """A person just made (through single sign-on) lands on the dashboard too."""
        return self.get_login_redirect_url(request)

    def get_logout_redirect_url(self, request):
        """Stay in the language the person was reading, rather than the browser's default."""
        return f"/{translation.get_language() or settings.LANGUAGE_CODE}/"

    def add_message(self, request, level, message_template=None, message_context=None, extra_tags="", message=None):
        """Messages to a signed-in person ("Successfully signed in") speak their language, not the form's."""
        language = getattr(request.user, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            super().add_message(request, level, message_template, message_context, extra_tags, message)

    def format_email_subject(self, subject):
        return f"[{settings.WAGTAIL_SITE_NAME}] {subject}"

    def send_mail(self, template_prefix, email, context):
        """Write to a known person in their preferred language, naming the product, not the host."""
        request = self.request
        domain = request.get_host() if request is not None else urlsplit(settings.SITE_URL).netloc
        user = context.get("user")
        language = getattr(user, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            site = MailSite(name=str(settings.WAGTAIL_SITE_NAME), domain=domain)
            super().send_mail(template_prefix, email, {**context, "current_site": site})


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form, refusing a password for an address whose domain signs in through SSO only."""

    def clean(self):
        email = (self.cleaned_data.get("login") or "").strip()
        app = sso.sso_only_provider(email, sso.sso_apps(self.request))
        if app is not None:
            raise forms.ValidationError(
                _("Addresses of %(domain)s sign in with %(provider)s: use its button below, not a password.")
                % {"domain": sso.email_domain(email), "provider": app.name},
                code="sso_only",
            )
        return super().clean()


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Single sign-on: addresses the provider speaks for are trusted, and sign-up follows the sign-up domains."""

    def is_email_verified(self, provider, email):
        return super().is_email_verified(provider, email) or sso.speaks_for(provider.app, email)

    def can_authenticate_by_email(self, login, email):
        """A provider with `domains` is matched to existing people of those domains only, whatever it says of others."""
        app = login.provider.app
        if sso.app_domains(app) and not sso.speaks_for(app, email):
            return False
        return super().can_authenticate_by_email(login, email)

    def pre_social_login(self, request, sociallogin):
        """Signing in again through the provider from the reauthentication page reauthenticates the person
        signed in, and resumes what they were doing (an acknowledgement is then recorded), as a password would."""
        if sociallogin.state.get("process") != sso.REAUTHENTICATE_PROCESS:
            return
        if not (request.user.is_authenticated and sociallogin.is_existing and sociallogin.user == request.user):
            return
        record_authentication(
            request,
            request.user,
            method="socialaccount",
            reauthenticated=True,
            provider=sociallogin.account.provider,
            uid=sociallogin.account.uid,
        )
        next_url = sociallogin.state.get("next") or self.get_login_redirect_url(request)
        request.GET = request.GET.copy()
        request.GET[REDIRECT_FIELD_NAME] = next_url
        raise ImmediateHttpResponse(resume_request(request) or redirect(next_url))

    def is_open_for_signup(self, request, sociallogin):
        email = user_email(sociallogin.user) or ""
        if email and signup_domain_allowed(email):
            return True
        context = {"email": email, "provider": sociallogin.provider.name}
        raise ImmediateHttpResponse(render(request, "account/sso_signup_refused.html", context, status=403))

    def populate_user(self, request, sociallogin, data):
        """A person made through single sign-on gets the name the provider gives, and the language they read in."""
        user = super().populate_user(request, sociallogin, data)
        full_name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        user.name = (full_name or "").strip()[: get_user_model()._meta.get_field("name").max_length]
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        return user

    def save_user(self, request, sociallogin, form=None):
        # The provider says whether the address is verified (training.signals would otherwise trust it).
        sociallogin.user._via_signup = True
        return super().save_user(request, sociallogin, form=form)
