"""The admin screens each role works in, on the seeded demo, and the names shown on them."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Revision, Task, Workflow
from wagtail_localize.models import TranslationSource

from policy_content.models import Acknowledgement, PolicyPage, PolicyVersion
from quizzes.models import QuizAttempt, QuizPage
from training.models import Requirement, Team, User

__all__ = ["ROLES", "admin_screens", "names_shown"]

ROLES = {
    "manager": "manager@example.com",
    "editor": "editor@example.com",
    "compliance": "compliance@example.com",
}


def _page_screens(page: Page) -> list[str]:
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("created_at")
    first, last = revisions.first(), revisions.last()
    return [
        reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, last.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, last.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        reverse("wagtailadmin_pages:search") + "?q=policy",
    ]


def _report_screens() -> list[str]:
    manager = User.objects.get(email=ROLES["manager"])
    person = User.objects.filter(team__managers=manager).order_by("pk").first()
    return [
        reverse("training_reports:team"),
        reverse("training_reports:team") + "?status=overdue",
        reverse("training_reports:acknowledgements"),
        reverse("training_reports:quiz_results"),
        reverse("training_reports:person", args=[person.pk]),
    ]


def _evidence_screens() -> list[str]:
    acknowledgement = Acknowledgement.objects.order_by("pk").first()
    attempt = QuizAttempt.objects.exclude(submitted_at=None).order_by("pk").first()
    return [
        reverse("acknowledgements:index"),
        reverse("acknowledgements:inspect", args=[acknowledgement.pk]),
        reverse("quiz_attempts:index"),
        reverse("quiz_attempts:inspect", args=[attempt.pk]),
    ]


def _policy_screens() -> list[str]:
    return [
        reverse("wagtail_localize:translations_report"),
        reverse("policy_review_report"),
        reverse("policy_versions:index"),
        reverse("policy_versions:inspect", args=[PolicyVersion.objects.order_by("pk").first().pk]),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
    ]


def admin_screens(role: str) -> list[str]:
    """The admin pages `role` uses on the demo."""
    common = [reverse("wagtailadmin_home"), reverse("wagtailadmin_account")]
    if role == "manager":
        return common + _report_screens()
    policy = PolicyPage.objects.get(locale__language_code="en")
    if role == "editor":
        quiz = QuizPage.objects.get(locale__language_code="en", slug__contains="closing")
        source = TranslationSource.objects.get(object_id=policy.translation_key)
        return (
            common
            + _page_screens(policy)
            + _policy_screens()
            + [
                reverse("wagtailadmin_pages:edit", args=[quiz.pk]),
                reverse("wagtail_localize:submit_page_translation", args=[quiz.pk]),
                reverse("wagtail_localize:update_translations", args=[source.pk]),
                reverse("wagtailadmin_reports:locked_pages"),
            ]
        )
    if role == "compliance":
        return (
            common
            + _page_screens(policy)
            + _policy_screens()
            + _report_screens()
            + _evidence_screens()
            + [
                reverse("quiz_question_analysis"),
                reverse("requirements:index"),
                reverse("requirements:edit", args=[Requirement.objects.order_by("pk").first().pk]),
                reverse("evidence_check"),
            ]
        )
    raise ValueError(role)


def names_shown() -> list[str]:
    """Names of people, teams, roles, pages, versions and workflows, and other data the screens show as entered."""
    names = list(Page.objects.values_list("title", flat=True))
    names += list(User.objects.values_list("name", flat=True)) + list(User.objects.values_list("job_title", flat=True))
    names += list(Team.objects.values_list("name", flat=True))
    names += list(PolicyVersion.objects.values_list("change_summary", flat=True))
    names += list(Workflow.objects.values_list("name", flat=True)) + list(Task.objects.values_list("name", flat=True))
    names += list(Acknowledgement.objects.values_list("user_agent", flat=True))
    names += list(Group.objects.values_list("name", flat=True))
    return names
