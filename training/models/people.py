"""People and teams: the audit scope every report is cut by."""

from django.contrib import admin
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from ..choices import Language
from ..people.translated_names import PersonForm, TeamForm

__all__ = ["Team", "TeamQuerySet", "User", "UserManager"]


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
    team_since = models.DateField(
        _("in this team since"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the person moves team: the new team's training is due counted from it."),
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
    # Part of the secret address of the person's calendar of due dates (training/calendar/tokens.py);
    # changing it retires the old address.
    calendar_key = models.CharField(_("calendar key"), max_length=64, blank=True, editable=False)
    translation_languages = models.JSONField(
        _("translates into"),
        default=list,
        blank=True,
        help_text=_("For translators: the languages whose policy translations they keep up to date."),
    )
    job_title_translations = models.JSONField(
        _("job title in other languages"),
        default=dict,
        blank=True,
        help_text=_("The job title as readers of each other language see it; empty shows the job title."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()
    base_form_class = PersonForm

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("team"),
        FieldPanel("job_title"),
        MultiFieldPanel(
            [FieldPanel(f"job_title_{code}") for code in ("es", "pt", "el")],
            heading=_("job title in other languages"),
        ),
        FieldPanel("start_date"),
        FieldPanel("preferred_language"),
        FieldPanel("translation_languages"),
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

    def job_title_in(self, language: str) -> str:
        """The job title in `language`, falling back on the one typed in the job title field."""
        return (self.job_title_translations or {}).get(language) or self.job_title

    @property
    def local_job_title(self) -> str:
        """The job title in the active language."""
        return self.job_title_in(get_language() or "")

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return (self.name or self.email).split(" ")[0].split("@")[0]

    @classmethod
    def from_db(cls, db, field_names, values):
        person = super().from_db(db, field_names, values)
        person._loaded_team_id = person.__dict__.get("team_id")
        return person

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        update_fields = kwargs.get("update_fields")
        team_saved = update_fields is None or {"team", "team_id"} & set(update_fields)
        moved = self.pk and self.team_id is not None and self.team_id != getattr(self, "_loaded_team_id", None)
        if team_saved and moved and "team_id" in self.__dict__:
            # A transfer: the new team's items count from today, not from the first working day.
            self.team_since = timezone.localdate()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "team_since"}
        super().save(*args, **kwargs)
        self._loaded_team_id = self.team_id


class TeamQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The teams whose reports this person may read."""
        if user.is_superuser or user.has_perm("training.view_all_reports"):
            return self
        return self.filter(managers=user)


class Team(index.Indexed, models.Model):
    """A group of people with managers: the unit of every compliance report."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    name_translations = models.JSONField(
        _("name in other languages"),
        default=dict,
        blank=True,
        help_text=_("The team's name as readers of each other language see it; empty shows the name."),
    )
    managers = models.ManyToManyField(
        "training.User",
        verbose_name=_("managers"),
        blank=True,
        related_name="managed_teams",
        help_text=_("Managers see this team's progress and can send its members reminders."),
    )

    objects = TeamQuerySet.as_manager()
    base_form_class = TeamForm

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel(f"name_{code}") for code in ("es", "pt", "el")], heading=_("name in other languages")
        ),
        FieldPanel("managers"),
    ]
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

    def name_in(self, language: str) -> str:
        """The name in `language`, falling back on the name."""
        return (self.name_translations or {}).get(language) or self.name

    @property
    def local_name(self) -> str:
        """The name in the active language."""
        return self.name_in(get_language() or "")

    @admin.display(description=_("managers"))
    def managers_list(self):
        return ", ".join(str(manager) for manager in self.managers.all())

    @admin.display(description=_("members"))
    def member_count(self):
        if hasattr(self, "_member_count"):
            return self._member_count
        return self.members.count()
