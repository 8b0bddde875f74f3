import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from policy_content.models import EvidenceRecord, PolicyPage
from quizzes.demo import demo_answers
from quizzes.demo_content import single
from quizzes.models import QuizAttempt
from quizzes.rechecks import draft_recheck_impact
from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory, policy_body_data
from tests.policy_content.policy_helpers import publish_change
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import quiz_url
from tests.training.factories import RequirementFactory, UserFactory
from tests.training.standings_helpers import rule_statuses, table_statuses
from training.compliance.loader import standing_for
from training.compliance.standings_table import refresh
from training.models import User

pytestmark = pytest.mark.django_db

CHOICES = [("Log it and reply in time", True, "Right."), ("Ignore it", False, "No.")]
QUESTIONS = [
    single("email", "I want to complain.", "What do you do first?", CHOICES, "The complaints rule.", "complaints"),
    single("chat", "Why so slow?", "How fast on chat?", CHOICES, "The standards.", "service-standards"),
    single("phone", "Hello?", "What is the policy for?", CHOICES, "The purpose.", "purpose"),
]


@pytest.fixture
def policy(db):
    return PolicyPageFactory()


@pytest.fixture
def quiz(policy):
    quiz = QuizPageFactory(policy=policy, questions=QUESTIONS, shuffle_questions=False, pass_mark=100)
    RequirementFactory(page=quiz)
    return quiz


def take(client, quiz, route, *, right=True):
    response = client.post(quiz_url(quiz, route))
    assert response.status_code == 302, response.content
    attempt = QuizAttempt.objects.filter(quiz=quiz).latest("started_at")
    data = {f"q-{qid}": chosen for qid, chosen in demo_answers(attempt.snapshot, right=right).items()}
    assert client.post(quiz_url(quiz, "attempt", attempt.pk), data).status_code == 302
    return QuizAttempt.objects.get(pk=attempt.pk)


def new_version_changing_complaints(policy):
    return publish_change(policy, new_version=True, summary="Complaints answered in two days.").current_version


def test_a_new_version_records_the_sections_it_changed(policy):
    version = new_version_changing_complaints(policy)
    assert version.changed_sections == ["complaints"]


def test_a_person_who_passed_owes_a_recheck_of_the_changed_sections_only_and_passing_it_restores_credit(
    client, employee, quiz, policy
):
    client.force_login(employee)
    take(client, quiz, "start")
    version = new_version_changing_complaints(policy)

    standing = standing_for(employee)
    recheck = standing.recheck_for(standing.item_for_page(quiz.pk).requirement.id)
    assert standing.item_for_page(quiz.pk).is_done
    assert recheck is not None and recheck.kind == "recheck" and recheck.recheck.sections == {"complaints"}
    assert recheck.due_date > version.published_at.date()
    assert "Re-check owed" in client.get(quiz.url).content.decode()

    attempt = take(client, quiz, "recheck")
    assert attempt.recheck_of_id == version.pk
    assert [q["policy_section"] for q in attempt.snapshot["questions"]] == ["complaints"]
    assert attempt.passed
    assert EvidenceRecord.objects.filter(kind="quiz_attempt", object_id=str(attempt.pk)).exists()
    assert standing_for(employee).rechecks == []
    assert "Re-check passed" in client.get(quiz_url(quiz, "result", attempt.pk)).content.decode()


def test_a_failed_recheck_leaves_it_owed_and_the_attempts_of_the_quiz_untouched(client, employee, quiz, policy):
    client.force_login(employee)
    take(client, quiz, "start")
    new_version_changing_complaints(policy)
    attempt = take(client, quiz, "recheck", right=False)
    assert not attempt.passed
    assert len(standing_for(employee).rechecks) == 1
    assert standing_for(employee).item_for_page(quiz.pk).attempts_used == 1


def test_asking_for_a_recheck_that_is_not_owed_is_refused_with_409(client, employee, quiz):
    client.force_login(employee)
    take(client, quiz, "start")
    response = client.post(quiz_url(quiz, "recheck"))
    assert response.status_code == 409
    assert not QuizAttempt.objects.rechecks().exists()
    assert client.get(quiz_url(quiz, "recheck")).status_code == 405


def test_the_reacknowledgement_page_highlights_the_sections_the_recheck_asks_about(client, employee, quiz, policy):
    RequirementFactory(page=policy)
    client.force_login(employee)
    take(client, quiz, "start")
    AcknowledgementFactory(user=employee, version=policy.current_version)
    new_version_changing_complaints(policy)
    html = client.get(policy.url).content.decode()
    assert "Your re-check asks about this section." in html
    assert html.count("change--recheck") == 1


def test_the_pre_publish_report_counts_the_people_a_draft_would_send_to_a_recheck(client, editor, quiz, policy):
    for _ in range(3):
        client.force_login(UserFactory())
        take(client, quiz, "start")
    page = PolicyPage.objects.get(pk=policy.pk)
    page.body = policy_body_data(complaint_days="two")
    page.save_revision(user=editor)

    impact = draft_recheck_impact(page)
    assert impact.changed == {"complaints"} and impact.people == 3
    assert [(row.quiz.pk, row.sections, row.people) for row in impact.quizzes] == [(quiz.pk, ("complaints",), 3)]

    client.force_login(editor)
    url = reverse("policy_recheck_impact", args=[policy.pk])
    with CaptureQueriesContext(connection) as few:
        html = client.get(url).content.decode()
    assert "Complaints" in html and "3 people would owe a re-check" in html
    for _ in range(5):
        client.force_login(UserFactory())
        take(client, quiz, "start")
    client.force_login(editor)
    with CaptureQueriesContext(connection) as more:
        assert "8 people would owe a re-check" in client.get(url).content.decode()
    assert len(more) == len(few)


def test_the_pre_publish_report_is_refused_to_people_who_cannot_edit_the_policy(client, employee, policy):
    client.force_login(employee)
    assert client.get(reverse("policy_recheck_impact", args=[policy.pk])).status_code in (302, 403)


def test_the_standings_table_holds_the_recheck_owed_until_it_is_passed(client, employee, quiz, policy):
    client.force_login(employee)
    take(client, quiz, "start")
    new_version_changing_complaints(policy)
    refresh(User.objects.all())
    today = timezone.localdate()
    for offset in (0, 20, 40):
        day = today + datetime.timedelta(days=offset)
        assert table_statuses(day) == rule_statuses(day)
    assert any(recheck for _person, _requirement, recheck in table_statuses(today))

    take(client, quiz, "recheck")
    refresh(User.objects.all())
    assert not any(recheck for _person, _requirement, recheck in table_statuses(today))
