"""Which team or role a directory group stands for, and what joining or leaving it does to a person.

A group named like a role (the people import's role names: "Managers", "manager", "Policy editors", ...)
gives its members that role; a group named like an existing team (any case) makes it their team.
Other groups change nothing. Leaving the group takes the role away, or the team, unless another of
the person's groups gives the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group as Role_

from ..models import Team, User
from ..people.importing import Change
from ..people.people_file import ROLE_ALIASES

__all__ = ["GroupTarget", "join", "leave", "target_of"]


@dataclass(frozen=True)
class GroupTarget:
    role: str | None = None
    team: Team | None = None


def target_of(display_name: str) -> GroupTarget:
    key = display_name.strip().lower()
    role = ROLE_ALIASES.get(key)
    if role is not None:
        return GroupTarget(role=role.value)
    return GroupTarget(team=Team.objects.filter(name__iexact=display_name.strip()).first())


def _roles(person: User) -> str:
    return ", ".join(sorted(person.groups.values_list("name", flat=True)))


def join(person: User, display_name: str) -> list[Change]:
    """Give the person what the group stands for; the changes made, for the log."""
    target = target_of(display_name)
    if target.role and not person.groups.filter(name=target.role).exists():
        before = _roles(person)
        person.groups.add(Role_.objects.get(name=target.role))
        return [Change("roles", before, _roles(person))]
    if target.team and person.team_id != target.team.pk:
        before = person.team.name if person.team else ""
        person.team = target.team
        person.save(update_fields=["team"])
        return [Change("team", before, target.team.name)]
    return []


def leave(person: User, display_name: str, *, remaining: list[str]) -> list[Change]:
    """Take away what the group gave, unless one of the `remaining` groups gives it too."""
    target = target_of(display_name)
    others = [target_of(name) for name in remaining]
    if target.role and all(other.role != target.role for other in others):
        if person.groups.filter(name=target.role).exists():
            before = _roles(person)
            person.groups.remove(Role_.objects.get(name=target.role))
            return [Change("roles", before, _roles(person))]
    if target.team and person.team_id == target.team.pk:
        replacement = next((other.team for other in others if other.team), None)
        if replacement != target.team:
            person.team = replacement
            person.save(update_fields=["team"])
            return [Change("team", target.team.name, replacement.name if replacement else "")]
    return []
