"""allauth customisation: closed sign-up unless the address is on a listed domain."""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


def signup_domain_allowed(email: str) -> bool:
    domains = settings.ACCOUNT_SIGNUP_DOMAINS
    return bool(domains) and email.rpartition("@")[2].lower() in domains


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return bool(settings.ACCOUNT_SIGNUP_DOMAINS)

    def clean_email(self, email):
        email = super().clean_email(email)
        if not signup_domain_allowed(email):
            raise forms.ValidationError(_("Sign-up is open only to addresses of the company's own domains."))
        return email

    def save_user(self, request, user, form, commit=True):
        user._via_signup = True
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        """Land on the dashboard in the person's preferred language."""
        language = getattr(request.user, "preferred_language", "") or settings.LANGUAGE_CODE
        return f"/{language}/"
