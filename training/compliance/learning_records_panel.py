"""The health of the learning record outbox on the admin home, for administrators."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from policy_content.learning_records import lrs_configured
from policy_content.lrs_sending import QueueHealth, queue_health

__all__ = ["LearningRecordsPanel", "learning_records_panel"]


class LearningRecordsPanel(Component):
    name = "learning_records"
    order = 300
    template_name = "training/admin/learning_records_panel.html"

    def __init__(self, health: QueueHealth):
        self.health = health

    def get_context_data(self, parent_context):
        return {"health": self.health, "heading": _("Learning record store")}


def learning_records_panel(user) -> LearningRecordsPanel | None:
    """Administrators see what waits for the store, what keeps failing and when a statement last went."""
    if not user.is_superuser or not lrs_configured():
        return None
    return LearningRecordsPanel(queue_health())
