"""The question analysis report in the Wagtail admin."""

import dataclasses

import django_filters
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from policy_content.localized import titles_in_language
from policy_content.spreadsheets import SafeSpreadsheetExportMixin

from .analysis import question_analysis
from .models import QuizPage
from .refresher_analysis import refresher_analysis


def can_view_analysis(user) -> bool:
    """Who may see how people answer each question: policy editors and Compliance are granted it."""
    return user.is_active and user.has_perm("quizzes.view_question_analysis")


def _section_url(row) -> str | None:
    return row.policy_url or None


def source_quizzes():
    return QuizPage.objects.filter(locale=Locale.get_default()).order_by("title")


class AnalysisFilterSet(WagtailFilterSet):
    quiz = django_filters.ModelChoiceFilter(
        label=_("Quiz"), queryset=QuizPage.objects.none(), method="filter_quiz", empty_label=_("All quizzes")
    )

    class Meta:
        model = QuizPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quiz"].queryset = source_quizzes()
        titles = titles_in_language(source_quizzes(), language=get_language())
        self.filters["quiz"].field.label_from_instance = lambda quiz: titles.get(quiz.translation_key, quiz.title)

    def filter_quiz(self, queryset, name, value):
        return queryset.filter(pk=value.pk) if value else queryset


QUIZ_CONTENT = {"prompt", "most_chosen_wrong", "policy_heading"}


class QuestionAnalysisView(SafeSpreadsheetExportMixin, ReportView):
    page_title = _("Question analysis")
    header_icon = "help"
    index_url_name = "quiz_question_analysis"
    index_results_url_name = "quiz_question_analysis_results"
    results_template_name = "quizzes/admin/question_analysis_results.html"
    filterset_class = AnalysisFilterSet
    model = QuizPage
    list_export = [
        "quiz_title",
        "prompt",
        "answered",
        "share_right",
        "discrimination",
        "confidently_wrong_share",
        "most_chosen_wrong",
        "policy_heading",
    ]
    export_headings = {
        "quiz_title": _("Quiz"),
        "prompt": _("Question"),
        "answered": _("Answered"),
        "share_right": _("Right (%)"),
        "discrimination": _("Discrimination"),
        "confidently_wrong_share": _("Sure but wrong (%)"),
        "most_chosen_wrong": _("Most chosen wrong answer"),
        "policy_heading": _("Policy section"),
    }

    def get_filename(self):
        return f"question-analysis-{timezone.localdate():%Y-%m-%d}"

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    @cached_property
    def columns(self):
        # What editors wrote is marked as such, apart from the report's own words.
        columns = [
            Column(field, label=label, classname="quiz-content" if field in QUIZ_CONTENT else None)
            for field, label in self.export_headings.items()
        ]
        columns[-1] = TitleColumn(
            "policy_heading",
            label=self.export_headings["policy_heading"],
            get_url=_section_url,
            classname="quiz-content",
        )
        return columns

    def get_base_queryset(self):
        return source_quizzes()

    def get_filtered_queryset(self):
        quizzes = list(self.filter_queryset(self.get_queryset()))
        titles = titles_in_language(quizzes, language=get_language())
        return [
            dataclasses.replace(row, quiz_title=titles[quiz.translation_key])
            for quiz in quizzes
            for row in question_analysis(quiz)
        ]


class RefresherAnswersView(SafeSpreadsheetExportMixin, ReportView):
    """Refresher answers per question, kept apart from the quiz results of the question analysis."""

    page_title = _("Refresher answers")
    header_icon = "history"
    index_url_name = "quiz_refresher_answers"
    index_results_url_name = "quiz_refresher_answers_results"
    results_template_name = "quizzes/admin/refresher_answers_results.html"
    filterset_class = AnalysisFilterSet
    model = QuizPage
    list_export = ["quiz_title", "prompt", "coming_back", "retired", "answered", "share_right"]
    export_headings = {
        "quiz_title": _("Quiz"),
        "prompt": _("Question"),
        "coming_back": _("Still coming back"),
        "retired": _("Retired"),
        "answered": _("Refresher answers"),
        "share_right": _("Right (%)"),
    }

    def get_filename(self):
        return f"refresher-answers-{timezone.localdate():%Y-%m-%d}"

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    @cached_property
    def columns(self):
        return [
            Column(field, label=label, classname="quiz-content" if field in QUIZ_CONTENT else None)
            for field, label in self.export_headings.items()
        ]

    def get_base_queryset(self):
        return source_quizzes()

    def get_filtered_queryset(self):
        quizzes = list(self.filter_queryset(self.get_queryset()))
        titles = titles_in_language(quizzes, language=get_language())
        keys = {quiz.pk: quiz.translation_key for quiz in quizzes}
        return [
            dataclasses.replace(row, quiz_title=titles.get(keys[row.quiz_id], row.quiz_title))
            for row in refresher_analysis(quizzes)
        ]
