"""Policy text rendered once and shared by every process, keyed by the revisions it comes from.

A revision's content never changes, so a key holding the revision ids stays right for ever; publishing
makes a new revision, hence a new key. Nothing about a reader is cached here: only the policy's text.
"""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .comparison import ReaderChanges, changes_for_reader
from .models import PolicyPage, PolicyVersion

__all__ = ["CACHE_SECONDS", "body_html", "cached_changes_for_reader"]

CACHE_SECONDS = 60 * 60 * 24 * 30
_NOTHING = "none"  # a cached "no comparison possible", told apart from a cache miss


def _render_body(page: PolicyPage) -> SafeString:
    # The same template as the frozen texts, so the page shows exactly what a reader's acknowledgement covers.
    return mark_safe(render_to_string("policy_content/includes/policy_body.html", {"page": page}))  # blocks escape


def body_html(page: PolicyPage, *, live: bool = True) -> SafeString:
    """The page's sections as HTML in the active language; from the cache when `page` is its live revision."""
    if not live or page.live_revision_id is None:
        return _render_body(page)
    key = f"policy-body:{page.live_revision_id}:{get_language()}"
    html = cache.get(key)
    if html is None:
        html = str(_render_body(page))
        cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # rendered by the sanitising blocks above, before it was stored


def cached_changes_for_reader(
    *, page: PolicyPage, old: PolicyVersion, new: PolicyVersion, live: bool = True
) -> ReaderChanges | None:
    """`changes_for_reader`, computed once per pair of revisions and language of the page shown."""
    if not live or page.live_revision_id is None or old.revision_id is None or new.revision_id is None:
        return changes_for_reader(page=page, old=old, new=new)
    # A translation compares its own texts when it has them: its live revision is part of the key.
    key = f"policy-changes:{old.revision_id}:{new.revision_id}:{page.live_revision_id}:{page.locale_id}"
    cached = cache.get(key)
    if cached is not None:
        return None if cached == _NOTHING else cached
    changes = changes_for_reader(page=page, old=old, new=new)
    cache.set(key, _NOTHING if changes is None else changes, CACHE_SECONDS)
    return changes
