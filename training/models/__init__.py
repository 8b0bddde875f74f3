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
from .translations import TranslationTask, TranslationTaskQuerySet

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
    "TranslationTask",
    "TranslationTaskQuerySet",
    "User",
    "UserManager",
]
