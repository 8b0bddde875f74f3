from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The groups a data migration creates; values are the group names."""

    EMPLOYEE = "Employees", _("Employee")
    MANAGER = "Managers", _("Manager")
    EDITOR = "Policy editors", _("Policy editor")
    COMPLIANCE = "Compliance", _("Compliance")
    TRANSLATOR = "Translators", _("Translator")


class Language(models.TextChoices):
    EN = "en", "English"
    ES = "es", "Español"
    PT = "pt", "Português"
    EL = "el", "Ελληνικά"


class Audience(models.TextChoices):
    """Who a training requirement applies to."""

    EVERYONE = "everyone", _("Everyone in a team")
    TEAMS = "teams", _("Chosen teams, job titles or roles")


class ItemKind(models.TextChoices):
    POLICY = "policy", _("Policy")
    QUIZ = "quiz", _("Quiz")
    CONVERSATION = "conversation", _("Conversation")
    RECHECK = "recheck", _("Re-check")


# Kinds completed by passing with a score: one rule counts them all (attempts, best score, first pass).
SCORED_KINDS = frozenset({ItemKind.QUIZ, ItemKind.CONVERSATION})


class Status(models.TextChoices):
    """A person's standing on one required item; the order is the order of urgency."""

    OVERDUE = "overdue", _("Overdue")
    EXPIRED = "expired", _("Expired")
    REACKNOWLEDGE = "reacknowledge", _("Re-acknowledgement needed")
    TODO = "todo", _("To do")
    NO_ATTEMPTS_LEFT = "no_attempts_left", _("No attempts left")
    EXPIRES_SOON = "expires_soon", _("Expires soon")
    DONE = "done", _("Done")


class ReminderKind(models.TextChoices):
    PERSON = "person", _("Reminder to a person")
    DIGEST = "digest", _("Digest to a manager")
