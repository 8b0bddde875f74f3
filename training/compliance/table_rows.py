"""Report rows read back from the standings table, for exports: no records loaded, no rules run.

The table must be current for the people read (`standings_table.refresh`). A row answers what
an export asks of a `ComplianceRow` (the person, team, new hire, percent, and each requirement's
item); re-checks count in the percent, as in a standing, but have no columns of their own.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import QuerySet

from ..choices import SCORED_KINDS, Status
from ..models import StandingItem
from .loader import PERSON_FIELDS, STANDINGS_BATCH, batches, person_facts
from .rules import ItemStanding, PersonFacts, RequirementFacts, is_new_hire
from .standings_table import ITEM_COLUMNS

__all__ = ["TableRow", "status_on", "table_rows"]

RENEWABLE = (Status.EXPIRES_SOON, Status.EXPIRED)


def status_on(row: dict, today: datetime.date) -> str:
    """A row's status on `today`: `standings_table.status_q`, for one row in Python."""
    if row["completed"]:
        if row["expires_on"] is not None and today >= row["expires_on"]:
            return Status.EXPIRED
        if row["warn_from"] is not None and today >= row["warn_from"]:
            return Status.EXPIRES_SOON
        return Status.DONE
    if today > row["due_date"]:
        return Status.OVERDUE
    return row["pending_status"]


def _item(row: dict, requirement: RequirementFacts, status: str) -> ItemStanding:
    renewable = status in RENEWABLE
    return ItemStanding(
        requirement,
        status,
        row["expires_on"] if renewable else row["due_date"],  # a renewal is due by the expiry day
        is_overdue=status in (Status.OVERDUE, Status.EXPIRED),
        completed_at=row["completed_at"],
        acknowledged_version=row["acknowledged_version"],
        best_percent=row["best_percent"],
        attempts_used=row["attempts_renewing"]
        if renewable and requirement.kind in SCORED_KINDS
        else row["attempts_used"],
        expires_on=row["expires_on"],
    )


@dataclass(frozen=True)
class TableRow:
    person: PersonFacts
    team_name: str
    new_hire: bool
    percent: int
    items: dict[int, ItemStanding] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.person.name

    def item(self, requirement_id: int) -> ItemStanding | None:
        return self.items.get(requirement_id)


def _rows_of(
    people: list[dict],
    *,
    requirements: dict[int, RequirementFacts],
    team_names: dict,
    today: datetime.date,
    window_days: int,
) -> Iterator[TableRow]:
    items: dict[int, list[dict]] = defaultdict(list)
    for row in StandingItem.objects.filter(person_id__in=[person["pk"] for person in people]).values(*ITEM_COLUMNS):
        items[row["person_id"]].append(row)
    for person_row in people:
        person = person_facts(person_row)
        statuses = [(row, status_on(row, today)) for row in items[person.id]]
        done = sum(1 for _row, status in statuses if status in (Status.DONE, Status.EXPIRES_SOON))
        yield TableRow(
            person=person,
            team_name=team_names.get(person.team_id, ""),
            new_hire=is_new_hire(person, today=today, window_days=window_days),
            percent=round(100 * done / len(statuses)) if statuses else 100,
            items={
                row["requirement_id"]: _item(row, requirements[row["requirement_id"]], status)
                for row, status in statuses
                if not row["recheck"] and row["requirement_id"] in requirements
            },
        )


def table_rows(
    people: QuerySet,
    *,
    requirements: list[RequirementFacts],
    team_names: dict,
    today: datetime.date,
    new_hire_window_days: int,
    batch_size: int = STANDINGS_BATCH,
) -> Iterator[TableRow]:
    """The rows of the people in `people`, in its order: 1 query for them (read in chunks), 1 per batch."""
    options = {
        "requirements": {requirement.id: requirement for requirement in requirements},
        "team_names": team_names,
        "today": today,
        "window_days": new_hire_window_days,
    }
    for batch in batches(people.values(*PERSON_FIELDS).iterator(chunk_size=batch_size), batch_size):
        yield from _rows_of(batch, **options)
