"""When publishing a policy makes a new version, and what that version records."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry, Revision

from .models import PolicyPage, PolicyVersion
from .section_changes import version_changed_anchors

__all__ = [
    "REVIEW_INTERVAL_MONTHS",
    "acknowledgeable_version",
    "add_months",
    "publisher_of",
    "record_publication",
    "review_due_after",
    "version_recorded",
]

# Sent with `version` and `page` (the source page) when publishing made a new version.
version_recorded = Signal()

REVIEW_INTERVAL_MONTHS = 12
# Log entries that name the person who decided a revision goes live, newest first.
_DECIDING_ACTIONS = ("wagtail.workflow.approve", "wagtail.publish.schedule")


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the last day of the month when it does not exist (29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def review_due_after(published_at: datetime.datetime) -> datetime.date:
    """A policy is reviewed at least yearly: 12 months after its version went live."""
    return add_months(timezone.localdate(published_at), REVIEW_INTERVAL_MONTHS)


def acknowledgeable_version(page: PolicyPage) -> PolicyVersion | None:
    """The version a reader of `page` acknowledges: the current one, unless `page` translates an older one."""
    if page.is_out_of_date:
        return None
    return page.current_version


def publisher_of(revision: Revision):
    """Who put a revision live: its approver or scheduler if there was one, else its author."""
    entry = (
        PageLogEntry.objects.filter(revision=revision, action__in=_DECIDING_ACTIONS, user__isnull=False)
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.user if entry else revision.user


def _review_due_for_new_version(*, page: PolicyPage, previous: PolicyVersion | None, published_at) -> datetime.date:
    """Keep a date the editor chose in this change; otherwise 12 months after going live."""
    default = review_due_after(published_at)
    if page.review_due is None or page.review_due <= timezone.localdate(published_at):
        return default
    if previous is not None and page.review_due == review_due_after(previous.published_at):
        # The date publishing set for the previous version, left as it was.
        return default
    return page.review_due


def _settle_page(*, page: PolicyPage, version: PolicyVersion | None = None, review_due: datetime.date | None = None):
    """Set on the page row (never on its revisions) what publishing decides: the request is used up."""
    changes = {"mark_as_new_version": False, "change_summary": ""}
    if review_due is not None:
        changes["review_due"] = review_due
    if version is not None:
        changes.update(renders_version=version.number, version_summary=version.change_summary)
    PolicyPage.objects.filter(pk=page.pk).update(**changes)
    for name, value in changes.items():
        setattr(page, name, value)


def record_publication(
    *, page: PolicyPage, revision: Revision, published_at: datetime.datetime | None = None
) -> PolicyVersion | None:
    """Called whenever a policy revision is published; creates the next version when one is due.

    A version is due when the revision actually went live (not merely scheduled), is the source
    language page, and is either the first publication or marked as a new version. `published_at`
    is when it went live: the page's last publication unless history is being loaded.
    """
    if not page.live or page.live_revision_id != revision.pk or page.alias_of_id:
        return None
    if page.locale_id != Locale.get_default().pk:
        if page.mark_as_new_version or page.change_summary:
            _settle_page(page=page)
        return None
    previous = PolicyVersion.objects.current().filter(policy=page).first()
    if previous is not None and not page.mark_as_new_version:
        if (page.renders_version, page.version_summary) != (previous.number, previous.change_summary):
            # A correction drafted before the latest version went live still carries the old version.
            _settle_page(page=page, version=previous)
        return None
    published_at = published_at or page.last_published_at or timezone.now()
    review_due = _review_due_for_new_version(page=page, previous=previous, published_at=published_at)
    changed_sections = version_changed_anchors(page=page, revision=revision, previous=previous)
    for _attempt in range(3):
        number = (PolicyVersion.objects.filter(policy=page).aggregate(top=Max("number"))["top"] or 0) + 1
        try:
            with transaction.atomic():
                version = PolicyVersion.objects.create(
                    policy=page,
                    number=number,
                    revision=revision,
                    published_at=published_at,
                    published_by=publisher_of(revision),
                    change_summary=(page.change_summary or "").strip(),
                    changed_sections=changed_sections,
                )
            break
        except IntegrityError:
            # Two publications at once: take the next free number.
            continue
    else:
        raise RuntimeError("Could not number a new policy version.")
    _settle_page(page=page, review_due=review_due, version=version)
    page.__dict__.pop("current_version", None)
    version_recorded.send(sender=PolicyVersion, version=version, page=page)
    return version
