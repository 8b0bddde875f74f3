"""The sign-in page's single sign-on buttons."""

from django import template

from ..people.sso import SSOButton, sso_buttons

register = template.Library()


@register.simple_tag(takes_context=True)
def sso_sign_in_buttons(context, *, linked_only: bool = False) -> list[SSOButton]:
    """One button per configured OpenID Connect or SAML provider (only the person's own, to reauthenticate)."""
    request = context["request"]
    return sso_buttons(request, linked_to=request.user if linked_only else None)
