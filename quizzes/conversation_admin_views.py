"""The conversation analysis report in the Wagtail admin: one row per step."""

import django_filters
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from policy_content.spreadsheets import SafeSpreadsheetExportMixin

from .conversation_analysis import step_analysis
from .models import ConversationPage


def source_conversations():
    return ConversationPage.objects.filter(locale=Locale.get_default()).order_by("title")


class ConversationFilterSet(WagtailFilterSet):
    conversation = django_filters.ModelChoiceFilter(
        label=_("Conversation"),
        queryset=ConversationPage.objects.none(),
        method="filter_conversation",
        empty_label=_("All conversations"),
    )

    class Meta:
        model = ConversationPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["conversation"].queryset = source_conversations()

    def filter_conversation(self, queryset, name, value):
        return queryset.filter(pk=value.pk) if value else queryset


class ConversationAnalysisView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Conversation analysis")
    header_icon = "comment"
    index_url_name = "conversation_analysis"
    index_results_url_name = "conversation_analysis_results"
    filterset_class = ConversationFilterSet
    model = ConversationPage
    list_export = [
        "conversation_title",
        "step_key",
        "customer_says",
        "reached",
        "where_people_go",
        "lost_here",
        "share_lost",
        "most_common_wrong",
        "most_common_wrong_count",
        "wrong_policy_section",
    ]
    export_headings = {
        "conversation_title": _("Conversation"),
        "step_key": _("Step"),
        "customer_says": _("The customer says"),
        "reached": _("Reached"),
        "where_people_go": _("Replies chosen"),
        "lost_here": _("Customer lost here"),
        "share_lost": _("Lost here (%)"),
        "most_common_wrong": _("Most common wrong turn"),
        "most_common_wrong_count": _("Times taken"),
        "wrong_policy_section": _("Policy section"),
    }

    def get_filename(self):
        return f"conversation-analysis-{timezone.localdate():%Y-%m-%d}"

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    @cached_property
    def columns(self):
        return [Column(field, label=label) for field, label in self.export_headings.items()]

    def get_base_queryset(self):
        return source_conversations()

    def get_filtered_queryset(self):
        conversations = self.filter_queryset(self.get_queryset())
        return [row for conversation in conversations for row in step_analysis(conversation)]
