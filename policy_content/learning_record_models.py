"""The outbox of xAPI statements: each one written with the record it describes, sent later by a worker."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["LearningRecord", "LearningRecordQuerySet"]


class LearningRecordQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)

    def due(self, now=None):
        """Unsent statements whose next attempt has come, oldest first."""
        return self.unsent().filter(next_attempt_at__lte=now or timezone.now()).order_by("created_at", "pk")

    def failing(self):
        return self.unsent().filter(attempts__gt=0)


class LearningRecord(models.Model):
    """One xAPI statement for the learning record store; its id is the statement's id, so a resend is harmless."""

    statement_id = models.UUIDField(_("statement id"), unique=True, editable=False)
    # What the statement is about ("acknowledgement:12", "quiz-attempt:7:passed"): one statement per fact.
    subject = models.CharField(_("subject"), max_length=120, unique=True)
    verb = models.URLField(_("verb"), max_length=200)
    payload = models.JSONField(_("statement"))
    created_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    objects = LearningRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning record")
        verbose_name_plural = _("learning records")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"], condition=Q(sent_at__isnull=True), name="learning_record_unsent_due"
            )
        ]

    def __str__(self):
        return self.subject
