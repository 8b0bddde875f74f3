"""Who may read which training reports, and the rows the reports are made of.

A manager sees the teams they manage; Compliance (training.view_all_reports) and superusers see
every team; nobody else sees any report. The views check this on every request, exports included.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial

from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from ..choices import SCORED_KINDS, Status
from ..models import Team, User
from .loader import PERSON_FIELDS, standings_of
from .rules import ItemStanding, RequirementFacts, Standing, is_new_hire
from .table_rows import TableRow, table_rows

__all__ = [
    "NO_TEAM",
    "ComplianceRow",
    "LazyRows",
    "TeamSummary",
    "can_view_reports",
    "build_rows",
    "people_in_scope",
    "sees_all_teams",
    "teams_in_scope",
]


# The team filter's value for people without a team.
NO_TEAM = "none"


def sees_all_teams(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("training.view_all_reports"))


def can_view_reports(user) -> bool:
    """Managers (of their teams), Compliance and superusers; never employees or editors."""
    if not user.is_authenticated or not user.is_active:
        return False
    return sees_all_teams(user) or user.has_perm("training.view_team_reports")


def teams_in_scope(user) -> QuerySet:
    if not can_view_reports(user):
        return Team.objects.none()
    return Team.objects.managed_by(user)


def people_in_scope(user, *, include_inactive: bool = False, include_teamless: bool = False) -> QuerySet:
    """The people whose training the user may read: members of the teams in scope.

    With `include_teamless`, those who see every team also get the people without a team (a deleted
    team leaves its members there); managers never do.
    """
    members = Q(team__in=teams_in_scope(user).values("pk"))
    if include_teamless and sees_all_teams(user):
        members |= Q(team__isnull=True)
    people = User.objects.filter(members)
    if not include_inactive:
        people = people.filter(is_active=True)
    return people


@dataclass(frozen=True)
class ComplianceRow:
    """One person in the team compliance report."""

    standing: Standing
    team_name: str
    new_hire: bool

    @property
    def person(self):
        return self.standing.person

    @property
    def name(self) -> str:
        return self.standing.person.name

    @property
    def percent(self) -> int:
        return self.standing.percent

    def item(self, requirement_id: int) -> ItemStanding | None:
        return self.standing.item_for(requirement_id)

    def recheck(self, requirement_id: int) -> ItemStanding | None:
        return self.standing.recheck_for(requirement_id)


def build_rows(
    standings: Iterable[Standing], *, team_names: dict[int, str], today: datetime.date, new_hire_window_days: int
) -> Iterator[ComplianceRow]:
    for standing in standings:
        yield ComplianceRow(
            standing=standing,
            team_name=team_names.get(standing.person.team_id, ""),
            new_hire=is_new_hire(standing.person, today=today, window_days=new_hire_window_days),
        )


class LazyRows(Sequence):
    """The rows of a queryset of people, each computed only when it is read.

    A page of the report computes the standing of the people on that page alone, in the same number
    of queries whatever the number of people (their count, their details, their records, and their
    roles when a requirement is given to roles). Going through every row (an export) reads them from
    the standings table, which must be current (`standings_table.refresh`), a batch at a time, so
    memory holds one batch.
    """

    def __init__(
        self,
        people: QuerySet,
        *,
        requirements: list[RequirementFacts],
        team_names: dict[int, str],
        today: datetime.date,
        new_hire_window_days: int,
    ):
        self.people = people
        self.requirements = requirements
        self.today = today
        self.team_names = team_names
        self.new_hire_window_days = new_hire_window_days
        self._rows = partial(build_rows, team_names=team_names, today=today, new_hire_window_days=new_hire_window_days)

    @cached_property
    def _count(self) -> int:
        return self.people.count()

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            rows = list(self.people[index].values(*PERSON_FIELDS))
            standings = standings_of(rows, requirements=self.requirements, today=self.today)
            return list(self._rows(standings.values()))
        rows = self[index : index + 1] if index >= 0 else []
        if not rows:
            raise IndexError(index)
        return rows[0]

    def __iter__(self) -> Iterator[TableRow]:
        return table_rows(
            self.people,
            requirements=self.requirements,
            team_names=self.team_names,
            today=self.today,
            new_hire_window_days=self.new_hire_window_days,
        )


@dataclass(frozen=True)
class TeamSummary:
    team_name: str
    people: int
    complete_people: int
    items_done: int
    items_total: int
    overdue_people: int

    @property
    def completion_rate(self) -> int:
        """Share of required items done, in percent (100 when nothing is required)."""
        return round(100 * self.items_done / self.items_total) if self.items_total else 100


def export_columns(requirements: list[RequirementFacts]) -> list[tuple[str, str]]:
    """(key, heading) of every column of the team report export, a group per required item."""
    columns = [
        ("name", _("Name")),
        ("email", _("E-mail")),
        ("team", _("Team")),
        ("job_title", _("Job title")),
        ("start_date", _("Start date")),
        ("new_hire", _("New hire")),
        ("percent", _("Completion (%)")),
    ]
    for requirement in requirements:
        title = requirement.title
        columns += [
            (f"r{requirement.id}_status", _("%(item)s: status") % {"item": title}),
            (f"r{requirement.id}_due", _("%(item)s: due") % {"item": title}),
            (f"r{requirement.id}_completed", _("%(item)s: completed") % {"item": title}),
            (f"r{requirement.id}_expires", _("%(item)s: expires") % {"item": title}),
        ]
        if requirement.kind in SCORED_KINDS:
            columns += [
                (f"r{requirement.id}_score", _("%(item)s: best score (%%)") % {"item": title}),
                (f"r{requirement.id}_attempts", _("%(item)s: attempts") % {"item": title}),
            ]
        else:
            columns.append((f"r{requirement.id}_version", _("%(item)s: version acknowledged") % {"item": title}))
    return columns


@lru_cache(maxsize=64)
def status_label(status: str, language: str) -> str:
    """A status in words, in the active `language`: looked up once per export, not once per cell."""
    return str(Status(status).label)


def export_values(row: ComplianceRow | TableRow, requirements: list[RequirementFacts]) -> dict:
    values = {
        "name": row.person.name,
        "email": row.person.email,
        "team": row.team_name,
        "job_title": row.person.local_job_title,
        "start_date": row.person.start_date,
        "new_hire": _("yes") if row.new_hire else _("no"),
        "percent": row.percent,
    }
    for requirement in requirements:
        item = row.item(requirement.id)
        key = f"r{requirement.id}"
        if item is None:
            values[f"{key}_status"] = _("not required")
            continue
        values[f"{key}_status"] = status_label(item.status, translation.get_language())
        values[f"{key}_due"] = item.due_date
        values[f"{key}_completed"] = item.completed_at
        values[f"{key}_expires"] = item.expires_on
        if requirement.kind in SCORED_KINDS:
            values[f"{key}_score"] = item.best_percent
            values[f"{key}_attempts"] = item.attempts_used
        else:
            values[f"{key}_version"] = item.acknowledged_version
    return values
