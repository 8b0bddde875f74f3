"""The training app's records: people and teams, the home page, requirements and reminders."""

from .compliance import (
    ReminderSend,
    Requirement,
    RequirementQuerySet,
    TrainingSettings,
)
from .pages import HomePage
from .people import Team, TeamQuerySet, User, UserManager

__all__ = [
    "HomePage",
    "ReminderSend",
    "Requirement",
    "RequirementQuerySet",
    "Team",
    "TeamQuerySet",
    "TrainingSettings",
    "User",
    "UserManager",
]
