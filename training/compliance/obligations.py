"""Who owes a requirement, and by when: the audience and due-date rules, as pure functions."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from ..choices import Audience

if TYPE_CHECKING:
    from .rules import PersonFacts, RequirementFacts

__all__ = ["applies_to", "due_date_for", "is_new_hire", "joined_on"]


def _by_title_or_role(requirement: RequirementFacts, person: PersonFacts) -> bool:
    return person.job_title.strip().casefold() in requirement.job_titles or bool(requirement.roles & person.roles)


def applies_to(requirement: RequirementFacts, person: PersonFacts) -> bool:
    """Everyone in a team, or the chosen audience: any chosen team, job title or role is enough."""
    if requirement.audience == Audience.EVERYONE:
        return person.team_id is not None
    return person.team_id in requirement.team_ids or _by_title_or_role(requirement, person)


def joined_on(requirement: RequirementFacts, person: PersonFacts) -> datetime.date | None:
    """When the person came to owe the requirement, for the new-hire allowance.

    The first working day, or the day they were added when it is unknown; for a requirement
    of chosen teams that reaches them only through a team they moved to, the day of the move.
    """
    joined = person.start_date or person.added_on
    moved = person.team_since
    through_new_team = (
        requirement.audience == Audience.TEAMS
        and person.team_id in requirement.team_ids
        and not _by_title_or_role(requirement, person)
    )
    if through_new_team and moved is not None and (joined is None or moved > joined):
        return moved
    return joined


def due_date_for(requirement: RequirementFacts, person: PersonFacts) -> datetime.date:
    """The later of: joining (see `joined_on`) + new-hire days, and (version published or requirement start) + version days.

    A later event never brings a deadline forward: a new hire who joins just before a new version
    keeps the new-hire allowance, and everyone else gets the full allowance after each version.
    """
    reference = requirement.active_from
    if requirement.current_version_published_on and requirement.current_version_published_on > reference:
        reference = requirement.current_version_published_on
    due = reference + datetime.timedelta(days=requirement.new_version_due_days)
    joined = joined_on(requirement, person)
    if joined is not None:
        due = max(due, joined + datetime.timedelta(days=requirement.new_hire_due_days))
    return due


def is_new_hire(person: PersonFacts, *, today: datetime.date, window_days: int) -> bool:
    return person.start_date is not None and 0 <= (today - person.start_date).days < window_days
