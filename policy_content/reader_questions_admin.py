"""Readers' questions in the admin: the policy owner's review list, answered by recording a resolution."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .permissions import AnswerOnlyPermissionPolicy
from .reader_questions import ReaderQuestion
from .spreadsheets import SafeSpreadsheetExportMixin

__all__ = ["ReaderQuestionViewSet"]

register_permission_policy(ReaderQuestion, AnswerOnlyPermissionPolicy(ReaderQuestion))


class ReaderQuestionIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("policy", "asked_by", "version")


class ResolveView(EditView):
    def save_instance(self):
        question = self.form.save(commit=False)
        question.resolved_at = timezone.now() if question.resolution.strip() else None
        question.save()
        return question


class ReaderQuestionViewSet(ModelViewSet):
    model = ReaderQuestion
    name = "reader_questions"
    url_prefix = "reader-questions"
    icon = "help"
    menu_label = _("Readers' questions")
    menu_hook = "register_reports_menu_item"
    menu_order = 60
    index_view_class = ReaderQuestionIndexView
    edit_view_class = ResolveView
    list_display = ["asked_at", "policy", "section_heading", "text", "language", "asked_by", "resolved_at"]
    list_filter = ["policy", "language", "asked_at"]
    list_export = ["asked_at", "policy", "version", "section_heading", "text", "language", "asked_by", "resolution"]
    search_fields = ["text", "section_heading", "resolution"]
    search_backend_name = None
    ordering = ["resolved_at", "-asked_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["resolution"]
