"""The project's records in the Wagtail admin: people and teams, requirements, and the evidence.

Plain models, so ModelViewSets rather than snippets: they stay out of the snippet chooser, the
translation chooser API and the snippet bulk actions. Evidence is read-only for everyone and lists
only the records of people in the reader's scope, as every report does.
"""

from django.db.models import Count
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy

from policy_content.columns import CalendarDateColumn, CompareWithPreviousColumn
from policy_content.models import Acknowledgement, PolicyVersion
from policy_content.permissions import ReadOnlyPermissionPolicy
from policy_content.spreadsheets import SafeSpreadsheetExportMixin, human_value
from quizzes.models import ConversationAttempt, QuizAttempt

from .compliance.reports import people_in_scope, sees_all_teams
from .models import Requirement, Team, User
from .people.evidence import refuse_deleting_people_with_evidence
from .people.import_views import ImportPreviewView, ImportUploadView
from .scim.client_admin import ScimClientViewSet

__all__ = ["EvidenceGroup", "PeopleGroup", "RequirementViewSet"]

# Registered before the viewsets, as Wagtail 8 requires.
for _model in (PolicyVersion, Acknowledgement, QuizAttempt, ConversationAttempt):
    register_permission_policy(_model, ReadOnlyPermissionPolicy(_model))


# People and teams ----------------------------------------------------------------------------


class PersonDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        refusal = refuse_deleting_people_with_evidence(request, [self.object])
        return refusal or super().dispatch(request, *args, **kwargs)


class PersonEditView(EditView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.object == self.request.user:
            # Nobody changes their own name: acknowledgements check the typed signature against it.
            form.fields["name"].disabled = True
        return form


class SafeIndexView(SafeSpreadsheetExportMixin, IndexView):
    """Every export of the records goes through the one safe writer; dates and yes/no read as such."""

    export_headings = {"user.name": _("person"), "user.email": _("e-mail address")}

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if column_class is Column:
            column_class = CalendarDateColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)


class ReadableInspectView(InspectView):
    """Dates in the reader's format, yes and no in their words, a dash for nothing."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else human_value(value)


class PersonIndexView(SafeIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("team")

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.user_has_permission("add") and self.user_has_permission("change"):
            buttons.append(HeaderButton(_("Import people"), url=reverse("people:import"), icon_name="upload"))
        return buttons


class RecordViewSet(ModelViewSet):
    """What every listing of the project's records shares: an inspect view, no copying, plain ORM search."""

    inspect_view_class = ReadableInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Plain ORM search: Wagtail's SQLite search backend fails on a field-restricted query.
    search_backend_name = None


class EvidenceViewSet(RecordViewSet):
    """Evidence: read-only for everyone (see ReadOnlyPermissionPolicy), so its form is never shown."""

    exclude_form_fields = []


class PersonViewSet(RecordViewSet):
    model = User
    icon = "user"
    menu_label = _("People")
    index_view_class = PersonIndexView
    delete_view_class = PersonDeleteView
    edit_view_class = PersonEditView
    list_display = ["name", "email", "team", "job_title", "start_date", "preferred_language", "is_active"]
    list_filter = {
        "team": ["exact"],
        "job_title": ["icontains"],
        "preferred_language": ["exact"],
        "is_active": ["exact"],
        "start_date": ["gte", "lte"],
    }
    list_export = ["name", "email", "team", "job_title", "start_date", "preferred_language", "is_active"]
    search_fields = ["name", "email"]
    ordering = ["name", "email"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", self.construct_view(ImportUploadView), name="import"),
            path("import/<str:token>/", self.construct_view(ImportPreviewView), name="import_preview"),
        ]


class TeamIndexView(SafeIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(_member_count=Count("members")).prefetch_related("managers")


class TeamViewSet(RecordViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    index_view_class = TeamIndexView
    list_display = ["name", "managers_list", "member_count"]
    list_export = ["name", "managers_list", "member_count"]
    search_fields = ["name"]


class PeopleGroup(ModelViewSetGroup):
    menu_label = _("People")
    menu_icon = "group"
    menu_order = 300
    items = (PersonViewSet("people"), TeamViewSet("teams"), ScimClientViewSet("provisioning_clients"))


# Requirements ---------------------------------------------------------------------------------


class RequirementIndexView(SafeIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page").prefetch_related("teams")


class RequirementViewSet(ModelViewSet):
    model = Requirement
    icon = "calendar-check"
    menu_label = _("Requirements")
    add_to_admin_menu = False
    index_view_class = RequirementIndexView
    list_display = [
        "page",
        "kind",
        "audience_label",
        "new_hire_due_days",
        "new_version_due_days",
        "active_from",
        "active",
    ]
    list_filter = ["kind", "audience", "active"]
    copy_view_enabled = False


# Evidence -------------------------------------------------------------------------------------


class ScopedRecords:
    """Only the records of people whose training the reader may see."""

    related = ()

    def scoped(self, queryset):
        queryset = queryset.select_related(*self.related)
        if sees_all_teams(self.request.user):
            return queryset
        return queryset.filter(user__in=people_in_scope(self.request.user, include_inactive=True).values("pk"))


class ScopedIndexView(ScopedRecords, SafeIndexView):
    def get_base_queryset(self):
        return self.scoped(super().get_base_queryset())


class ScopedInspectView(ScopedRecords, ReadableInspectView):
    def get_object(self, queryset=None):
        record = super().get_object(queryset)
        if not self.scoped(self.model._default_manager.filter(pk=record.pk)).exists():
            raise Http404
        return record


class PolicyVersionIndexView(SafeIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("policy", "published_by")


class PolicyVersionViewSet(EvidenceViewSet):
    model = PolicyVersion
    url_prefix = "policy-versions"
    icon = "history"
    menu_label = _("Policy versions")
    index_view_class = PolicyVersionIndexView
    list_display = ["policy", "number", "published_at", "published_by", "change_summary", CompareWithPreviousColumn()]
    list_filter = ["policy", "published_at"]
    list_export = ["policy", "number", "published_at", "published_by", "change_summary", "revision_id"]
    search_fields = ["change_summary"]
    ordering = ["policy", "-number"]
    inspect_view_fields = ["policy", "number", "published_at", "published_by", "change_summary", "revision"]


class AcknowledgementIndexView(ScopedIndexView):
    related = ("user", "version__policy", "recorded_by")


# How an acknowledgement was signed; the scan itself is shown only from the person's page in the reports.
SIGNATURE_FIELDS = [
    "signature_display",
    "authentication_method",
    "authenticated_at",
    "signed_on",
    "remark",
    "scan_sha256",
]


class AcknowledgementViewSet(EvidenceViewSet):
    model = Acknowledgement
    icon = "tick-inverse"
    menu_label = _("Acknowledgements")
    index_view_class = AcknowledgementIndexView
    inspect_view_class = ScopedInspectView
    list_display = ["user", "version", "acknowledged_at", "language", "typed_name", "signature_display"]
    list_filter = ["version__policy", "version", "language", "method", "acknowledged_at"]
    list_export = [
        "user.name",
        "user.email",
        "version",
        "acknowledged_at",
        "language",
        "typed_name",
        "statement",
        "ip_address",
        "user_agent",
        "account_name",
        "text_sha256",
        *SIGNATURE_FIELDS,
    ]
    search_fields = ["typed_name"]
    ordering = ["-acknowledged_at"]
    inspect_view_fields = [
        "user",
        "version",
        "acknowledged_at",
        "language",
        "statement",
        "typed_name",
        "ip_address",
        "user_agent",
        "account_name",
        "text_sha256",
        *SIGNATURE_FIELDS,
    ]


class QuizAttemptIndexView(ScopedIndexView):
    related = ("user", "quiz")


class QuizAttemptViewSet(EvidenceViewSet):
    model = QuizAttempt
    url_prefix = "quiz-attempts"
    icon = "form"
    menu_label = _("Quiz attempts")
    index_view_class = QuizAttemptIndexView
    inspect_view_class = ScopedInspectView
    list_display = ["user", "quiz", "language", "started_at", "submitted_at", "percent", "passed"]
    list_filter = ["quiz", "passed", "language", "submitted_at"]
    list_export = [
        "user.name",
        "user.email",
        "quiz",
        "language",
        "started_at",
        "submitted_at",
        "score",
        "max_score",
        "percent",
        "passed",
        "recheck_of",
    ]
    ordering = ["-started_at"]
    inspect_view_fields = [
        "user",
        "quiz",
        "recheck_of",
        "revision",
        "language",
        "started_at",
        "submitted_at",
        "deadline",
        "score",
        "max_score",
        "percent",
        "passed",
        "snapshot",
        "answers",
    ]


class ConversationAttemptIndexView(ScopedIndexView):
    related = ("user", "conversation")


class ConversationAttemptViewSet(EvidenceViewSet):
    model = ConversationAttempt
    url_prefix = "conversation-attempts"
    icon = "comment"
    menu_label = _("Conversation attempts")
    index_view_class = ConversationAttemptIndexView
    inspect_view_class = ScopedInspectView
    list_display = ["user", "conversation", "language", "started_at", "submitted_at", "outcome", "percent", "passed"]
    list_filter = ["conversation", "outcome", "passed", "language", "submitted_at"]
    list_export = [
        "user.name",
        "user.email",
        "conversation",
        "language",
        "started_at",
        "submitted_at",
        "outcome",
        "score",
        "max_score",
        "percent",
        "passed",
    ]
    ordering = ["-started_at"]
    inspect_view_fields = [
        "user",
        "conversation",
        "revision",
        "language",
        "started_at",
        "submitted_at",
        "outcome",
        "score",
        "max_score",
        "percent",
        "passed",
        "snapshot",
    ]


class EvidenceGroup(ModelViewSetGroup):
    menu_label = _("Evidence")
    menu_icon = "doc-full"
    menu_order = 260
    items = (
        PolicyVersionViewSet("policy_versions"),
        AcknowledgementViewSet("acknowledgements"),
        QuizAttemptViewSet("quiz_attempts"),
        ConversationAttemptViewSet("conversation_attempts"),
    )
