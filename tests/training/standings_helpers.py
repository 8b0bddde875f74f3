"""Statuses as the standings table gives them and as the rules give them, to compare."""

from training.choices import Status
from training.compliance.loader import load_standings
from training.compliance.standings_table import status_q
from training.models import StandingItem, User


def table_statuses(day):
    """(person, requirement, re-check) → every status the table gives it on `day`."""
    found = {}
    for status in Status:
        for key in StandingItem.objects.filter(status_q(status, day)).values_list(
            "person_id", "requirement_id", "recheck"
        ):
            found.setdefault(key, []).append(str(status))
    return found


def rule_statuses(day):
    return {
        (person_id, item.requirement.id, item.recheck is not None): [str(item.status)]
        for person_id, standing in load_standings(User.objects.all(), today=day).items()
        for item in standing.items
    }
