"""A people file read and checked row by row: the good rows, and every bad row with its line and reason."""

import csv
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import F
from django.utils.translation import gettext as _

from ..choices import Language, Role
from ..models import Team, User

COLUMNS = ("email", "name", "team", "manager_email", "job_title", "start_date", "role", "language")
REQUIRED_COLUMNS = frozenset({"email", "name"})
# Person attributes each optional column sets; a column missing from the file leaves it alone.
ATTRIBUTE_COLUMNS = {
    "team": "team",
    "job_title": "job_title",
    "start_date": "start_date",
    "language": "preferred_language",
}
ROLE_ALIASES = {
    "employee": Role.EMPLOYEE,
    "employees": Role.EMPLOYEE,
    "manager": Role.MANAGER,
    "managers": Role.MANAGER,
    "editor": Role.EDITOR,
    "policy editor": Role.EDITOR,
    "policy editors": Role.EDITOR,
    "compliance": Role.COMPLIANCE,
    "translator": Role.TRANSLATOR,
    "translators": Role.TRANSLATOR,
}
MAX_LENGTHS = {
    "email": User._meta.get_field("email").max_length,
    "name": User._meta.get_field("name").max_length,
    "job_title": User._meta.get_field("job_title").max_length,
    "team": Team._meta.get_field("name").max_length,
}


class PeopleFileError(ValueError):
    """The file as a whole cannot be read: not CSV, not UTF-8, or the wrong columns."""


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
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class PeopleFile:
    columns: frozenset[str]
    rows: list[PersonRow]
    errors: list[RowError]


@dataclass(frozen=True)
class Table:
    """A file's cells as text: the header, and each record with the line it starts on."""

    header: list[str]
    records: list[tuple[int, list[str]]]

    def as_json(self) -> dict:
        return {"header": self.header, "records": self.records}

    @classmethod
    def from_json(cls, data: dict) -> "Table":
        return cls(header=list(data["header"]), records=[(line, list(values)) for line, values in data["records"]])


def column_name(header: str) -> str:
    """'Manager e-mail', 'manager email' and 'manager_email' all name the same column."""
    name = "_".join(header.strip().lower().replace("-", " ").split())
    return name.replace("e_mail", "email")


def _parse_roles(value: str) -> tuple[str, ...]:
    names = [part.strip().lower() for part in value.replace(",", ";").split(";") if part.strip()]
    if not names:
        return (Role.EMPLOYEE.value,)
    roles = []
    for name in names:
        if name not in ROLE_ALIASES:
            raise ValueError(
                _("unknown role %(role)r (use employee, manager, editor, compliance or translator)") % {"role": name}
            )
        roles.append(ROLE_ALIASES[name].value)
    return tuple(dict.fromkeys(roles))


def _parse_row(line: int, raw: dict[str, str]) -> PersonRow:
    """Turn one CSV record into a PersonRow, or raise ValueError naming everything wrong with it."""
    value = {key: (raw.get(key) or "").strip() for key in COLUMNS}
    problems = []
    for key, limit in MAX_LENGTHS.items():
        if len(value[key]) > limit:
            problems.append(
                _("%(column)s is longer than %(limit)s characters") % {"column": key.replace("_", " "), "limit": limit}
            )
    email = value["email"].lower()
    if not email:
        problems.append(_("e-mail is missing"))
    else:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("%(email)r is not a valid e-mail address") % {"email": value["email"]})
    if not value["name"]:
        problems.append(_("name is missing"))
    start_date = None
    if value["start_date"]:
        try:
            start_date = datetime.date.fromisoformat(value["start_date"])
        except ValueError:
            problems.append(_("start date %(date)r is not a date (use YYYY-MM-DD)") % {"date": value["start_date"]})
    language = (value["language"] or Language.EN).lower()
    if language not in Language.values:
        problems.append(
            _("language %(language)r is not one of %(allowed)s")
            % {"language": value["language"], "allowed": ", ".join(Language.values)}
        )
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
            problems.append(
                _("manager e-mail %(email)r is not a valid e-mail address") % {"email": value["manager_email"]}
            )
        if not value["team"]:
            problems.append(_("a manager is given but no team: managers manage teams"))
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


def read_columns(header: list[str]) -> list[str]:
    headers = [column_name(name or "") for name in header]
    missing = REQUIRED_COLUMNS - set(headers)
    if missing:
        raise PeopleFileError(
            _("line 1: missing column(s) %(columns)s; the columns are %(all)s")
            % {"columns": ", ".join(sorted(missing)), "all": ", ".join(COLUMNS)}
        )
    unknown = [name for name in headers if name not in COLUMNS]
    if unknown:
        raise PeopleFileError(
            _("line 1: unknown column(s) %(columns)s; the columns are %(all)s")
            % {"columns": ", ".join(repr(name) for name in unknown), "all": ", ".join(COLUMNS)}
        )
    repeated = sorted({name for name in headers if headers.count(name) > 1})
    if repeated:
        raise PeopleFileError(_("line 1: column(s) given twice: %(columns)s") % {"columns": ", ".join(repeated)})
    return headers


def _check_managers(rows: list[PersonRow], errors: list[RowError], rejected: dict[str, int]) -> None:
    """Drop rows whose manager is neither a good row of the file nor a known person, repeatedly."""
    wanted = {row.manager_email for row in rows if row.manager_email}
    known = set(User.objects.filter(email__in=wanted).values_list("email", flat=True))
    while True:
        available = known | {row.email for row in rows}
        orphans = [row for row in rows if row.manager_email and row.manager_email not in available]
        if not orphans:
            return
        for row in orphans:
            if row.manager_email in rejected:
                message = _("manager %(email)s is on line %(line)s, which cannot be imported") % {
                    "email": row.manager_email,
                    "line": rejected[row.manager_email],
                }
            else:
                message = _("manager %(email)s is neither in the file nor a known person") % {
                    "email": row.manager_email
                }
            errors.append(RowError(row.line, message))
            rejected.setdefault(row.email, row.line)
            rows.remove(row)


def _check_addresses_free(rows: list[PersonRow], errors: list[RowError], rejected: dict[str, int]) -> list[PersonRow]:
    """An address someone else has confirmed as their extra sign-in address cannot name a new person."""
    taken = dict(
        EmailAddress.objects.filter(email__in={row.email for row in rows}, verified=True)
        .exclude(user__email=F("email"))
        .values_list("email", "user__email")
    )
    for row in rows:
        owner = taken.get(row.email)
        if owner:
            rejected.setdefault(row.email, row.line)
            errors.append(
                RowError(
                    row.line,
                    _("%(email)s already signs in %(owner)s") % {"email": row.email, "owner": owner},
                )
            )
    return [row for row in rows if row.email not in taken]


def check_records(header: list[str], records: Iterable[tuple[int, list[str]]]) -> PeopleFile:
    """Check every record against the rules and the people already known; nothing is written."""
    columns = read_columns(header)
    rows: list[PersonRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    rejected: dict[str, int] = {}
    for line, values in records:
        if len(values) > len(columns):
            errors.append(RowError(line, _("this row has more values than the header has columns (a comma too many?)")))
            continue
        if not any((value or "").strip() for value in values):
            continue
        raw = dict(zip(columns, values, strict=False))
        email = (raw.get("email") or "").strip().lower()
        try:
            row = _parse_row(line, raw)
        except ValueError as exc:
            errors.append(RowError(line, str(exc)))
            if email:
                rejected.setdefault(email, line)
            continue
        if row.email in seen:
            errors.append(
                RowError(
                    line,
                    _("%(email)s already appears on line %(line)s") % {"email": row.email, "line": seen[row.email]},
                )
            )
            continue
        seen[row.email] = line
        rows.append(row)
    rows = _check_addresses_free(rows, errors, rejected)
    _check_managers(rows, errors, rejected)
    errors.sort(key=lambda error: error.line)
    return PeopleFile(columns=frozenset(columns), rows=rows, errors=errors)


def read_people(stream: IO[str]) -> PeopleFile:
    """Parse and check a whole CSV file before anything is written."""
    reader = csv.reader(stream)

    def records():
        for values in reader:
            yield reader.line_num, values

    try:
        return check_records(next(reader, []), records())
    except UnicodeDecodeError as exc:
        raise PeopleFileError(_("the file is not UTF-8 text; save it as CSV UTF-8")) from exc
    except csv.Error as exc:
        raise PeopleFileError(
            _("line %(line)s: not a readable CSV file (%(reason)s)") % {"line": reader.line_num, "reason": exc}
        ) from exc
