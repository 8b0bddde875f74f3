from django.db import models
from django.utils.translation import gettext_lazy as _


class ReaderStatus(models.TextChoices):
    """Where a reader stands with a policy."""

    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    NEEDS_ACKNOWLEDGING = "needs_acknowledging", _("Needs acknowledging")
    REACKNOWLEDGE = "reacknowledge", _("Re-acknowledge: a new version")
    NOT_REQUIRED = "not_required", _("No acknowledgement needed")
    NOT_PUBLISHED = "not_published", _("No version published yet")


class ReviewState(models.TextChoices):
    OVERDUE = "overdue", _("Overdue")
    DUE_SOON = "due_soon", _("Due soon")
    NOT_DUE = "not_due", _("Not due")
    NOT_SET = "not_set", _("No date set")
