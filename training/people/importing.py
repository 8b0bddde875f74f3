"""Create or update people from a checked people file: first a plan that writes nothing, then its application.

The plan reads the database in a fixed number of queries whatever the file's size; applying it writes
everything in one transaction. Nobody missing from a file is changed or deactivated.
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import IO

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy

from ..choices import Language, Role
from ..models import Team, User
from .people_file import ATTRIBUTE_COLUMNS, PeopleFile, PersonRow, RowError, read_people

__all__ = ["ImportResult", "PeoplePlan", "apply_plan", "import_people", "plan_people"]

FIELD_LABELS = {
    "name": gettext_lazy("name"),
    "team": gettext_lazy("team"),
    "job_title": gettext_lazy("job title"),
    "start_date": gettext_lazy("start date"),
    "preferred_language": gettext_lazy("language"),
    "roles": gettext_lazy("roles"),
}


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str

    @property
    def label(self) -> str:
        return str(FIELD_LABELS[self.field])


@dataclass(frozen=True)
class PersonChange:
    pk: int
    row: PersonRow
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class PeoplePlan:
    """What importing the good rows of a file would do to the people as they are now."""

    columns: frozenset[str]
    created: tuple[PersonRow, ...]
    changed: tuple[PersonChange, ...]
    unchanged: int
    new_teams: tuple[str, ...]
    new_managers: tuple[tuple[str, str], ...]  # (team name, manager's e-mail address)
    errors: tuple[RowError, ...]

    @property
    def fingerprint(self) -> str:
        """Equal for two plans that would write the same things and skip the same rows."""
        content = [
            sorted(self.columns),
            [repr(row) for row in self.created],
            [(change.pk, repr(change.row), [repr(c) for c in change.changes]) for change in self.changed],
            self.unchanged,
            self.new_teams,
            self.new_managers,
            [(error.line, error.message) for error in self.errors],
        ]
        return hashlib.sha256(json.dumps(content, default=str).encode()).hexdigest()


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    teams_created: int = 0
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False


def _show(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def plan_people(people_file: PeopleFile) -> PeoplePlan:
    """Compare the good rows with the people, roles and teams as they are; write nothing."""
    rows = people_file.rows
    columns = people_file.columns
    people = {
        person.lower_email: person
        for person in User.objects.annotate(lower_email=Lower("email"))
        .filter(lower_email__in=[row.email for row in rows])
        .select_related("team")
    }
    teams = {team.name.lower(): team for team in Team.objects.all()}
    roles: dict[int, set[str]] = {}
    if "role" in columns:
        memberships = User.groups.through.objects.filter(
            user__in=[person.pk for person in people.values()], group__name__in=Role.values
        ).values_list("user_id", "group__name")
        for user_id, group_name in memberships:
            roles.setdefault(user_id, set()).add(group_name)
    created, changed, unchanged = [], [], 0
    for row in rows:
        person = people.get(row.email)
        if person is None:
            created.append(row)
            continue
        changes = []
        if person.name != row.name:
            changes.append(Change("name", person.name, row.name))
        for column, attribute in ATTRIBUTE_COLUMNS.items():
            if column not in columns:
                continue
            if attribute == "team":
                team = teams.get(row.team.lower()) if row.team else None
                if (team.pk if team else None) == person.team_id and (team is not None or not row.team):
                    continue
                changes.append(Change("team", person.team.name if person.team else "", row.team))
                continue
            wanted = getattr(row, "language" if attribute == "preferred_language" else attribute)
            if getattr(person, attribute) != wanted:
                changes.append(Change(attribute, _show(getattr(person, attribute)), _show(wanted)))
        current_roles = roles.get(person.pk, set())
        if "role" in columns and current_roles != set(row.roles):
            changes.append(Change("roles", ", ".join(sorted(current_roles)), ", ".join(sorted(row.roles))))
        if changes:
            changed.append(PersonChange(pk=person.pk, row=row, changes=tuple(changes)))
        else:
            unchanged += 1
    new_teams: dict[str, str] = {}  # the first spelling of a new team's name names it
    for row in rows:
        if row.team and row.team.lower() not in teams:
            new_teams.setdefault(row.team.lower(), row.team)
    managed = set(
        Team.managers.through.objects.filter(team__in=[team.pk for team in teams.values()]).values_list(
            "team_id", "user__email"
        )
    )
    new_managers: dict[tuple[str, str], tuple[str, str]] = {}
    for row in rows:
        team = teams.get(row.team.lower())
        if row.manager_email and (team is None or (team.pk, row.manager_email) not in managed):
            new_managers.setdefault((row.team.lower(), row.manager_email), (row.team, row.manager_email))
    return PeoplePlan(
        columns=columns,
        created=tuple(created),
        changed=tuple(changed),
        unchanged=unchanged,
        new_teams=tuple(new_teams.values()),
        new_managers=tuple(new_managers.values()),
        errors=tuple(people_file.errors),
    )


def apply_plan(plan: PeoplePlan) -> ImportResult:
    """Write the plan in one transaction: all of it or nothing. Run it on a plan made in the same transaction."""
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    with transaction.atomic():
        teams = {team.name.lower(): team for team in Team.objects.all()}
        for name in plan.new_teams:
            teams[name.lower()] = Team.objects.create(name=name)
        for row in plan.created:
            person = User(
                email=row.email,
                name=row.name,
                team=teams[row.team.lower()] if row.team else None,
                job_title=row.job_title,
                start_date=row.start_date,
                preferred_language=row.language,
            )
            person.set_unusable_password()
            person.save()
            person.groups.add(*[groups[name] for name in row.roles])
            _translates_own_language(person, row)
        people = User.objects.in_bulk([change.pk for change in plan.changed])
        for change in plan.changed:
            person, row = people[change.pk], change.row
            values = {
                "name": row.name,
                "team": teams[row.team.lower()] if row.team else None,
                "job_title": row.job_title,
                "start_date": row.start_date,
                "preferred_language": row.language,
            }
            attributes = [c.field for c in change.changes if c.field != "roles"]
            for attribute in attributes:
                setattr(person, attribute, values[attribute])
            if attributes:
                person.save(update_fields=attributes)
            if any(c.field == "roles" for c in change.changes):
                current = set(person.groups.filter(name__in=Role.values).values_list("name", flat=True))
                person.groups.remove(*[groups[name] for name in current - set(row.roles)])
                person.groups.add(*[groups[name] for name in set(row.roles) - current])
            _translates_own_language(person, row)
        managers = {person.email: person for person in User.objects.filter(email__in={e for _, e in plan.new_managers})}
        for team_name, email in plan.new_managers:
            teams[team_name.lower()].managers.add(managers[email])
    return ImportResult(
        created=len(plan.created),
        updated=len(plan.changed),
        unchanged=plan.unchanged,
        teams_created=len(plan.new_teams),
        errors=list(plan.errors),
        applied=True,
    )


def _translates_own_language(user: User, row: PersonRow) -> bool:
    """An imported translator with no translator languages yet translates into their own language."""
    if Role.TRANSLATOR not in row.roles or user.translation_languages or row.language == Language.EN:
        return False
    user.translation_languages = [row.language]
    user.save(update_fields=["translation_languages"])
    return True


def import_people(stream: IO[str], *, skip_invalid: bool = False) -> ImportResult:
    """Apply a CSV file in one transaction; with bad rows, apply nothing unless told to skip them.

    Raises PeopleFileError when the file as a whole cannot be read. Columns missing from
    the file leave those details of existing people as they are; new people get the defaults
    (no team, the Employees role, English).
    """
    people_file = read_people(stream)
    if people_file.errors and not skip_invalid:
        return ImportResult(errors=people_file.errors)
    with transaction.atomic():
        return apply_plan(plan_people(people_file))
