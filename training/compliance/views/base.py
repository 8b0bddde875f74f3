"""Access to the training reports and what every report shares."""

from functools import wraps

import django_filters
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.localization import get_localized_response
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import LogContext

from policy_content.spreadsheets import SafeSpreadsheetExportMixin

from ..reports import (
    can_view_reports,
    teams_in_scope,
)

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


class TrainingReportView(SafeSpreadsheetExportMixin, ReportView):
    """What every training report shares: its place under Training, and dated, formula-safe exports."""

    export_filename = "training-report"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, REPORTS_BREADCRUMB, {"url": "", "label": self.get_page_title()}]

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"
