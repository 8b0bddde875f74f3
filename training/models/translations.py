"""Translation tasks: one language's translation of one policy version, open until it is published."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import Language

__all__ = ["TranslationTask", "TranslationTaskQuerySet"]


class TranslationTaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def for_languages(self, languages):
        return self.filter(language__in=list(languages))


class TranslationTask(models.Model):
    """Bring the `language` translation of a policy up to `version`; done when that translation goes live."""

    policy = models.ForeignKey(
        "policy_content.PolicyPage",
        verbose_name=_("policy"),
        on_delete=models.CASCADE,
        related_name="translation_tasks",
    )
    version = models.ForeignKey(
        "policy_content.PolicyVersion",
        verbose_name=_("policy version"),
        on_delete=models.CASCADE,
        related_name="translation_tasks",
    )
    language = models.CharField(_("language"), max_length=8, choices=Language.choices)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    objects = TranslationTaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation task")
        verbose_name_plural = _("translation tasks")
        ordering = ["done_at", "created_at", "language"]
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="translation_task_once_per_language"),
        ]

    def __str__(self):
        return f"{self.version} [{self.language}]"
