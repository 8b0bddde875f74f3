from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewState(models.TextChoices):
    OVERDUE = "overdue", _("Overdue")
    DUE_SOON = "due_soon", _("Due soon")
    NOT_DUE = "not_due", _("Not due")
    NOT_SET = "not_set", _("No date set")


class SignatureMethod(models.TextChoices):
    """How a person signed an acknowledgement."""

    ONLINE = "online", _("Signed online")
    PAPER = "paper", _("Paper sign-off")
