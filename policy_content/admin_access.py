"""A plain 403 for admin views a signed-in admin user may not open.

Wagtail's admin wrapper (`require_admin_access`, applied to every `register_admin_urls` view) turns
a raised `PermissionDenied` into a redirect to the dashboard with a message; a report someone may
not read answers 403 instead, so the refusal is what it says. Sign-in and admin access stay
Wagtail's.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied

__all__ = ["forbidden_unless"]


def forbidden_unless(may_view: Callable) -> Callable:
    """Decorate a view: `may_view(user)` or a rendered 403, which the view may also raise."""

    def decorator(view_func):
        @wraps(view_func)
        def wrapped(request, *args, **kwargs):
            if not may_view(request.user):
                return permission_denied(request, PermissionDenied())
            try:
                return view_func(request, *args, **kwargs)
            except PermissionDenied as refusal:
                return permission_denied(request, refusal)

        return wrapped

    return decorator
