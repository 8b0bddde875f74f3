"""Admin: read-only attempts and the question analysis report."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from policy_content.admin_access import forbidden_unless

from .admin_views import QuestionAnalysisView, RefresherAnswersView, can_view_analysis
from .clause_answers import quiz_clause_source, refresher_clause_source
from .conversation_admin_views import ConversationAnalysisView
from .models import ConversationAttempt, ConversationPage, QuizAttempt, QuizPage
from .recheck_admin import RecheckImpactButton, RecheckImpactView

analysis_access = forbidden_unless(can_view_analysis)


class AnalysisMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_analysis(request.user)


@hooks.register("register_reports_menu_item")
def register_analysis_menu_item():
    return AnalysisMenuItem(_("Question analysis"), reverse("quiz_question_analysis"), icon_name="help", order=720)


@hooks.register("register_reports_menu_item")
def register_conversation_analysis_menu_item():
    return AnalysisMenuItem(
        _("Conversation analysis"), reverse("conversation_analysis"), icon_name="comment", order=721
    )


@hooks.register("register_reports_menu_item")
def register_refresher_answers_menu_item():
    return AnalysisMenuItem(_("Refresher answers"), reverse("quiz_refresher_answers"), icon_name="history", order=722)


@hooks.register("register_admin_urls")
def register_analysis_urls():
    return [
        path(
            "reports/refresher-answers/", analysis_access(RefresherAnswersView.as_view()), name="quiz_refresher_answers"
        ),
        path(
            "reports/refresher-answers/results/",
            analysis_access(RefresherAnswersView.as_view(results_only=True)),
            name="quiz_refresher_answers_results",
        ),
        path(
            "reports/conversation-analysis/",
            analysis_access(ConversationAnalysisView.as_view()),
            name="conversation_analysis",
        ),
        path(
            "reports/conversation-analysis/results/",
            analysis_access(ConversationAnalysisView.as_view(results_only=True)),
            name="conversation_analysis_results",
        ),
        path(
            "reports/question-analysis/", analysis_access(QuestionAnalysisView.as_view()), name="quiz_question_analysis"
        ),
        path(
            "reports/question-analysis/results/",
            analysis_access(QuestionAnalysisView.as_view(results_only=True)),
            name="quiz_question_analysis_results",
        ),
    ]


@hooks.register("register_page_listing_more_buttons")
def analysis_button(page, user, next_url=None, **kwargs):
    if isinstance(page.specific_deferred, QuizPage) and can_view_analysis(user):
        source = page.specific_deferred.source_page
        yield Button(
            _("Question analysis"),
            reverse("quiz_question_analysis") + f"?quiz={source.pk}",
            icon_name="help",
            priority=70,
        )
    if isinstance(page.specific_deferred, ConversationPage) and can_view_analysis(user):
        source = page.specific_deferred.source_page
        yield Button(
            _("Conversation analysis"),
            reverse("conversation_analysis") + f"?conversation={source.pk}",
            icon_name="comment",
            priority=70,
        )


@hooks.register("before_delete_page")
def refuse_deleting_quiz_with_attempts(request, page):
    """Attempts point at their quiz: unpublish a quiz people have taken instead of deleting it."""
    taken = (page.specific_class is QuizPage and QuizAttempt.objects.filter(quiz_id=page.pk).exists()) or (
        page.specific_class is ConversationPage and ConversationAttempt.objects.filter(conversation_id=page.pk).exists()
    )
    if taken:
        messages.error(
            request,
            gettext("“%(title)s” has attempts people made, so it cannot be deleted. Unpublish it instead.")
            % {"title": page.title},
        )
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return None


@hooks.register("register_admin_urls")
def register_recheck_impact_url():
    return [
        path("quizzes/recheck-impact/<int:page_id>/", RecheckImpactView.as_view(), name="policy_recheck_impact"),
    ]


@hooks.register("register_page_header_buttons")
def recheck_impact_header_button(page, user, view_name, next_url=None):
    yield RecheckImpactButton(page=page, priority=67)


hooks.register("clause_answer_sources", quiz_clause_source)
hooks.register("clause_answer_sources", refresher_clause_source)
