"""Which sections of a policy a change touches: the anchors a quiz pass may lapse for."""

from collections.abc import Iterable

from wagtail.models import Revision

from .comparison import SectionChange, compare_pages, page_from_revision
from .models import PolicyPage, PolicyVersion

__all__ = ["changed_anchors", "draft_changed_anchors", "version_changed_anchors"]


def changed_anchors(changes: Iterable[SectionChange]) -> frozenset[str]:
    """Anchors of the sections that were changed, added or removed (a renamed heading is a change)."""
    return frozenset(change.anchor for change in changes if change.state != "unchanged")


def version_changed_anchors(*, page: PolicyPage, revision: Revision, previous: PolicyVersion | None) -> list[str]:
    """Sections a new version changes against the version before it, sorted; none for a first version."""
    if previous is None or previous.revision_id is None:
        return []
    old = Revision.objects.only("pk", "content").filter(pk=previous.revision_id).first()
    if old is None:
        return []
    return sorted(changed_anchors(compare_pages(page_from_revision(old), page_from_revision(revision))))


def draft_changed_anchors(page: PolicyPage) -> frozenset[str]:
    """Sections the page's latest draft changes against the version in force (2 queries); all when none is."""
    draft = page.get_latest_revision_as_object()
    current = page.current_version
    revision = (
        Revision.objects.only("pk", "content").filter(pk=current.revision_id).first()
        if current and current.revision_id
        else None
    )
    if revision is None:
        return frozenset(anchor for anchor, _heading in draft.section_anchors())
    return changed_anchors(compare_pages(page_from_revision(revision), draft))
