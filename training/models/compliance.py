"""What people owe (requirements), the defaults due dates fall back on, and the reminders sent."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Locale

from ..choices import Audience, ItemKind, ReminderKind, Role

__all__ = [
    "ReminderSend",
    "Requirement",
    "RequirementQuerySet",
    "TrainingSettings",
]


def _default_due_days():
    return settings.TRAINING_DEFAULT_DUE_DAYS


def _default_reminder_days_ahead():
    return settings.TRAINING_REMINDER_DAYS_AHEAD


@register_setting(icon="calendar-check")
class TrainingSettings(BaseGenericSetting):
    """The defaults every training requirement falls back on."""

    new_hire_due_days = models.PositiveSmallIntegerField(
        _("days for new hires"),
        default=_default_due_days,
        help_text=_("A new hire must complete each item this many days after their start date."),
    )
    new_version_due_days = models.PositiveSmallIntegerField(
        _("days after a new version"),
        default=_default_due_days,
        help_text=_(
            "Everyone else must complete an item this many days after a new policy version is published "
            "(or after the requirement starts, for quizzes)."
        ),
    )
    new_hire_window_days = models.PositiveSmallIntegerField(
        _("new-hire window (days)"),
        default=90,
        help_text=_("People who started fewer than this many days ago count as new hires in reports."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        default=0,
        help_text=_(
            "An acknowledgement or a quiz pass must be renewed this many months after it; "
            "0 means it never expires. Each requirement can set its own period."
        ),
    )
    expiry_warning_days = models.PositiveSmallIntegerField(
        _("expires soon (days)"),
        default=30,
        help_text=_("Items that expire within this many days are shown as expiring soon."),
    )
    reminder_days_ahead = models.PositiveSmallIntegerField(
        _("remind days ahead"),
        default=_default_reminder_days_ahead,
        help_text=_("Reminder e-mails mention items that are overdue or due within this many days."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("new_hire_due_days"), FieldPanel("new_version_due_days")],
            heading=_("Due dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("validity_months"), FieldPanel("expiry_warning_days")],
            heading=_("Recertification"),
        ),
        FieldPanel("new_hire_window_days"),
        FieldPanel("reminder_days_ahead"),
    ]

    class Meta:
        verbose_name = _("training settings")


class RequirementQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True, page__live=True)


class Requirement(models.Model):
    """Who must complete a policy or quiz, and by when (attached to the source-locale page)."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("policy, quiz or conversation"),
        on_delete=models.CASCADE,
        related_name="training_requirements",
        help_text=_("The policy to acknowledge, or the quiz or conversation to pass, in the default language."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ItemKind.choices, editable=False)
    audience = models.CharField(
        _("audience"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text=_(
            "Everyone who belongs to a team, or only the people in the teams, with the job titles "
            "or with the roles chosen below (any one of them is enough)."
        ),
    )
    teams = models.ManyToManyField(
        "training.Team",
        verbose_name=_("teams"),
        blank=True,
        related_name="requirements",
        help_text=_("Used when the audience is chosen: members of these teams."),
    )
    job_titles = models.TextField(
        _("job titles"),
        blank=True,
        help_text=_("Used when the audience is chosen: one job title a line, as written on people's profiles."),
    )
    roles = models.ManyToManyField(
        "auth.Group",
        verbose_name=_("roles"),
        blank=True,
        related_name="+",
        limit_choices_to={"name__in": Role.values},
        help_text=_("Used when the audience is chosen: people with any of these roles, in a team or not."),
    )
    new_hire_due_days = models.PositiveSmallIntegerField(
        _("days for new hires"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the default from the training settings."),
    )
    new_version_due_days = models.PositiveSmallIntegerField(
        _("days after a new version"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the default from the training settings."),
    )
    active_from = models.DateField(
        _("counts from"),
        default=timezone.localdate,
        help_text=_(
            "People already employed are due this date plus the days after a new version, "
            "unless a later policy version gives them longer."
        ),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_(
            "Completions expire after this many months and are owed again; 0 means never. "
            "Leave empty to use the default from the training settings."
        ),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive requirements are not shown to anyone and not counted in reports."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_("Lower numbers come first in reports and on the dashboard when due dates are equal."),
    )

    objects = RequirementQuerySet.as_manager()

    panels = [
        PageChooserPanel(
            "page", page_type=["policy_content.PolicyPage", "quizzes.QuizPage", "quizzes.ConversationPage"]
        ),
        FieldPanel("audience"),
        FieldPanel("teams"),
        FieldPanel("job_titles"),
        FieldPanel("roles", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("new_hire_due_days"), FieldPanel("new_version_due_days"), FieldPanel("active_from")],
            heading=_("Due dates"),
        ),
        FieldPanel("validity_months"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("training requirement")
        verbose_name_plural = _("training requirements")
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["page"], name="requirement_unique_page")]

    def __str__(self):
        return self.page.title if self.page_id else str(_("New requirement"))

    def save(self, *args, **kwargs):
        self.kind = self.kind_for_page(self.page) or ""
        super().save(*args, **kwargs)

    @admin.display(description=_("audience"))
    def audience_label(self):
        if self.audience == Audience.EVERYONE:
            return self.get_audience_display()
        roles = [str(Role(group.name).label) for group in self.roles.all() if group.name in Role.values]
        return ", ".join([*(team.name for team in self.teams.all()), *self.job_title_list, *roles]) or "—"

    @property
    def job_title_list(self) -> list[str]:
        return [line.strip() for line in self.job_titles.splitlines() if line.strip()]

    @staticmethod
    def kind_for_page(page) -> str | None:
        """The item kind of a policy, quiz or conversation page, None for any other page type."""
        model = page.specific_class
        label = f"{model._meta.app_label}.{model.__name__}" if model else ""
        return {
            "policy_content.PolicyPage": ItemKind.POLICY,
            "quizzes.QuizPage": ItemKind.QUIZ,
            "quizzes.ConversationPage": ItemKind.CONVERSATION,
        }.get(label)

    def clean(self):
        super().clean()
        if not self.page_id:
            return
        if self.kind_for_page(self.page) is None:
            raise ValidationError({"page": _("Choose a policy, a quiz or a conversation scenario.")})
        if self.page.locale_id != Locale.get_default().pk:
            raise ValidationError(
                {"page": _("Choose the page in the default language; its translations are included.")}
            )


class ReminderSend(models.Model):
    """One reminder e-mail sent: at most one per person, kind and day."""

    # A record, not content: no page is "used" by it, and indexing each one would cost every write.
    wagtail_reference_index_ignore = True

    recipient = models.ForeignKey(
        "training.User", verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="reminders_received"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReminderKind.choices)
    sent_on = models.DateField(_("sent on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    sent_by = models.ForeignKey(
        "training.User",
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the daily job sent it."),
    )
    items = models.JSONField(_("items"), default=list, blank=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "kind", "sent_on"], name="reminder_once_a_day"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient} ({self.sent_on})"
