from django.conf import settings
from wagtail.models import Site

from .routing import served_home
from .search.results import MAX_QUERY_LENGTH


def site(request):
    """The search box's limit, whether sign-up is open (and to which domains), and the top-level sections in the reader's language."""
    context = {
        "SEARCH_MAX_LENGTH": MAX_QUERY_LENGTH,
        "SIGNUP_OPEN": bool(settings.ACCOUNT_SIGNUP_DOMAINS),
        "SIGNUP_DOMAINS": settings.ACCOUNT_SIGNUP_DOMAINS,
    }
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return context
    home = served_home(request)
    if home is None:
        current_site = Site.find_for_request(request)
        if current_site is None:
            return context
        home = current_site.root_page.localized
    sections = home.get_children().live().in_menu().specific(defer=True)
    context["site_sections"] = [{"title": page.title, "url": page.get_url(request)} for page in sections]
    return context
