"""What "My training" shows a person: their standing with titles and links in their language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from policy_content.models import Acknowledgement
from quizzes.models import Refresher
from quizzes.refreshers import due_refreshers

from ..choices import ItemKind
from .loader import SCORED_RECORDS, standing_for
from .rules import ItemStanding, Standing

LATEST_RESULTS = 5


@dataclass(frozen=True)
class LatestResult:
    kind: str
    title: str
    when: datetime.datetime
    percent: int | None = None
    passed: bool | None = None
    version: int | None = None

    @property
    def is_scored(self) -> bool:
        return self.kind != ItemKind.POLICY


@dataclass
class Dashboard:
    standing: Standing
    latest_results: list[LatestResult]
    refreshers: list[Refresher] = field(default_factory=list)

    @property
    def items(self) -> list[ItemStanding]:
        return self.standing.items

    @property
    def percent(self) -> int:
        return self.standing.percent

    @property
    def done_count(self) -> int:
        return self.standing.done_count

    @property
    def total(self) -> int:
        return self.standing.total

    @property
    def all_done(self) -> bool:
        return self.standing.total > 0 and self.standing.all_done

    @property
    def next_item(self) -> ItemStanding | None:
        return self.standing.next_item


def absolute_url(url: str) -> str:
    """Links in e-mails: a site-relative URL made absolute with SITE_URL."""
    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url


def latest_results(
    user, standing: Standing, *, titles: dict[int, str], limit: int = LATEST_RESULTS
) -> list[LatestResult]:
    """The person's most recent results on their training items, newest first (a query per kind required)."""
    policy_ids = [item.requirement.page_id for item in standing.items if item.kind == ItemKind.POLICY]
    results = []
    for kind, (_page_model, attempt_model, page_field) in SCORED_RECORDS.items():
        ids = [item.requirement.page_id for item in standing.items if item.kind == kind]
        if not ids:
            continue
        results += [
            LatestResult(
                kind=kind,
                title=titles.get(getattr(attempt, f"{page_field}_id"), ""),
                when=attempt.submitted_at,
                percent=attempt.percent,
                passed=attempt.passed,
            )
            for attempt in attempt_model.objects.filter(
                user=user, **{f"{page_field}_id__in": ids}, submitted_at__isnull=False
            ).order_by("-submitted_at")[:limit]
        ]
    if policy_ids:
        results += [
            LatestResult(
                kind=ItemKind.POLICY,
                title=titles.get(ack.version.policy_id, ""),
                when=ack.acknowledged_at,
                version=ack.version.number,
            )
            for ack in Acknowledgement.objects.filter(user=user, version__policy_id__in=policy_ids)
            .select_related("version")
            .order_by("-acknowledged_at")[:limit]
        ]
    results.sort(key=lambda result: result.when, reverse=True)
    return results[:limit]


def build_dashboard(user, *, language: str, today: datetime.date | None = None, request=None) -> Dashboard:
    """The dashboard of one person, with titles and links in their language."""
    today = today or timezone.localdate()
    standing = standing_for(user, today=today, language=language, links=True, request=request)
    titles = {item.requirement.page_id: item.title for item in standing.items}
    return Dashboard(
        standing=standing,
        latest_results=latest_results(user, standing, titles=titles),
        refreshers=due_refreshers(user, today=today),
    )
