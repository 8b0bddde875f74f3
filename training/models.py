"""People and teams: the audit scope every report is cut by."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Locale, Page
from wagtail.search import index

from .choices import Audience, ItemKind, Language, ReminderKind


class UserManager(DjangoUserManager):
    """Users are identified by e-mail; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(index.Indexed, AbstractUser):
    """A person: signs in with e-mail; the profile fields live here, one row a person."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("full name"), max_length=150, blank=True)
    team = models.ForeignKey(
        "training.Team",
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    start_date = models.DateField(
        _("start date"),
        null=True,
        blank=True,
        help_text=_("First working day; training for new hires is due counted from it."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=Language.choices,
        default=Language.EN,
        help_text=_("Language of the interface after sign-in and of e-mails."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("team"),
        FieldPanel("job_title"),
        FieldPanel("start_date"),
        FieldPanel("preferred_language"),
        FieldPanel("is_active"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("email"),
        index.AutocompleteField("name"),
        index.AutocompleteField("email"),
        index.FilterField("team"),
        index.FilterField("is_active"),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return (self.name or self.email).split(" ")[0].split("@")[0]

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)


class TeamQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The teams whose reports this person may read."""
        if user.is_superuser or user.has_perm("training.view_all_reports"):
            return self
        return self.filter(managers=user)


class Team(index.Indexed, models.Model):
    """A group of people with managers: the unit of every compliance report."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    managers = models.ManyToManyField(
        "training.User",
        verbose_name=_("managers"),
        blank=True,
        related_name="managed_teams",
        help_text=_("Managers see this team's progress and can send its members reminders."),
    )

    objects = TeamQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("managers")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        permissions = [
            ("view_team_reports", _("Can view training reports of managed teams")),
            ("view_all_reports", _("Can view training reports of every team")),
        ]

    def __str__(self):
        return self.name

    @admin.display(description=_("managers"))
    def managers_list(self):
        return ", ".join(str(manager) for manager in self.managers.all())

    @admin.display(description=_("members"))
    def member_count(self):
        if hasattr(self, "_member_count"):
            return self._member_count
        return self.members.count()


class HomePage(RoutablePageMixin, Page):
    """The site root: a signed-in person's training dashboard."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown to visitors who are not signed in."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["policy_content.PolicyIndexPage", "quizzes.QuizIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .dashboard import build_dashboard

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["dashboard"] = build_dashboard(request.user, language=self.locale.language_code)
        return context

    @path("completion-record/", name="completion_record")
    def completion_record(self, request):
        """A printable record of everything the person has completed, once all is done."""
        from django.contrib import messages
        from django.contrib.auth.views import redirect_to_login
        from django.shortcuts import redirect

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        context = self.get_context(request)
        if not context["dashboard"].all_done:
            messages.info(request, _("Your completion record is available once every item is done."))
            return redirect(self.get_url(request))
        return self.render(request, context_overrides=context, template="training/completion_record.html")


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
        verbose_name=_("policy or quiz"),
        on_delete=models.CASCADE,
        related_name="training_requirements",
        help_text=_("The policy to acknowledge or the quiz to pass, in the default language."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices, editable=False)
    audience = models.CharField(
        _("audience"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text=_("Everyone who belongs to a team, or only the members of the teams chosen below."),
    )
    teams = models.ManyToManyField(
        "training.Team",
        verbose_name=_("teams"),
        blank=True,
        related_name="requirements",
        help_text=_("Used when the audience is chosen teams."),
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
        PageChooserPanel("page", page_type=["policy_content.PolicyPage", "quizzes.QuizPage"]),
        FieldPanel("audience"),
        FieldPanel("teams"),
        MultiFieldPanel(
            [FieldPanel("new_hire_due_days"), FieldPanel("new_version_due_days"), FieldPanel("active_from")],
            heading=_("Due dates"),
        ),
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
        return ", ".join(team.name for team in self.teams.all())

    @staticmethod
    def kind_for_page(page) -> str | None:
        """The item kind of a policy or quiz page, None for any other page type."""
        model = page.specific_class
        label = f"{model._meta.app_label}.{model.__name__}" if model else ""
        return {"policy_content.PolicyPage": ItemKind.POLICY, "quizzes.QuizPage": ItemKind.QUIZ}.get(label)

    def clean(self):
        super().clean()
        if not self.page_id:
            return
        if self.kind_for_page(self.page) is None:
            raise ValidationError({"page": _("Choose a policy page or a quiz page.")})
        if self.page.locale_id != Locale.get_default().pk:
            raise ValidationError(
                {"page": _("Choose the page in the default language; its translations are included.")}
            )


class ReminderSend(models.Model):
    """One reminder e-mail sent: at most one per person, kind and day."""

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
