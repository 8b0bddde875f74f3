from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        from .conversation_evidence import register_conversation_kinds
        from .evidence import register_quiz_kinds

        register_quiz_kinds()
        register_conversation_kinds()
