"""Refreshers: questions that come back after a quiz, and the record of each answer to them.

They are kept apart from quiz attempts: answering a refresher never changes a quiz's score.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from policy_content.immutable import ImmutableModel, ImmutableQuerySet

__all__ = ["Refresher", "RefresherAnswer"]


class RefresherQuerySet(models.QuerySet):
    def active(self):
        return self.filter(retired_on__isnull=True)

    def due(self, today):
        """Refreshers due on `today` or earlier, the longest-waiting first."""
        return self.active().filter(due_on__lte=today).order_by("due_on", "pk")


class Refresher(models.Model):
    """One question of a quiz that comes back to one person until they answer it right twice."""

    # A record, not content: no page is "used" by it, and indexing each one would cost every write.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="refreshers"
    )
    quiz = models.ForeignKey(
        "quizzes.QuizPage", verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="refreshers"
    )
    question_id = models.CharField(_("question"), max_length=64)
    question = models.JSONField(_("question as served"))
    policy_url = models.CharField(_("policy address"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=8)
    source_attempt = models.ForeignKey(
        "quizzes.QuizAttempt",
        verbose_name=_("from the attempt"),
        on_delete=models.PROTECT,
        related_name="refreshers",
    )
    seen_on = models.DateField(_("quiz taken on"))
    due_on = models.DateField(_("due on"))
    answer_count = models.PositiveSmallIntegerField(_("answers"), default=0)
    right_count = models.PositiveSmallIntegerField(_("right answers"), default=0)
    last_answered_on = models.DateField(_("last answered on"), null=True, blank=True)
    retired_on = models.DateField(_("retired on"), null=True, blank=True)

    objects = RefresherQuerySet.as_manager()

    class Meta:
        verbose_name = _("refresher")
        verbose_name_plural = _("refreshers")
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "question_id"], name="one_refresher_per_question"),
        ]
        indexes = [models.Index(fields=["user", "retired_on", "due_on"])]

    def __str__(self):
        return f"{self.user} – {self.quiz} – {self.question_id}"


class RefresherAnswer(ImmutableModel):
    """What a person answered to a refresher, and whether it was right: recorded once, apart from quiz scores."""

    # A record, not content: no page is "used" by it, and indexing each one would cost every write.
    wagtail_reference_index_ignore = True

    refresher = models.ForeignKey(
        Refresher, verbose_name=_("refresher"), on_delete=models.PROTECT, related_name="answers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    quiz = models.ForeignKey("quizzes.QuizPage", verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="+")
    question_id = models.CharField(_("question"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    chosen = models.JSONField(_("answer"))
    correct = models.BooleanField(_("right"))
    answered_at = models.DateTimeField(_("answered at"), db_index=True)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("refresher answer")
        verbose_name_plural = _("refresher answers")
        ordering = ["-answered_at"]
        indexes = [models.Index(fields=["quiz", "question_id"])]
