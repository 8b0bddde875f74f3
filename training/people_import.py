"""Create or update people from a CSV file: all rows or none, every bad row reported."""

import csv
import datetime
from dataclasses import dataclass, field
from typing import IO

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .choices import Language, Role
from .models import Team, User

COLUMNS = ["email", "name", "team", "manager_email", "job_title", "start_date", "role", "language"]
REQUIRED_COLUMNS = {"email", "name"}
ROLE_ALIASES = {
    "employee": Role.EMPLOYEE,
    "employees": Role.EMPLOYEE,
    "manager": Role.MANAGER,
    "managers": Role.MANAGER,
    "editor": Role.EDITOR,
    "policy editor": Role.EDITOR,
    "policy editors": Role.EDITOR,
    "compliance": Role.COMPLIANCE,
}


@dataclass(frozen=True)
class PersonRow:
    line: int
    email: str
    name: str
    team: str
    manager_email: str
    job_title: str
    start_date: datetime.date | None
    roles: tuple[str, ...]
    language: str


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self):
        return f"line {self.line}: {self.message}"


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False


def _parse_roles(value: str) -> tuple[str, ...]:
    names = [part.strip().lower() for part in value.replace(",", ";").split(";") if part.strip()]
    if not names:
        return (Role.EMPLOYEE.value,)
    roles = []
    for name in names:
        if name not in ROLE_ALIASES:
            allowed = ", ".join(sorted({"employee", "manager", "editor", "compliance"}))
            raise ValueError(f"unknown role {name!r} (use {allowed})")
        roles.append(ROLE_ALIASES[name].value)
    return tuple(dict.fromkeys(roles))


def _parse_row(line: int, raw: dict[str, str]) -> PersonRow:
    """Turn one CSV record into a PersonRow, or raise ValueError naming what is wrong."""
    value = {key: (raw.get(key) or "").strip() for key in COLUMNS}
    problems = []
    email = value["email"].lower()
    try:
        validate_email(email)
    except ValidationError:
        problems.append(f"{value['email']!r} is not a valid e-mail address" if email else "e-mail is missing")
    if not value["name"]:
        problems.append("name is missing")
    start_date = None
    if value["start_date"]:
        try:
            start_date = datetime.date.fromisoformat(value["start_date"])
        except ValueError:
            problems.append(f"start date {value['start_date']!r} is not a date (use YYYY-MM-DD)")
    language = (value["language"] or Language.EN).lower()
    if language not in Language.values:
        problems.append(f"language {value['language']!r} is not one of {', '.join(Language.values)}")
    roles: tuple[str, ...] = ()
    try:
        roles = _parse_roles(value["role"])
    except ValueError as exc:
        problems.append(str(exc))
    manager_email = value["manager_email"].lower()
    if manager_email:
        try:
            validate_email(manager_email)
        except ValidationError:
            problems.append(f"manager e-mail {value['manager_email']!r} is not a valid e-mail address")
        if not value["team"]:
            problems.append("a manager is given but no team: managers manage teams")
    if problems:
        raise ValueError("; ".join(problems))
    return PersonRow(
        line=line,
        email=email,
        name=value["name"],
        team=value["team"],
        manager_email=manager_email,
        job_title=value["job_title"],
        start_date=start_date,
        roles=roles,
        language=language,
    )


def read_people(stream: IO[str]) -> tuple[list[PersonRow], list[RowError]]:
    """Parse and check the whole file before anything is written."""
    reader = csv.DictReader(stream)
    headers = {name.strip().lower() for name in (reader.fieldnames or [])}
    missing = REQUIRED_COLUMNS - headers
    if missing:
        return [], [RowError(1, f"missing column(s): {', '.join(sorted(missing))}")]
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    rows: list[PersonRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for raw in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue
        try:
            row = _parse_row(line, raw)
        except ValueError as exc:
            errors.append(RowError(line, str(exc)))
            continue
        if row.email in seen:
            errors.append(RowError(line, f"{row.email} already appears on line {seen[row.email]}"))
            continue
        seen[row.email] = line
        rows.append(row)
    in_file = {row.email for row in rows}
    known = set(
        User.objects.filter(email__in={r.manager_email for r in rows if r.manager_email}).values_list(
            "email", flat=True
        )
    )
    for row in list(rows):
        if row.manager_email and row.manager_email not in in_file | known:
            errors.append(RowError(row.line, f"manager {row.manager_email} is neither in the file nor a known person"))
            rows.remove(row)
    errors.sort(key=lambda error: error.line)
    return rows, errors


def _apply_row(row: PersonRow, groups: dict[str, Group], teams: dict[str, Team]) -> str:
    team = None
    if row.team:
        team = teams.get(row.team.lower())
        if team is None:
            team = Team.objects.create(name=row.team)
            teams[row.team.lower()] = team
    wanted = {
        "name": row.name,
        "team": team,
        "job_title": row.job_title,
        "start_date": row.start_date,
        "preferred_language": row.language,
    }
    user = User.objects.filter(email__iexact=row.email).first()
    outcome = "unchanged"
    if user is None:
        user = User(email=row.email, **wanted)
        user.set_unusable_password()
        user.save()
        outcome = "created"
    elif any(getattr(user, key) != val for key, val in wanted.items()):
        for key, val in wanted.items():
            setattr(user, key, val)
        user.save()
        outcome = "updated"
    current_roles = set(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
    if current_roles != set(row.roles):
        user.groups.remove(*[groups[name] for name in current_roles - set(row.roles)])
        user.groups.add(*[groups[name] for name in set(row.roles) - current_roles])
        if outcome == "unchanged":
            outcome = "updated"
    return outcome


def import_people(stream: IO[str], *, skip_invalid: bool = False) -> ImportResult:
    """Apply the file in one transaction; with errors, apply nothing unless told to skip them."""
    rows, errors = read_people(stream)
    result = ImportResult(errors=errors)
    if errors and not skip_invalid:
        return result
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    teams = {team.name.lower(): team for team in Team.objects.all()}
    with transaction.atomic():
        for row in rows:
            outcome = _apply_row(row, groups, teams)
            setattr(result, outcome, getattr(result, outcome) + 1)
        people = {
            user.email: user
            for user in User.objects.filter(email__in={r.manager_email for r in rows if r.manager_email})
        }
        for row in rows:
            if row.manager_email:
                team = teams[row.team.lower()]
                if not team.managers.filter(pk=people[row.manager_email].pk).exists():
                    team.managers.add(people[row.manager_email])
    result.applied = True
    return result
