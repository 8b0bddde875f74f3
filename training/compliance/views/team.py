"""Team compliance: everyone's standing on every requirement, and reminders sent from it."""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn

from policy_content.columns import CalendarDateColumn
from policy_content.localized import titles_in_language

from ...choices import Status
from ...models import Requirement, TrainingSettings, User
from ..loader import load_requirements
from ..reminder_log import log_reminders_sent, report_filters
from ..reminders import send_person_reminders
from ..report_queries import filter_by_standing, order_by_percent, team_summaries_of
from ..reports import (
    NO_TEAM,
    LazyRows,
    export_columns,
    export_values,
    people_in_scope,
    sees_all_teams,
    teams_in_scope,
)
from ..standings_table import refresh as refresh_standings
from .base import ScopedFilterSet, TrainingReportView

# Team compliance ------------------------------------------------------------------------------


class TeamComplianceFilterSet(ScopedFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Any status"), method="filter_in_view"
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_in_view")
    new_hires = django_filters.BooleanFilter(
        label=_("New hires only"), method="filter_new_hires", widget=django_filters.widgets.BooleanWidget
    )
    job_title = django_filters.ChoiceFilter(label=_("Job title"), empty_label=_("Any job title"))
    item = django_filters.ChoiceFilter(
        label=_("Apply status and overdue to"), empty_label=_("Any item"), method="filter_in_view"
    )

    class Meta:
        model = User
        fields = ["team"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if sees_all_teams(request.user):
            team = self.filters["team"]
            team.null_value = NO_TEAM
            team.extra.update(null_label=_("No team"), null_value=NO_TEAM)
        titles = (
            people_in_scope(request.user)
            .exclude(job_title="")
            .order_by("job_title")
            .values_list("job_title", flat=True)
        )
        self.filters["job_title"].extra["choices"] = [(title, title) for title in dict.fromkeys(titles)]
        requirements = list(Requirement.objects.active().select_related("page").order_by("sort_order", "pk"))
        titles = titles_in_language([requirement.page for requirement in requirements], language=get_language())
        self.filters["item"].extra["choices"] = [
            (str(requirement.pk), titles[requirement.page.translation_key]) for requirement in requirements
        ]

    def filter_in_view(self, queryset, name, value):
        # Applied by the view, from the standings table (`report_queries.filter_by_standing`).
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
        context["recheck"] = instance.recheck(self.requirement.id)
        return context


class ProgressColumn(BaseColumn):
    cell_template_name = "training/reports/progress_cell.html"


class TeamComplianceView(TrainingReportView):
    export_filename = "team-compliance"
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
    STANDING_ORDERINGS = {"percent"}

    @cached_property
    def training_settings(self):
        return TrainingSettings.load(self.request)

    @cached_property
    def requirements(self):
        return load_requirements(settings=self.training_settings)

    def get_base_queryset(self):
        return people_in_scope(self.request.user, include_teamless=self.request.GET.get("team") == NO_TEAM)

    def get_valid_orderings(self):
        return ["name", "-name", "team__name", "-team__name", "start_date", "-start_date", "percent", "-percent"]

    def order_queryset(self, queryset):
        if self.ordering.lstrip("-") in self.STANDING_ORDERINGS:
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
            Column("person.local_job_title", label=_("Job title")),
            CalendarDateColumn("person.start_date", label=_("Start date"), sort_key="start_date"),
            ProgressColumn("percent", label=_("Done"), sort_key="percent"),
            *[ItemColumn(requirement) for requirement in self.requirements],
        ]

    def get_filtered_queryset(self):
        today = timezone.localdate()
        team_names = {
            None: gettext("No team"),
            **{team.pk: team.local_name for team in teams_in_scope(self.request.user)},
        }
        people = self.get_queryset()
        refresh_standings(people)
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        people = filter_by_standing(
            people,
            today=today,
            status=data.get("status") or None,
            overdue=data.get("overdue"),
            requirement_id=int(data["item"]) if data.get("item") else None,
        )
        if self.ordering.lstrip("-") in self.STANDING_ORDERINGS:
            people = order_by_percent(people, today=today, descending=self.ordering.startswith("-"))
        self.summaries = [] if self.is_export else team_summaries_of(people, team_names=team_names, today=today)
        # Rows computed for the page shown, or a batch at a time for an export.
        return LazyRows(
            people,
            requirements=self.requirements,
            team_names=team_names,
            today=today,
            new_hire_window_days=self.training_settings.new_hire_window_days,
        )

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
    people = people_in_scope(request.user, include_teamless=True).filter(pk__in=ids)
    if people.count() != len(ids):
        raise PermissionDenied
    outcome = send_person_reminders(people, sent_by=request.user)
    log_reminders_sent(outcome, by=request.user, filters=report_filters(next_url))
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
