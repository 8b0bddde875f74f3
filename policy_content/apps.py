from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyContentConfig(AppConfig):
    name = "policy_content"
    verbose_name = _("Policies")

    def ready(self):
        from . import chooser_markers, signals
        from .evidence import register_policy_kinds
        from .page_cache import invalidation  # noqa: F401  (its receivers)

        signals.connect()
        chooser_markers.install()
        register_policy_kinds()
