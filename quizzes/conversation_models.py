"""Conversation scenarios: pages whose customer answers each reply, and the paths people take through them."""

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
from policy_content.models import ImmutableModel

from .choices import Channel, Outcome, Topic
from .conversation_blocks import ConversationStreamBlock

__all__ = ["ConversationAttempt", "ConversationPage", "ConversationTurn"]


class ConversationPage(TranslatedPageMixin, RoutablePageMixin, Page):
    """A conversation scenario: the customer answers each reply the agent chooses, until an ending."""

    intro = models.TextField(_("introduction"), help_text=_("What the conversation trains and how it is scored."))
    topic = models.CharField(
        _("topic"),
        max_length=32,
        choices=Topic.choices,
        default=Topic.OTHER,
        help_text=_("Groups scenarios in reports."),
    )
    policy = models.ForeignKey(
        "policy_content.PolicyPage",
        verbose_name=_("policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The policy this conversation trains; replies link to its sections."),
    )
    channel = models.CharField(
        _("channel"), max_length=16, choices=Channel.choices, help_text=_("Where the conversation happens.")
    )
    opening_message = models.TextField(
        _("the customer's opening message"), help_text=_("How the customer opens the conversation.")
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        help_text=_("Lowest share of the best path's score that passes, 1 to 100."),
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("How many times a person may play it; 0 for unlimited.")
    )
    max_path_length = models.PositiveSmallIntegerField(
        _("longest path allowed"), default=8, help_text=_("The most replies any path may take before it ends.")
    )
    steps = StreamField(
        ConversationStreamBlock(),
        verbose_name=_("steps and endings"),
        help_text=_("The first step is where the conversation starts; each reply leads to a step or an ending."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("topic"),
        PageChooserPanel("policy", "policy_content.PolicyPage"),
        FieldPanel("channel"),
        FieldPanel("opening_message"),
        MultiFieldPanel(
            [FieldPanel("pass_mark"), FieldPanel("attempts_allowed"), FieldPanel("max_path_length")],
            heading=_("Rules"),
        ),
        FieldPanel("steps"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["quizzes.QuizIndexPage"]
    subpage_types = []
    preview_modes = [
        ("", _("Introduction")),
        ("conversation", _("Conversation as a taker sees it")),
        ("map", _("Map of the conversation")),
    ]

    class Meta:
        verbose_name = _("conversation scenario")
        verbose_name_plural = _("conversation scenarios")

    def clean(self):
        from .conversation_graph import graph_data, graph_problems

        super().clean()
        errors = {}
        if not 1 <= self.pass_mark <= 100:
            errors["pass_mark"] = _("The pass mark is a percentage from 1 to 100.")
        if self.max_path_length < 1:
            errors["max_path_length"] = _("A conversation needs at least one reply.")
        graph = graph_data(self.steps)
        problems = graph_problems(graph, max_length=max(self.max_path_length, 1))
        if self.policy_id:
            anchors = {anchor for anchor, _heading in self.policy.specific.section_anchors()}
            unknown = sorted(
                {
                    option["policy_section"]
                    for step in graph["steps"].values()
                    for option in step["options"]
                    if option["policy_section"] and option["policy_section"] not in anchors
                }
            )
            if unknown:
                problems.append(
                    _("These policy sections do not exist in the chosen policy: %(anchors)s")
                    % {"anchors": ", ".join(unknown)}
                )
        if problems:
            errors["steps"] = [ValidationError(problem) for problem in problems]
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from .conversation_views import intro_context

        context = super().get_context(request, *args, **kwargs)
        context.update(intro_context(request, conversation=self))
        return context

    def serve_preview(self, request, mode_name):
        from .conversation_views import preview_conversation, preview_map

        if mode_name == "conversation":
            return preview_conversation(request, conversation=self)
        if mode_name == "map":
            return preview_map(request, conversation=self)
        return super().serve_preview(request, mode_name)

    @path("")
    def intro_view(self, request):
        from .views import require_sign_in

        return require_sign_in(request) or self.render(request)

    @path("start/", name="start")
    def start(self, request):
        from .conversation_views import start_view

        return start_view(request, conversation=self)

    @path("attempts/<int:attempt_id>/", name="attempt")
    def attempt(self, request, attempt_id):
        from .conversation_views import turn_view

        return turn_view(request, conversation=self, attempt_id=attempt_id)

    @path("attempts/<int:attempt_id>/result/", name="result")
    def result(self, request, attempt_id):
        from .conversation_views import result_view

        return result_view(request, conversation=self, attempt_id=attempt_id)


class ConversationAttemptQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def update(self, **kwargs):
        """Only attempts still in progress can change; finished rows are left out."""
        return models.QuerySet.update(self.filter(submitted_at__isnull=True), **kwargs)

    def delete(self):
        from .models import AttemptLockedError

        if self.filter(submitted_at__isnull=False).exists():
            raise AttemptLockedError("Finished attempts cannot be deleted.")
        return super().delete()


class ConversationAttempt(models.Model):
    """One person's play of a conversation: the graph served (snapshot), the path as turns, the score."""

    # A record, not content: no page is "used" by it, and indexing each one would cost every write.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="conversation_attempts",
    )
    conversation = models.ForeignKey(
        ConversationPage, verbose_name=_("conversation"), on_delete=models.PROTECT, related_name="attempts"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8)
    snapshot = models.JSONField(_("conversation served"))
    ending_id = models.CharField(_("ending"), max_length=64, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    score = models.PositiveIntegerField(_("score"), null=True, blank=True)
    max_score = models.PositiveIntegerField(_("best path's score"), default=0)
    percent = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("finished at"), null=True, blank=True, db_index=True)

    objects = ConversationAttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation attempt")
        verbose_name_plural = _("conversation attempts")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["user", "conversation"])]

    def __str__(self):
        return f"{self.user} – {self.conversation} ({self.started_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        from .models import AttemptLockedError

        if self.pk and ConversationAttempt.objects.filter(pk=self.pk, submitted_at__isnull=False).exists():
            raise AttemptLockedError("A finished attempt cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        from .models import AttemptLockedError

        if self.submitted_at is not None:
            raise AttemptLockedError("A finished attempt cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class ConversationTurn(ImmutableModel):
    """One reply chosen, recorded when it is chosen; never changed."""

    # A record, not content: no page is "used" by it, and indexing each one would cost every write.
    wagtail_reference_index_ignore = True

    attempt = models.ForeignKey(
        ConversationAttempt, verbose_name=_("attempt"), on_delete=models.PROTECT, related_name="turns"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    step_id = models.CharField(_("step"), max_length=64)
    option_id = models.CharField(_("reply"), max_length=64)
    score = models.PositiveSmallIntegerField(_("score"))
    chosen_at = models.DateTimeField(_("chosen at"), default=timezone.now)

    class Meta:
        verbose_name = _("conversation turn")
        verbose_name_plural = _("conversation turns")
        ordering = ["attempt", "number"]
        constraints = [models.UniqueConstraint(fields=["attempt", "number"], name="conversation_turn_once")]

    def __str__(self):
        return f"{self.attempt_id} #{self.number}"
