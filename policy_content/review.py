"""The annual review: which policies are due or overdue, and who may see that."""

import datetime

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Locale

from .choices import ReviewState
from .models import PolicyPage, PolicyVersion
from .reader_questions import ReaderQuestion

__all__ = ["DUE_SOON_DAYS", "can_view_review_report", "policies_for_review", "review_state"]

DUE_SOON_DAYS = 60


def can_view_review_report(user) -> bool:
    """Policy editors, Compliance and superusers: everyone who may read the versions."""
    return bool(user.is_authenticated and user.is_active and user.has_perm("policy_content.view_policyversion"))


def review_state(review_due: datetime.date | None, *, today: datetime.date) -> ReviewState:
    if review_due is None:
        return ReviewState.NOT_SET
    if review_due < today:
        return ReviewState.OVERDUE
    if review_due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return ReviewState.DUE_SOON
    return ReviewState.NOT_DUE


def policies_for_review(*, today: datetime.date, state: str = "") -> QuerySet[PolicyPage]:
    """Source-language policies with their current version; by default only those due, overdue or undated."""
    latest = PolicyVersion.objects.current().filter(policy=OuterRef("pk"))
    policies = (
        PolicyPage.objects.filter(locale=Locale.get_default())
        .annotate(
            current_number=Subquery(latest.values("number")[:1]),
            current_published_at=Subquery(latest.values("published_at")[:1]),
            open_questions=Coalesce(
                Subquery(
                    ReaderQuestion.objects.open()
                    .filter(policy=OuterRef("pk"))
                    .order_by()
                    .values("policy")
                    .annotate(count=Count("pk"))
                    .values("count")
                ),
                0,
            ),
        )
        .order_by("review_due", "title")
    )
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    if state == ReviewState.OVERDUE:
        return policies.filter(review_due__lt=today)
    if state == ReviewState.DUE_SOON:
        return policies.filter(review_due__gte=today, review_due__lte=soon)
    if state == ReviewState.NOT_SET:
        return policies.filter(review_due__isnull=True)
    if state == "all":
        return policies
    return policies.filter(review_due__lte=soon) | policies.filter(review_due__isnull=True)
