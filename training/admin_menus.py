"""Admin menu labels that Wagtail and wagtail-localize translate once, when the menu is first built.

The menus are built once per process, so those labels would stay in the language of the first
visitor. Each request gets copies labelled in its own language instead (the shared items stay as
they are, so concurrent requests in other languages do not see each other's words).
"""

import copy

from django.urls import reverse
from django.utils.translation import gettext
from wagtail import VERSION

__all__ = ["relabel"]

_WHATS_NEW = f"whats-new-in-wagtail-{VERSION[0]}.{VERSION[1]}"


def _fresh_label(item) -> str | None:
    """The item's label in the active language, for the items whose label froze (message ids as upstream)."""
    if item.name == _WHATS_NEW:
        return gettext("What's new in Wagtail %(version)s") % {"version": f"{VERSION[0]}.{VERSION[1]}"}
    # wagtail-localize names its item after the frozen label too: recognise it by its address.
    if item.url == reverse("wagtail_localize:translations_report"):
        return gettext("Translations")
    return None


def relabel(request, menu_items) -> None:
    """A construct-menu hook: replace frozen labels with ones in the request's language."""
    for index, item in enumerate(menu_items):
        label = _fresh_label(item)
        if label is not None:
            fresh = copy.copy(item)
            fresh.label = label
            menu_items[index] = fresh
