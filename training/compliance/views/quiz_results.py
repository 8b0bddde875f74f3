"""Quiz results: every submitted attempt in the reader's scope."""

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Locale

from policy_content.columns import CalendarDateColumn
from policy_content.localized import titles_in_language
from quizzes.models import QuizAttempt, QuizPage

from ...languages import language_name
from ..reports import (
    people_in_scope,
    teams_in_scope,
)
from .base import TrainingReportView

# Quiz results ---------------------------------------------------------------------------------


class QuizResultsFilterSet(WagtailFilterSet):
    quiz = django_filters.ModelChoiceFilter(
        label=_("Quiz"), queryset=lambda request: quiz_pages(), empty_label=_("All quizzes")
    )
    user__team = django_filters.ModelChoiceFilter(
        label=_("Team"), empty_label=_("All teams"), queryset=lambda request: teams_in_scope(request.user)
    )
    passed = django_filters.BooleanFilter(label=_("Passed"))
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    class Meta:
        model = QuizAttempt
        fields = ["quiz", "user__team", "passed", "submitted_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        titles = titles_in_language(quiz_pages(), language=get_language())
        self.filters["quiz"].field.label_from_instance = lambda quiz: titles.get(quiz.translation_key, quiz.title)


def quiz_pages():
    return QuizPage.objects.filter(locale=Locale.get_default()).order_by("title")


class QuizResultsView(TrainingReportView):
    export_filename = "quiz-results"
    page_title = _("Quiz results")
    header_icon = "tasks"
    index_url_name = "training_reports:quiz_results"
    index_results_url_name = "training_reports:quiz_results_results"
    filterset_class = QuizResultsFilterSet
    is_searchable = True
    search_fields = ["user__name", "user__email"]
    search_backend_name = None
    default_ordering = "-submitted_at"
    model = QuizAttempt
    list_export = [
        "user.name",
        "user.email",
        "user.team.local_name",
        "quiz.title",
        "score",
        "max_score",
        "percent",
        "passed",
        "submitted_at",
        "language",
    ]
    export_headings = {
        "user.name": _("Name"),
        "user.email": _("E-mail"),
        "user.team.local_name": _("Team"),
        "quiz.title": _("Quiz"),
        "score": _("Score"),
        "max_score": _("Out of"),
        "percent": _("Percent"),
        "passed": _("Passed"),
        "submitted_at": _("Submitted at"),
        "language": _("Language"),
    }

    def get_base_queryset(self):
        return self.model.objects.filter(
            submitted_at__isnull=False,
            user__in=people_in_scope(self.request.user, include_inactive=True, include_teamless=True).values("pk"),
        ).select_related("user", "user__team", "quiz")

    @cached_property
    def quiz_titles(self):
        return titles_in_language(quiz_pages(), language=get_language())

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "user",
                label=_("Name"),
                sort_key="user__name",
                get_url=lambda attempt: reverse("training_reports:person", args=[attempt.user_id]),
            ),
            Column("user.team", label=_("Team")),
            Column(
                "quiz",
                label=_("Quiz"),
                sort_key="quiz__title",
                accessor=lambda attempt: self.quiz_titles.get(attempt.quiz.translation_key, attempt.quiz.title),
            ),
            Column("percent", label=_("Score (%)"), sort_key="percent"),
            Column(
                "passed_display",
                label=_("Result"),
                accessor=lambda a: gettext("Passed") if a.passed else gettext("Not passed"),
            ),
            CalendarDateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
            Column("language", label=_("Language"), accessor=lambda row: language_name(row.language)),
        ]
