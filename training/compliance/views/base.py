"""Access to the training reports and what every report shares."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from policy_content.admin_access import forbidden_unless
from policy_content.spreadsheets import SafeSpreadsheetExportMixin

from ..reports import (
    can_view_reports,
    teams_in_scope,
)

REPORTS_BREADCRUMB = {"url": "", "label": _("Training")}


reports_access = forbidden_unless(can_view_reports)
"""Managers, Compliance and administrators; anyone else in the admin gets a 403."""


class ScopedFilterSet(WagtailFilterSet):
    """A filter set whose team choices are the teams the requesting user may see."""

    team = django_filters.ModelChoiceFilter(
        label=_("Team"),
        field_name="team",
        empty_label=_("All teams"),
        queryset=lambda request: teams_in_scope(request.user),
    )


class TrainingReportView(SafeSpreadsheetExportMixin, ReportView):
    """What every training report shares: its place under Training, and dated, formula-safe exports."""

    export_filename = "training-report"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, REPORTS_BREADCRUMB, {"url": "", "label": self.get_page_title()}]

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"
