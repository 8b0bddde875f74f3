from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class TrainingConfig(AppConfig):
    default = True
    name = "training"
    verbose_name = _("Training")

    def ready(self):
        from . import signals  # noqa: F401
        from .compliance import reminder_log, standings_table  # noqa: F401
        from .people import import_confirm, mfa, mfa_changes, person_changes  # noqa: F401
        from .scim import audit  # noqa: F401


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user management with forms for one full name and the profile fields."""

    user_viewset = "training.people.admin_users.UserViewSet"
