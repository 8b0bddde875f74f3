"""Quiz pages and the attempts people make at them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from policy_content.localized import TranslatedPageMixin

from .blocks import QuestionBankBlock
from .choices import Topic

__all__ = ["AttemptLockedError", "QuizAttempt", "QuizIndexPage", "QuizPage", "sections_served"]


class QuizIndexPage(Page):
    """The list of quizzes."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the list."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["training.HomePage"]
    subpage_types = ["quizzes.QuizPage", "quizzes.ConversationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("quiz library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["quizzes"] = QuizPage.objects.child_of(self).live().specific().order_by("path")
        context["conversations"] = ConversationPage.objects.child_of(self).live().order_by("path")
        return context


class QuizPage(TranslatedPageMixin, RoutablePageMixin, Page):
    """A scenario quiz: a bank of questions, some drawn for each attempt, scored on the server."""

    intro = models.TextField(_("introduction"), help_text=_("What the quiz trains and how it is scored."))
    topic = models.CharField(
        _("topic"), max_length=32, choices=Topic.choices, default=Topic.OTHER, help_text=_("Groups quizzes in reports.")
    )
    policy = models.ForeignKey(
        "policy_content.PolicyPage",
        verbose_name=_("policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The policy this quiz trains; questions link to its sections."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, help_text=_("Lowest percentage that passes, 1 to 100.")
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("How many times a person may take the quiz; 0 for unlimited.")
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        default=0,
        help_text=_("How many questions each attempt draws from the bank; 0 for all of them."),
    )
    shuffle_questions = models.BooleanField(
        _("shuffle questions"), default=True, help_text=_("Serve questions in a random order.")
    )
    shuffle_choices = models.BooleanField(
        _("shuffle answers"), default=True, help_text=_("Serve each question's answers in a random order.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. Answers sent after the limit are refused."),
    )
    ask_certainty = models.BooleanField(
        _("ask how sure"),
        default=False,
        help_text=_(
            "Each question also asks: sure, fairly sure or guessing, scored by certainty-based marking "
            "(right 3, 2, 1; wrong -6, -2, 0). The pass mark still applies to the plain score."
        ),
    )
    question_bank = StreamField(
        QuestionBankBlock(),
        verbose_name=_("question bank"),
        help_text=_("Scenario questions; each attempt draws from these."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("topic"),
        PageChooserPanel("policy", "policy_content.PolicyPage"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("questions_per_attempt"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("ask_certainty"),
            ],
            heading=_("Rules"),
        ),
        FieldPanel("question_bank"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.AutocompleteField("intro")]
    parent_page_types = ["quizzes.QuizIndexPage"]
    subpage_types = []
    preview_modes = [("", _("Introduction")), ("questions", _("Questions as a taker sees them"))]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def clean(self):
        super().clean()
        errors = {}
        if not 1 <= self.pass_mark <= 100:
            errors["pass_mark"] = _("The pass mark is a percentage from 1 to 100.")
        if self.questions_per_attempt and self.questions_per_attempt > len(self.question_bank):
            errors["questions_per_attempt"] = _("The bank has only %(count)s questions.") % {
                "count": len(self.question_bank)
            }
        if self.policy_id:
            anchors = {anchor for anchor, _heading in self.policy.specific.section_anchors()}
            unknown = sorted(
                {
                    block.value["policy_section"]
                    for block in self.question_bank
                    if block.value["policy_section"] and block.value["policy_section"] not in anchors
                }
            )
            if unknown:
                errors["question_bank"] = _("These policy sections do not exist in the chosen policy: %(anchors)s") % {
                    "anchors": ", ".join(unknown)
                }
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from .views import intro_context

        context = super().get_context(request, *args, **kwargs)
        context.update(intro_context(request, quiz=self))
        return context

    def serve_preview(self, request, mode_name):
        from .views import preview_questions

        if mode_name == "questions":
            return preview_questions(request, quiz=self)
        return super().serve_preview(request, mode_name)

    @path("")
    def intro_view(self, request):
        from .views import require_sign_in

        return require_sign_in(request) or self.render(request)

    @path("start/", name="start")
    def start(self, request):
        from .views import start_attempt_view

        return start_attempt_view(request, quiz=self)

    @path("recheck/", name="recheck")
    def recheck(self, request):
        from .views import start_recheck_view

        return start_recheck_view(request, quiz=self)

    @path("attempts/<int:attempt_id>/", name="attempt")
    def attempt(self, request, attempt_id):
        from .views import take_attempt

        return take_attempt(request, quiz=self, attempt_id=attempt_id)

    @path("attempts/<int:attempt_id>/result/", name="result")
    def result(self, request, attempt_id):
        from .views import attempt_result

        return attempt_result(request, quiz=self, attempt_id=attempt_id)


def sections_served(snapshot: dict) -> list[str]:
    """The policy sections the questions of a snapshot are linked to, sorted."""
    return sorted(
        {question["policy_section"] for question in snapshot.get("questions", []) if question.get("policy_section")}
    )


class AttemptLockedError(Exception):
    """A submitted attempt is evidence: it cannot be changed or deleted."""


class QuizAttemptQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def full(self):
        """Attempts at the whole quiz, not re-checks."""
        return self.filter(recheck_of__isnull=True)

    def rechecks(self):
        return self.filter(recheck_of__isnull=False)

    def update(self, **kwargs):
        """Only attempts still in progress can change; submitted rows are left out."""
        return models.QuerySet.update(self.filter(submitted_at__isnull=True), **kwargs)

    def delete(self):
        if self.filter(submitted_at__isnull=False).exists():
            raise AttemptLockedError("Submitted attempts cannot be deleted.")
        return super().delete()


class QuizAttempt(models.Model):
    """One person's attempt: the questions served (snapshot), the answers and the score."""

    # A record, not content: no page is "used" by it, and indexing each one would cost every write.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(QuizPage, verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="attempts")
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("quiz revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8)
    snapshot = models.JSONField(_("questions served"))
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    results = models.JSONField(_("results per question"), default=list, blank=True)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True, blank=True)
    max_score = models.PositiveIntegerField(_("maximum score"), default=0)
    percent = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, db_index=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    recheck_of = models.ForeignKey(
        "policy_content.PolicyVersion",
        verbose_name=_("re-check after version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Set on a re-check: the policy version whose changed sections it asks about."),
    )
    sections = models.JSONField(
        _("policy sections asked about"), default=list, blank=True, help_text=_("Anchors of the questions served.")
    )

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["user", "quiz"])]
        permissions = [("view_question_analysis", _("Can view the question analysis of quizzes"))]

    def __str__(self):
        return f"{self.user} – {self.quiz} ({self.started_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if not self.sections and self.snapshot:
            self.sections = sections_served(self.snapshot)
        if self.pk and QuizAttempt.objects.filter(pk=self.pk, submitted_at__isnull=False).exists():
            raise AttemptLockedError("A submitted attempt cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.submitted_at is not None:
            raise AttemptLockedError("A submitted attempt cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def is_expired(self, now=None) -> bool:
        return self.deadline is not None and (now or timezone.now()) > self.deadline


# Conversation scenarios live in their own module; Django finds their models here.
from .conversation_models import ConversationAttempt, ConversationPage, ConversationTurn  # noqa: E402

__all__ += ["ConversationAttempt", "ConversationPage", "ConversationTurn"]

# Refreshers (questions that come back after a quiz) likewise.
from .refresher_models import Refresher, RefresherAnswer  # noqa: E402

__all__ += ["Refresher", "RefresherAnswer"]
