from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The groups a data migration creates; values are the group names."""

    EMPLOYEE = "Employees", _("Employee")
    MANAGER = "Managers", _("Manager")
    EDITOR = "Policy editors", _("Policy editor")
    COMPLIANCE = "Compliance", _("Compliance")


class Language(models.TextChoices):
    EN = "en", "English"
    ES = "es", "Español"
    PT = "pt", "Português"
    EL = "el", "Ελληνικά"
