"""Admin: the review report and panel, comparing versions, the evidence check, guards on deletion."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import paper_sign_off  # noqa: F401  (registers its log action)
from .admin_access import forbidden_unless
from .clause_views import ClauseInsightView
from .compare_views import CompareVersionsButton, VersionComparisonView
from .evidence_admin import EvidenceCheckView, EvidenceMenuItem
from .evidence_views import sees_all_evidence
from .markdown_preview import markdown_preview
from .models import PolicyIndexPage, PolicyPage, PolicyVersion
from .reader_questions_admin import ReaderQuestionViewSet
from .review import can_view_review_report, policies_for_review, review_state
from .version_comparison import may_compare_any
from .views import PolicyReviewReportView
from .workflow import ensure_policy_workflow

review_access = forbidden_unless(can_view_review_report)


@hooks.register("before_delete_page")
def refuse_deleting_published_policy(request, page):
    """A policy with versions is evidence people signed: unpublish it instead."""
    if page.specific_class is PolicyPage and PolicyVersion.objects.filter(policy_id=page.pk).exists():
        messages.error(
            request,
            gettext(
                "“%(title)s” has published versions that people acknowledged, so it cannot be deleted. "
                "Unpublish it instead."
            )
            % {"title": page.title},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("after_create_page")
def assign_policy_workflow(request, page):
    if page.specific_class is PolicyIndexPage:
        ensure_policy_workflow(page)


# The annual review -----------------------------------------------------------------------------


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_review_report(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Policy reviews"), reverse("policy_review_report"), name="policy-reviews", icon_name="calendar-alt", order=50
    )


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("reports/policy-reviews/", review_access(PolicyReviewReportView.as_view()), name="policy_review_report"),
        path(
            "reports/policy-reviews/results/",
            review_access(PolicyReviewReportView.as_view(results_only=True)),
            name="policy_review_report_results",
        ),
        path(
            "reports/policy-reviews/<int:pk>/clauses/",
            review_access(ClauseInsightView.as_view()),
            name="policy_clause_insight",
        ),
    ]


class PolicyReviewPanel(Component):
    name = "policy_reviews"
    order = 90
    template_name = "policy_content/admin/review_panel.html"

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows, "report_url": reverse("policy_review_report")}


@hooks.register("construct_homepage_panels")
def add_policy_review_panel(request, panels):
    if not can_view_review_report(request.user):
        return
    today = timezone.localdate()
    rows = [(page, review_state(page.review_due, today=today)) for page in policies_for_review(today=today)[:5]]
    if rows:
        panels.append(PolicyReviewPanel(rows))


@hooks.register("register_admin_viewset")
def register_reader_questions():
    return ReaderQuestionViewSet()


# The Markdown editor on a closed network ---------------------------------------------------------


@hooks.register("insert_global_admin_js")
def markdown_editor_options():
    """No CDN (no spell-checker dictionaries, no FontAwesome); the preview is rendered by the server's sanitiser."""
    return format_html(
        '<script src="{}" data-preview-url="{}" data-preview-error="{}"></script>',
        static("policy_content/markdown_editor.js"),
        reverse("policy_markdown_preview"),
        gettext("The preview could not be shown. Check your connection and try again."),
    )


@hooks.register("insert_global_admin_js")
def admin_widget_starters():
    """Starts Wagtail's date pickers and choosers from markers (see chooser_markers.py), not inline scripts."""
    return format_html('<script src="{}"></script>', static("policy_content/admin_choosers.js"))


@hooks.register("register_admin_urls")
def register_markdown_preview_url():
    return [path("policy-content/markdown-preview/", markdown_preview, name="policy_markdown_preview")]


# The evidence check (Compliance) ------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_evidence_check_url():
    return [path("evidence/", forbidden_unless(sees_all_evidence)(EvidenceCheckView.as_view()), name="evidence_check")]


@hooks.register("register_reports_menu_item")
def register_evidence_check_menu_item():
    return EvidenceMenuItem(_("Evidence check"), reverse("evidence_check"), icon_name="lock", order=900)


# Comparing any two versions (editors and Compliance) ----------------------------------------


@hooks.register("register_admin_urls")
def register_version_comparison_url():
    view = forbidden_unless(may_compare_any)(VersionComparisonView.as_view())
    return [path("policy-content/compare/", view, name="policy_version_compare")]


@hooks.register("register_page_header_buttons")
def compare_versions_header_button(page, user, view_name, next_url=None):
    yield CompareVersionsButton(page=page, priority=66)
