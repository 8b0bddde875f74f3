"""allauth customisation: closed sign-up unless the address is on a listed domain, mail in the reader's language."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext_lazy as _

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
