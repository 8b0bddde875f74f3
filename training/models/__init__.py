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
from .provisioning import DirectoryGroup, ScimAccount, ScimClient, ScimClientQuerySet
from .standings import StandingGeneration, StandingItem, StandingMark
from .translations import TranslationTask, TranslationTaskQuerySet

__all__ = [
    "DirectoryGroup",
    "HomePage",
    "PeopleImport",
    "PeopleImportQuerySet",
    "ReminderSend",
    "ScimAccount",
    "ScimClient",
    "ScimClientQuerySet",
    "Requirement",
    "StandingGeneration",
    "StandingItem",
    "StandingMark",
    "RequirementQuerySet",
    "Team",
    "TeamQuerySet",
    "TrainingSettings",
    "TranslationTask",
    "TranslationTaskQuerySet",
    "User",
    "UserManager",
]
