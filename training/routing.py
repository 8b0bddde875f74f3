"""Finding the page a URL names in one query, instead of one query per level of the page tree."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from wagtail.models import Page

__all__ = ["HOME_ATTRIBUTE", "route_from", "served_home"]

# The localised home page that routed the request, kept on the request for the rest of it.
HOME_ATTRIBUTE = "training_home"


def route_from(page: Page, request: HttpRequest, path_components: list[str]):
    """Route below `page` as Wagtail does, loading the pages on the path in one query.

    Pages on the path are looked up by their `url_path`, which Wagtail keeps as the chain of slugs.
    The descent stops at the first page whose type routes on its own (a routable page): that page
    routes the rest of the path, so its own routes keep precedence over any child with the same slug.
    """
    candidates = [page.url_path + "/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)]
    found = {
        child.url_path: child
        for child in Page.objects.filter(url_path__in=candidates, path__startswith=page.path, depth__gt=page.depth)
    }
    current = None
    consumed = 0
    for number, url_path in enumerate(candidates, start=1):
        child = found.get(url_path)
        if child is None or child.specific_class is None:
            break
        current, consumed = child, number
        if child.specific_class.route is not Page.route:
            break
    if current is None:
        raise Http404
    return current.specific.route(request, path_components[consumed:])


def served_home(request: HttpRequest) -> Page | None:
    """The localised home page Wagtail routed this request through, if it served a page."""
    return getattr(request, HOME_ATTRIBUTE, None)
