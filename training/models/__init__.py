"""The training app's records: people and teams, the home page, requirements and reminders."""

from .compliance import (
    ReminderSend,
    Requirement,
    RequirementQuerySet,
    TrainingSettings,
)
from .pages import HomePage
from .people import Team, TeamQuerySet, User, UserManager
from .translations import TranslationTask, TranslationTaskQuerySet

__all__ = [
    "HomePage",
    "ReminderSend",
    "Requirement",
    "RequirementQuerySet",
    "Team",
    "TeamQuerySet",
    "TrainingSettings",
    "TranslationTask",
    "TranslationTaskQuerySet",
    "User",
    "UserManager",
]
