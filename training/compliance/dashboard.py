"""What "My training" shows a person: their standing with titles and links in their language."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from policy_content.models import Acknowledgement
from quizzes.models import QuizAttempt

from ..choices import ItemKind
from .standing import ItemStanding, RequirementFacts, Standing, standing_for

LATEST_RESULTS = 5


@dataclass(frozen=True)
class ItemLink:
    """A required page as the reader sees it: title and URL in their language where translated."""

    title: str
    url: str


@dataclass(frozen=True)
class DashboardItem:
    standing: ItemStanding
    title: str
    url: str

    def __getattr__(self, name):
        # Templates read status, due_date, best_percent... straight from the standing.
        if name.startswith("__") or name == "standing":
            raise AttributeError(name)
        return getattr(self.standing, name)


@dataclass(frozen=True)
class LatestResult:
    kind: str
    title: str
    when: datetime.datetime
    percent: int | None = None
    passed: bool | None = None
    version: int | None = None


@dataclass
class Dashboard:
    standing: Standing
    items: list[DashboardItem]
    latest_results: list[LatestResult]

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
    def next_item(self) -> DashboardItem | None:
        return next((item for item in self.items if item.can_act), None)


def item_links(requirements: Iterable[RequirementFacts], *, language: str) -> dict[int, ItemLink]:
    """Title and URL of each required page in `language`, falling back to the source page (1 query)."""
    requirements = list(requirements)
    keys = {r.translation_key for r in requirements if r.translation_key}
    if not keys:
        return {}
    default_language = Locale.get_default().language_code
    pages = (
        Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code__in={language, default_language})
        .select_related("locale")
    )
    by_key: dict = {}
    for page in pages:
        if page.locale.language_code == language or page.translation_key not in by_key:
            by_key[page.translation_key] = page
    links = {}
    for requirement in requirements:
        page = by_key.get(requirement.translation_key)
        if page is not None:
            links[requirement.page_id] = ItemLink(title=page.title, url=page.get_url() or "")
    return links


def absolute_url(url: str) -> str:
    """Links in e-mails: a site-relative URL made absolute with SITE_URL."""
    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url


def latest_results(
    user, standing: Standing, *, titles: dict[int, str], limit: int = LATEST_RESULTS
) -> list[LatestResult]:
    """The person's most recent results on their training items, newest first (up to 2 queries)."""
    policy_ids = [item.requirement.page_id for item in standing.items if item.kind == ItemKind.POLICY]
    quiz_ids = [item.requirement.page_id for item in standing.items if item.kind == ItemKind.QUIZ]
    results = []
    if quiz_ids:
        results += [
            LatestResult(
                kind=ItemKind.QUIZ,
                title=titles.get(attempt.quiz_id, ""),
                when=attempt.submitted_at,
                percent=attempt.percent,
                passed=attempt.passed,
            )
            for attempt in QuizAttempt.objects.filter(
                user=user, quiz_id__in=quiz_ids, submitted_at__isnull=False
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


def build_dashboard(user, *, language: str, today: datetime.date | None = None) -> Dashboard:
    """The dashboard of one person, in their language."""
    standing = standing_for(user, today=today or timezone.localdate())
    links = item_links((item.requirement for item in standing.items), language=language)
    items = [
        DashboardItem(
            standing=item,
            title=links[item.requirement.page_id].title if item.requirement.page_id in links else item.title,
            url=links[item.requirement.page_id].url if item.requirement.page_id in links else "",
        )
        for item in standing.items
    ]
    titles = {item.requirement.page_id: item.title for item in items}
    return Dashboard(standing=standing, items=items, latest_results=latest_results(user, standing, titles=titles))
