"""When publishing a policy makes a new version, and what that version records."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry, Revision

from .models import PolicyPage, PolicyVersion

__all__ = [
    "REVIEW_INTERVAL_MONTHS",
    "acknowledgeable_version",
    "add_months",
    "importing_history",
    "publisher_of",
    "record_publication",
    "review_due_after",
]

REVIEW_INTERVAL_MONTHS = 12
# Log entries that name the person who decided a revision goes live, newest first.
_DECIDING_ACTIONS = ("wagtail.workflow.approve", "wagtail.publish.schedule")
_history_published_at: ContextVar[datetime.datetime | None] = ContextVar("policy_history_published_at", default=None)


@contextmanager
def importing_history(*, published_at: datetime.datetime) -> Iterator[None]:
    """Date the versions published inside this block `published_at`: for loading a policy's past versions."""
    token = _history_published_at.set(published_at)
    try:
        yield
    finally:
        _history_published_at.reset(token)


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
    if previous is None or previous.revision is None:
        return page.review_due
    previous_due = previous.revision.content.get("review_due")
    if previous_due != page.review_due.isoformat():
        return page.review_due
    return default


def _clear_request(
    *,
    page: PolicyPage,
    revision: Revision,
    review_due: datetime.date | None = None,
    version: PolicyVersion | None = None,
):
    """The new-version tick box and summary are used up once the version exists."""
    changes = {"mark_as_new_version": False, "change_summary": ""}
    if review_due is not None:
        changes["review_due"] = review_due
    if version is not None:
        changes.update(renders_version=version.number, version_summary=version.change_summary)
    PolicyPage.objects.filter(pk=page.pk).update(**changes)
    for name, value in changes.items():
        setattr(page, name, value)
    content = dict(revision.content)
    content.update(
        {key: value.isoformat() if isinstance(value, datetime.date) else value for key, value in changes.items()}
    )
    Revision.objects.filter(pk=revision.pk).update(content=content)
    revision.content = content


def record_publication(*, page: PolicyPage, revision: Revision) -> PolicyVersion | None:
    """Called whenever a policy revision is published; creates the next version when one is due.

    A version is due when the revision actually went live (not merely scheduled), is the source
    language page, and is either the first publication or marked as a new version.
    """
    if not page.live or page.live_revision_id != revision.pk or page.alias_of_id:
        return None
    if page.locale_id != Locale.get_default().pk:
        if page.mark_as_new_version or page.change_summary:
            _clear_request(page=page, revision=revision)
        return None
    previous = PolicyVersion.objects.filter(policy=page).select_related("revision").order_by("-number").first()
    if previous is not None and not page.mark_as_new_version:
        if (page.renders_version, page.version_summary) != (previous.number, previous.change_summary):
            # A correction drafted before the latest version went live still carries the old version.
            _clear_request(page=page, revision=revision, version=previous)
        return None
    published_at = _history_published_at.get() or page.last_published_at or timezone.now()
    review_due = _review_due_for_new_version(page=page, previous=previous, published_at=published_at)
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
                )
            break
        except IntegrityError:
            # Two publications at once: take the next free number.
            continue
    else:
        raise RuntimeError("Could not number a new policy version.")
    _clear_request(page=page, revision=revision, review_due=review_due, version=version)
    page.__dict__.pop("current_version", None)
    return version
