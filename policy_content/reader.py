"""The signed-in reader's standing on a page, as the training rules compute it.

Those rules live in the app that depends on this one, so it supplies them through the Wagtail hook
`reader_standing`: a function of the request returning an object with `item_for_page(page_id)`.
Every page asks here, so a page can never say something the dashboard and reports do not.
"""

from wagtail import hooks

__all__ = ["READER_STANDING_HOOK", "reader_cycle_start", "reader_item", "reader_rechecks", "reader_standing"]

READER_STANDING_HOOK = "reader_standing"


def reader_standing(request):
    """The reader's standing on everything they owe, computed once per request; None when signed out."""
    if not request.user.is_authenticated:
        return None
    if not hasattr(request, "_reader_standing"):
        providers = hooks.get_hooks(READER_STANDING_HOOK)
        request._reader_standing = providers[-1](request) if providers else None
    return request._reader_standing


def reader_item(request, page):
    """The reader's standing on `page` (its source page), or None when it is not required of them."""
    standing = reader_standing(request)
    return standing.item_for_page(page.source_page.pk) if standing is not None else None


def reader_cycle_start(request, page):
    """When the reader's current cycle began: just after a completion that has expired or expires soon, else None."""
    item = reader_item(request, page)
    return item.completed_at if getattr(item, "is_renewable", False) else None


def reader_rechecks(request, version) -> tuple[list, frozenset[str]]:
    """The reader's items that are re-checks owed after `version`, and the sections they ask about."""
    standing = reader_standing(request)
    if standing is None or version is None:
        return [], frozenset()
    items = [
        item
        for item in standing.items
        if getattr(item, "recheck", None) is not None and item.recheck.version_id == version.pk
    ]
    return items, frozenset().union(*(item.recheck.sections for item in items))
