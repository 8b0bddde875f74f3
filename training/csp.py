"""The Content-Security-Policy middleware: the settings' policy, with inline styles allowed in the admin only."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

__all__ = ["ADMIN_PREFIX", "SiteCSPMiddleware"]

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    """Wagtail's admin and its editors write style attributes; the front end and sign-in pages need none."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return parts
