from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    ANGRY_CUSTOMERS = "angry_customers", _("Angry and aggressive customers")
    ESCALATION = "escalation", _("Escalations and complaints")
    CLOSING = "closing", _("Closing interactions and follow-up")
    SERVICE_STANDARDS = "service_standards", _("Service standards")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    CHAT = "chat", _("Live chat")
    SOCIAL = "social", _("Social media")
    IN_PERSON = "in_person", _("In person")


class QuestionType(models.TextChoices):
    SINGLE = "single_choice", _("Single choice")
    MULTIPLE = "multiple_response", _("Choose all that apply")
    ORDERING = "ordering", _("Put in order")


class Tone(models.TextChoices):
    """How the customer comes across at a step of a conversation."""

    CALM = "calm", _("Calm")
    CONFUSED = "confused", _("Confused")
    FRUSTRATED = "frustrated", _("Frustrated")
    ANGRY = "angry", _("Angry")
    RELIEVED = "relieved", _("Relieved")


class Outcome(models.TextChoices):
    """How a conversation ended."""

    RESOLVED = "resolved", _("Resolved")
    ESCALATED = "escalated", _("Escalated correctly")
    LOST = "lost", _("Customer lost")


class Certainty(models.TextChoices):
    """How sure a taker says they are of an answer (certainty-based marking)."""

    HIGH = "high", _("Sure")
    MEDIUM = "medium", _("Fairly sure")
    LOW = "low", _("Guessing")
