"""The training app's records: people and teams, the home page, requirements and reminders."""

from .compliance import (
    ReminderSend,
    Requirement,
    RequirementQuerySet,
    TrainingSettings,
)
from .imports import PeopleImport, PeopleImportQuerySet
from .pages import HomePage
from .people import Team, TeamQuerySet, User, UserManager

__all__ = [
    "HomePage",
    "PeopleImport",
    "PeopleImportQuerySet",
    "ReminderSend",
    "Requirement",
    "RequirementQuerySet",
    "Team",
    "TeamQuerySet",
    "TrainingSettings",
    "User",
    "UserManager",
]
