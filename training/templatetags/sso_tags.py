"""The sign-in page's single sign-on buttons."""

from django import template

from ..people.sso import SSOButton, sso_buttons

register = template.Library()


@register.simple_tag(takes_context=True)
def sso_sign_in_buttons(context) -> list[SSOButton]:
    """One button per configured OpenID Connect or SAML provider."""
    return sso_buttons(context["request"])
