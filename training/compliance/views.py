"""The training reports in the Wagtail admin: team compliance, acknowledgements, quiz results, a person.

Every view goes through `reports_access` (sign-in, then a 403 for anyone who may not read reports)
and reads people only through `people_in_scope`, so a manager never sees another team's rows,
in the page or in an export.
"""

from __future__ import annotations

import datetime
from functools import wraps

import django_filters
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.localization import get_localized_response
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import LogContext
from wagtail.models import Locale

from policy_content.models import Acknowledgement, PolicyVersion
from quizzes.models import QuizAttempt, QuizPage

from ..choices import Status
from ..languages import language_name
from ..models import ReminderSend, Requirement, TrainingSettings, User
from .loader import PERSON_FIELDS, load_requirements, load_standings, person_facts, standing_for
from .reminders import send_person_reminders
from .reports import (
    build_rows,
    can_view_reports,
    export_columns,
    export_values,
    filter_rows,
    people_in_scope,
    team_summaries,
    teams_in_scope,
)
from .rules import applies_to

REPORTS_BREADCRUMB = {"url": "", "label": _("Training")}


def reports_access(view_func):
    """Signed in, and allowed to read training reports; anyone else gets a 403, never a redirect loop."""

    @wraps(view_func)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse(settings.WAGTAILADMIN_LOGIN_URL))
        if not can_view_reports(request.user):
            raise PermissionDenied
        with LogContext(user=request.user):
            return get_localized_response(view_func, request, *args, **kwargs)

    return wrapped


class ScopedFilterSet(WagtailFilterSet):
    """A filter set whose team choices are the teams the requesting user may see."""

    team = django_filters.ModelChoiceFilter(
        label=_("Team"),
        field_name="team",
        empty_label=_("All teams"),
        queryset=lambda request: teams_in_scope(request.user),
    )


# Team compliance ------------------------------------------------------------------------------


class TeamComplianceFilterSet(ScopedFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Any status"), method="filter_in_python"
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_in_python")
    new_hires = django_filters.BooleanFilter(
        label=_("New hires only"), method="filter_new_hires", widget=django_filters.widgets.BooleanWidget
    )
    job_title = django_filters.ChoiceFilter(label=_("Job title"), empty_label=_("Any job title"))
    item = django_filters.ChoiceFilter(
        label=_("Status and overdue on"), empty_label=_("Any item"), method="filter_in_python"
    )

    class Meta:
        model = User
        fields = ["team"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        titles = (
            people_in_scope(request.user)
            .exclude(job_title="")
            .order_by("job_title")
            .values_list("job_title", flat=True)
        )
        self.filters["job_title"].extra["choices"] = [(title, title) for title in dict.fromkeys(titles)]
        self.filters["item"].extra["choices"] = [
            (str(pk), title)
            for pk, title in Requirement.objects.active().order_by("sort_order", "pk").values_list("pk", "page__title")
        ]

    def filter_in_python(self, queryset, name, value):
        # Applied to the computed standing by the view (it does not live in a column).
        return queryset

    def filter_new_hires(self, queryset, name, value):
        if value is None:
            return queryset
        window = TrainingSettings.load(self.request).new_hire_window_days
        since = timezone.localdate() - datetime.timedelta(days=window - 1)
        recent = Q(start_date__gte=since, start_date__lte=timezone.localdate())
        return queryset.filter(recent) if value else queryset.exclude(recent)


class SelectColumn(BaseColumn):
    cell_template_name = "training/reports/select_cell.html"

    def __init__(self):
        super().__init__("select", label=_("Select"))


class ItemColumn(BaseColumn):
    """A required item: status badge, due or completed date, best score."""

    cell_template_name = "training/reports/item_cell.html"

    def __init__(self, requirement):
        self.requirement = requirement
        super().__init__(f"r{requirement.id}", label=requirement.title)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["item"] = instance.item(self.requirement.id)
        return context


class ProgressColumn(BaseColumn):
    cell_template_name = "training/reports/progress_cell.html"


class TeamComplianceView(ReportView):
    page_title = _("Team compliance")
    header_icon = "group"
    template_name = "training/reports/team_compliance.html"
    results_template_name = "training/reports/team_compliance_results.html"
    index_url_name = "training_reports:team"
    index_results_url_name = "training_reports:team_results"
    filterset_class = TeamComplianceFilterSet
    is_searchable = True
    search_fields = ["name", "email"]
    search_backend_name = None
    default_ordering = "name"
    model = User
    PYTHON_ORDERINGS = {"percent"}

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, REPORTS_BREADCRUMB, {"url": "", "label": self.get_page_title()}]

    @cached_property
    def training_settings(self):
        return TrainingSettings.load(self.request)

    @cached_property
    def requirements(self):
        return load_requirements(settings=self.training_settings)

    def get_base_queryset(self):
        return people_in_scope(self.request.user)

    def get_valid_orderings(self):
        return ["name", "-name", "team__name", "-team__name", "start_date", "-start_date", "percent", "-percent"]

    def order_queryset(self, queryset):
        if self.ordering.lstrip("-") in self.PYTHON_ORDERINGS:
            return queryset.order_by("name", "email")
        return queryset.order_by(self.ordering, "name" if self.ordering.lstrip("-") != "name" else "email")

    @cached_property
    def columns(self):
        return [
            SelectColumn(),
            TitleColumn(
                "name",
                label=_("Name"),
                sort_key="name",
                classname="training-name",
                get_url=lambda row: reverse("training_reports:person", args=[row.person.id]),
            ),
            Column("team_name", label=_("Team"), sort_key="team__name"),
            Column("person.job_title", label=_("Job title")),
            DateColumn("person.start_date", label=_("Start date"), sort_key="start_date"),
            ProgressColumn("percent", label=_("Done"), sort_key="percent"),
            *[ItemColumn(requirement) for requirement in self.requirements],
        ]

    def get_filtered_queryset(self):
        people = self.get_queryset()
        standings = load_standings(people, requirements=self.requirements)
        team_names = dict(teams_in_scope(self.request.user).values_list("pk", "name"))
        rows = build_rows(
            standings.values(),
            team_names=team_names,
            today=timezone.localdate(),
            new_hire_window_days=self.training_settings.new_hire_window_days,
        )
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        rows = filter_rows(
            rows,
            status=data.get("status") or None,
            overdue=data.get("overdue"),
            requirement_id=int(data["item"]) if data.get("item") else None,
        )
        if self.ordering.lstrip("-") == "percent":
            rows.sort(key=lambda row: row.percent, reverse=self.ordering.startswith("-"))
        self.summaries = team_summaries(rows)
        return rows

    # Export: a column group per required item, headings from the requirement titles.
    @cached_property
    def _export_columns(self):
        return export_columns(self.requirements)

    @property
    def list_export(self):
        return [key for key, _heading in self._export_columns]

    def get_heading(self, queryset, field):
        return dict(self._export_columns)[field]

    def to_row_dict(self, item):
        values = export_values(item, self.requirements)
        return {key: values.get(key) for key in self.list_export}

    def get_filename(self):
        return f"team-compliance-{timezone.localdate():%Y-%m-%d}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["summaries"] = self.summaries
        context["remind_url"] = reverse("training_reports:remind")
        context["current_url"] = self.request.get_full_path()
        return context


@require_POST
def send_reminders(request):
    """The "send reminder" action of the team report: the chosen people, by the same rules as the daily job."""
    next_url = request.POST.get("next") or reverse("training_reports:team")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("training_reports:team")
    try:
        ids = {int(value) for value in request.POST.getlist("person")}
    except ValueError:
        messages.error(request, gettext("The selection was not understood; choose people again."))
        return redirect(next_url)
    if not ids:
        messages.error(request, gettext("Choose at least one person to remind."))
        return redirect(next_url)
    people = people_in_scope(request.user).filter(pk__in=ids)
    if people.count() != len(ids):
        raise PermissionDenied
    outcome = send_person_reminders(people, sent_by=request.user)
    if outcome.sent:
        messages.success(
            request,
            ngettext("Reminder sent to %(count)d person.", "Reminders sent to %(count)d people.", len(outcome.sent))
            % {"count": len(outcome.sent)},
        )
    if outcome.already_sent:
        messages.warning(
            request,
            ngettext(
                "%(count)d person was already reminded today.",
                "%(count)d people were already reminded today.",
                len(outcome.already_sent),
            )
            % {"count": len(outcome.already_sent)},
        )
    if outcome.nothing_due:
        messages.info(
            request,
            ngettext(
                "%(count)d person has nothing overdue or due soon.",
                "%(count)d people have nothing overdue or due soon.",
                len(outcome.nothing_due),
            )
            % {"count": len(outcome.nothing_due)},
        )
    if outcome.failed:
        messages.error(request, gettext("Some reminders could not be sent; try again later."))
    return redirect(next_url)


# Policy acknowledgements ----------------------------------------------------------------------


def policy_versions():
    return PolicyVersion.objects.select_related("policy").order_by("policy__title", "-number")


class AcknowledgementFilterSet(ScopedFilterSet):
    version = django_filters.ModelChoiceFilter(
        label=_("Policy version"), queryset=lambda request: policy_versions(), method="filter_in_python"
    )
    acknowledged = django_filters.BooleanFilter(label=_("Acknowledged"), method="filter_in_python")

    class Meta:
        model = User
        fields = ["team"]

    def filter_in_python(self, queryset, name, value):
        return queryset


class AcknowledgementRow:
    """One person in the acknowledgements report, for the chosen version."""

    def __init__(self, person, team_name, acknowledgement, latest_version):
        self.person = person
        self.name = person.name or person.email
        self.email = person.email
        self.team_name = team_name
        self.acknowledged = acknowledgement is not None
        self.acknowledged_at = acknowledgement["acknowledged_at"] if acknowledgement else None
        self.language = acknowledgement["language"] if acknowledgement else ""
        self.latest_version = latest_version

    @property
    def acknowledged_display(self):
        return gettext("Yes") if self.acknowledged else gettext("No")


class PolicyAcknowledgementsView(ReportView):
    page_title = _("Policy acknowledgements")
    header_icon = "doc-full"
    index_url_name = "training_reports:acknowledgements"
    index_results_url_name = "training_reports:acknowledgements_results"
    filterset_class = AcknowledgementFilterSet
    is_searchable = True
    search_fields = ["name", "email"]
    search_backend_name = None
    default_ordering = "name"
    model = User
    list_export = [
        "name",
        "email",
        "team_name",
        "acknowledged_display",
        "acknowledged_at",
        "language",
        "latest_version",
    ]
    export_headings = {
        "name": _("Name"),
        "email": _("E-mail"),
        "team_name": _("Team"),
        "acknowledged_display": _("Acknowledged"),
        "acknowledged_at": _("Acknowledged at"),
        "language": _("Language"),
        "latest_version": _("Latest version acknowledged"),
    }

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, REPORTS_BREADCRUMB, {"url": "", "label": self.get_page_title()}]

    def get_base_queryset(self):
        return people_in_scope(self.request.user)

    def get_valid_orderings(self):
        return ["name", "-name", "team__name", "-team__name"]

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    @cached_property
    def requirements(self):
        return load_requirements(settings=TrainingSettings.load(self.request))

    @cached_property
    def version(self):
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        if data.get("version"):
            return data["version"]
        required = [r for r in self.requirements if r.kind == "policy"]
        if required:
            return policy_versions().filter(pk=required[0].current_version_id).first()
        return policy_versions().first()

    def get_page_subtitle(self):
        if self.version is None:
            return ""
        return gettext("%(policy)s, version %(number)s") % {
            "policy": self.version.policy.title,
            "number": self.version.number,
        }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Name"),
                sort_key="name",
                get_url=lambda row: reverse("training_reports:person", args=[row.person.pk]),
            ),
            Column("team_name", label=_("Team"), sort_key="team__name"),
            Column("acknowledged_display", label=_("Acknowledged")),
            DateColumn("acknowledged_at", label=_("When")),
            Column("language", label=_("Language"), accessor=lambda row: language_name(row.language)),
            Column("latest_version", label=_("Latest version acknowledged")),
        ]

    def get_filtered_queryset(self):
        people = self.get_queryset().select_related("team")
        version = self.version
        if version is None:
            return []
        requirement = next((r for r in self.requirements if r.page_id == version.policy_id), None)
        acks = {}
        latest = {}
        for ack in Acknowledgement.objects.filter(
            user__in=people.values("pk"), version__policy_id=version.policy_id
        ).values("user_id", "version_id", "version__number", "acknowledged_at", "language"):
            if ack["version_id"] == version.pk:
                acks[ack["user_id"]] = ack
            latest[ack["user_id"]] = max(latest.get(ack["user_id"], 0), ack["version__number"])
        rows = []
        for person in people:
            if requirement is not None:
                facts = person_facts({field: getattr(person, field) for field in PERSON_FIELDS})
                if not applies_to(requirement, facts):
                    continue
            rows.append(
                AcknowledgementRow(
                    person, person.team.name if person.team else "", acks.get(person.pk), latest.get(person.pk)
                )
            )
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        if data.get("acknowledged") is not None:
            rows = [row for row in rows if row.acknowledged == data["acknowledged"]]
        return rows

    def get_filename(self):
        version = self.version
        suffix = f"{version.policy.slug}-v{version.number}" if version else "none"
        return f"acknowledgements-{suffix}-{timezone.localdate():%Y-%m-%d}"


# Quiz results ---------------------------------------------------------------------------------


class QuizResultsFilterSet(WagtailFilterSet):
    quiz = django_filters.ModelChoiceFilter(
        label=_("Quiz"), queryset=lambda request: quiz_pages(), empty_label=_("All quizzes")
    )
    user__team = django_filters.ModelChoiceFilter(
        label=_("Team"), empty_label=_("All teams"), queryset=lambda request: teams_in_scope(request.user)
    )
    passed = django_filters.BooleanFilter(label=_("Passed"))
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    class Meta:
        model = QuizAttempt
        fields = ["quiz", "user__team", "passed", "submitted_at"]


def quiz_pages():
    return QuizPage.objects.filter(locale=Locale.get_default()).order_by("title")


class QuizResultsView(ReportView):
    page_title = _("Quiz results")
    header_icon = "tasks"
    index_url_name = "training_reports:quiz_results"
    index_results_url_name = "training_reports:quiz_results_results"
    filterset_class = QuizResultsFilterSet
    is_searchable = True
    search_fields = ["user__name", "user__email"]
    search_backend_name = None
    default_ordering = "-submitted_at"
    model = QuizAttempt
    list_export = [
        "user.name",
        "user.email",
        "user.team.name",
        "quiz.title",
        "score",
        "max_score",
        "percent",
        "passed",
        "submitted_at",
        "language",
    ]
    export_headings = {
        "user.name": _("Name"),
        "user.email": _("E-mail"),
        "user.team.name": _("Team"),
        "quiz.title": _("Quiz"),
        "score": _("Score"),
        "max_score": _("Out of"),
        "percent": _("Percent"),
        "passed": _("Passed"),
        "submitted_at": _("Submitted at"),
        "language": _("Language"),
    }

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, REPORTS_BREADCRUMB, {"url": "", "label": self.get_page_title()}]

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    def get_base_queryset(self):
        return self.model.objects.filter(
            submitted_at__isnull=False, user__in=people_in_scope(self.request.user, include_inactive=True).values("pk")
        ).select_related("user", "user__team", "quiz")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "user",
                label=_("Name"),
                sort_key="user__name",
                get_url=lambda attempt: reverse("training_reports:person", args=[attempt.user_id]),
            ),
            Column("user.team", label=_("Team")),
            Column("quiz", label=_("Quiz"), sort_key="quiz__title"),
            Column("percent", label=_("Score (%)"), sort_key="percent"),
            Column(
                "passed_display",
                label=_("Result"),
                accessor=lambda a: gettext("Passed") if a.passed else gettext("Not passed"),
            ),
            DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
            Column("language", label=_("Language"), accessor=lambda row: language_name(row.language)),
        ]

    def get_filename(self):
        return f"quiz-results-{timezone.localdate():%Y-%m-%d}"


# Person detail --------------------------------------------------------------------------------


class PersonDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "training/reports/person_detail.html"
    header_icon = "user"

    def get_person(self):
        person = get_object_or_404(User.objects.select_related("team"), pk=self.kwargs["pk"])
        if not people_in_scope(self.request.user, include_inactive=True).filter(pk=person.pk).exists():
            raise PermissionDenied
        return person

    @cached_property
    def person(self):
        return self.get_person()

    def get_page_title(self):
        return str(self.person)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            REPORTS_BREADCRUMB,
            {"url": reverse("training_reports:team"), "label": gettext("Team compliance")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.person
        timeline = [
            {"when": ack.acknowledged_at, "kind": "acknowledgement", "record": ack}
            for ack in Acknowledgement.objects.filter(user=person).select_related("version__policy")
        ]
        timeline += [
            {"when": attempt.submitted_at or attempt.started_at, "kind": "attempt", "record": attempt}
            for attempt in QuizAttempt.objects.filter(user=person).select_related("quiz")
        ]
        timeline += [
            {"when": send.sent_at, "kind": "reminder", "record": send}
            for send in ReminderSend.objects.filter(recipient=person).select_related("sent_by")
        ]
        timeline.sort(key=lambda entry: entry["when"], reverse=True)
        context.update(
            person=person,
            standing=standing_for(person) if person.team_id else None,
            timeline=timeline,
        )
        return context
