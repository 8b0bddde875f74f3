"""The team report's filters, ordering and chart, answered by the standings table in SQL.

The rows shown are still computed live (`reports.LazyRows`), for the page shown alone; what needs
everyone (which people hold a status, who is furthest behind, each team's completion) is asked of
the table, brought up to date first (`standings_table.refresh`). Query counts do not grow with the
number of people.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict

from django.db.models import Case, Count, Exists, FloatField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce

from ..models import StandingItem
from .reports import TeamSummary
from .standings_table import done_q, overdue_q, status_q

__all__ = ["filter_by_standing", "order_by_percent", "team_summaries_of"]


def _items(requirement_id: int | None) -> QuerySet:
    """A person's rows: all of them, or one requirement's (its re-check aside, as `Standing.item_for`)."""
    items = StandingItem.objects.filter(person_id=OuterRef("pk"))
    if requirement_id is not None:
        items = items.filter(requirement_id=requirement_id, recheck=False)
    return items


def filter_by_standing(
    people: QuerySet,
    *,
    today: datetime.date,
    status: str | None = None,
    overdue: bool | None = None,
    requirement_id: int | None = None,
) -> QuerySet:
    """People holding `status` on any item (or on one requirement), and overdue on one or not."""
    if status:
        people = people.filter(Exists(_items(requirement_id).filter(status_q(status, today))))
    if overdue is not None:
        late = Exists(_items(requirement_id).filter(overdue_q(today)))
        people = people.filter(late if overdue else ~late)
    return people


def _count(items: QuerySet) -> Coalesce:
    counted = items.order_by().values("person_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), Value(0))


def order_by_percent(people: QuerySet, *, today: datetime.date, descending: bool = False) -> QuerySet:
    """Ordered by the share of items done (everyone with nothing required counts as 100%), then name."""
    done = Cast(_count(_items(None).filter(done_q(today))), FloatField())
    total = _count(_items(None))
    share = Case(When(Q(standing_total=0), then=Value(1.0)), default=done / total, output_field=FloatField())
    ordered = people.annotate(standing_total=total).annotate(standing_share=share)
    key = "-standing_share" if descending else "standing_share"
    return ordered.order_by(key, "name", "email")


def team_summaries_of(people: QuerySet, *, team_names: dict, today: datetime.date) -> list[TeamSummary]:
    """Each team's completion, for the chart above the report: two queries, a row per person."""
    figures = {
        row["person_id"]: row
        for row in StandingItem.objects.filter(person_id__in=people.order_by().values("pk"))
        .values("person_id")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=done_q(today)),
            overdue=Count("pk", filter=overdue_q(today)),
        )
        .order_by()
    }
    teams: dict[str, Counter] = defaultdict(Counter)
    nothing = {"total": 0, "done": 0, "overdue": 0}
    for pk, team_id in people.order_by().values_list("pk", "team_id"):
        person = figures.get(pk, nothing)
        teams[team_names.get(team_id, "")].update(
            people=1,
            complete_people=person["done"] == person["total"],
            items_done=person["done"],
            items_total=person["total"],
            overdue_people=bool(person["overdue"]),
        )
    fields = ("people", "complete_people", "items_done", "items_total", "overdue_people")
    return [
        TeamSummary(team_name=name, **{field: int(counts[field]) for field in fields})
        for name, counts in sorted(teams.items())
    ]
