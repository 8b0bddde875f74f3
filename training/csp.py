"""The Content-Security-Policy middleware: the settings' policy, with inline styles allowed in the admin only."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

from .people.sso import form_action_origins

__all__ = ["ADMIN_PREFIX", "SiteCSPMiddleware"]

ADMIN_PREFIX = "/admin/"
# Pages with single sign-on buttons: their forms post here, and are sent on to the provider.
SSO_BUTTON_PAGES = {"account_login", "account_reauthenticate"}


class SiteCSPMiddleware(CSPMiddleware):
    """Wagtail's admin and its editors write style attributes; the front end and sign-in pages need none.

    The sign-in page's single sign-on buttons lead to the providers, so its forms may go there too.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name in SSO_BUTTON_PAGES and (origins := form_action_origins(request)):
            parts.update = {**(parts.update or {}), "form-action": origins}
        return parts
