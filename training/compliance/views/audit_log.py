"""The audit log: Wagtail's site history report over every log entry, with a filter for one person.

Only those who read every team's records (Compliance, administrators) open it: its entries name
people of every team and the actions of managers, which no manager's scope covers.
"""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

from policy_content.admin_access import forbidden_unless
from policy_content.spreadsheets import SafeSpreadsheetExportMixin

from ...models import User
from ..reports import sees_all_teams

__all__ = ["AuditLogView", "audit_log_access", "entries_about"]

audit_log_access = forbidden_unless(sees_all_teams)


def entries_about(queryset, person: User):
    """The entries of actions by `person`, and, for entries on records, those on their own record."""
    by_them = Q(user_id=person.pk)
    if queryset.model is ModelLogEntry or issubclass(queryset.model, ModelLogEntry):
        on_them = Q(content_type=ContentType.objects.get_for_model(User), object_id=str(person.pk))
        return queryset.filter(by_them | on_them)
    return queryset.filter(by_them)


def _log_models():
    return list(log_action_registry.get_log_entry_models())


def _used_content_types(request):
    ids = set()
    for log_model in _log_models():
        ids.update(log_model.objects.all().get_content_type_ids())
    return ContentType.objects.filter(pk__in=ids).order_by("model")


class AuditLogFilterSet(SiteHistoryReportFilterSet):
    person = django_filters.ModelChoiceFilter(
        label=_("Person"),
        field_name="user",
        to_field_name="email",
        queryset=User.objects.all(),
        method="filter_person",
        widget=forms.EmailInput(attrs={"placeholder": _("E-mail address")}),
        help_text=_("Everything this person did, and every change to them."),
        error_messages={"invalid_choice": _("No one has this e-mail address.")},
    )
    object_type = ContentTypeFilter(label=_("Type"), method="filter_object_type", queryset=_used_content_types)

    def filter_person(self, queryset, name, value):
        return entries_about(queryset, value) if value else queryset

    def get_action_choices(self):
        actions = set()
        for log_model in _log_models():
            actions.update(log_model.objects.all().get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in actions]

    def get_user_choices(self):
        ids = set()
        for log_model in _log_models():
            ids.update(log_model.objects.all().get_user_ids())
        return User.objects.filter(pk__in=ids).order_by("email")


class AuditLogView(SafeSpreadsheetExportMixin, LogEntriesView):
    """Every entry of Wagtail's log, page and other records alike, newest first; CSV and XLSX with details."""

    page_title = _("Audit log")
    header_icon = "history"
    filterset_class = AuditLogFilterSet
    index_url_name = "training_reports:audit_log"
    index_results_url_name = "training_reports:audit_log_results"
    export_headings = {**LogEntriesView.export_headings, "message": _("Details")}
    list_export = [*LogEntriesView.list_export[:4], "message", *LogEntriesView.list_export[4:]]

    def get_filename(self):
        return f"audit-log-{timezone.localdate():%Y-%m-%d}"

    def get_filtered_queryset(self):
        # As Wagtail's site history, but over every entry: the reader sees all teams' records.
        self.log_models = _log_models()
        queryset = None
        for index, log_model in enumerate(self.log_models):
            rows = log_model.objects.values("pk", "timestamp").annotate(
                log_model_index=Value(index, output_field=IntegerField())
            )
            rows = self.filter_queryset(rows).order_by()
            queryset = rows if queryset is None else queryset.union(rows, all=True)
        return queryset.order_by("-timestamp", "-pk")
