import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from policy_content.clause_insight import AnswerRecord, clause_rows, miss_rates
from policy_content.models import PolicyPage
from policy_content.reader_questions import ReaderQuestion
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.demo import demo_answers
from quizzes.models import Refresher
from quizzes.refreshers import answer_refresher
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.rechecks.test_recheck_flow import QUESTIONS
from tests.training.factories import UserFactory


def test_miss_rates_count_answers_and_misses_per_section_over_any_answer_records():
    tallies = miss_rates(
        [AnswerRecord("complaints", True), AnswerRecord("complaints", False), AnswerRecord("purpose", False)]
    )
    assert (tallies["complaints"].answers, tallies["complaints"].missed, tallies["complaints"].miss_rate) == (2, 1, 50)
    assert tallies["purpose"].miss_rate == 100
    assert miss_rates([]) == {}


@pytest.fixture
def quiz(db):
    return QuizPageFactory(policy=PolicyPageFactory(), questions=QUESTIONS, pass_mark=100)


def answer(quiz, *, right: bool):
    attempt = start_attempt(quiz=quiz, user=UserFactory(), language="en")
    submit_attempt(attempt=attempt, answers=demo_answers(attempt.snapshot, right=right))


def test_each_section_shows_its_questions_answers_miss_rate_and_open_reader_questions(quiz):
    answer(quiz, right=True)
    answer(quiz, right=False)
    ReaderQuestion.objects.create(policy=quiz.policy, section="complaints", language="en", text="Two days or five?")
    rows = {row.anchor: row for row in clause_rows(quiz.policy)}
    assert list(rows) == ["purpose", "service-standards", "complaints"]
    complaints = rows["complaints"]
    assert (complaints.questions, complaints.tally.answers, complaints.tally.miss_rate) == (1, 2, 50)
    assert [question.text for question in complaints.open_questions] == ["Two days or five?"]
    assert rows["purpose"].open_questions == []


def test_the_clause_view_is_part_of_the_annual_review_and_its_queries_do_not_grow_with_answers(client, editor, quiz):
    client.force_login(editor)
    assert (
        reverse("policy_clause_insight", args=[quiz.policy.pk])
        in client.get(reverse("policy_review_report"), {"state": "all"}).content.decode()
    )
    url = reverse("policy_clause_insight", args=[quiz.policy.pk])
    answer(quiz, right=False)
    with CaptureQueriesContext(connection) as few:
        html = client.get(url).content.decode()
    assert "Complaints" in html and "100%" in html
    for _ in range(4):
        answer(quiz, right=True)
    with CaptureQueriesContext(connection) as more:
        assert "20%" in client.get(url).content.decode()
    assert len(more) == len(few)


def test_the_clause_view_is_refused_to_employees_and_unknown_policies_are_refused(client, employee, editor, quiz):
    client.force_login(employee)
    assert client.get(reverse("policy_clause_insight", args=[quiz.policy.pk])).status_code in (302, 403)
    client.force_login(editor)
    assert client.get(reverse("policy_clause_insight", args=[999999])).status_code == 400


def test_refresher_answers_count_in_their_sections_beside_the_quizzes(quiz):
    answer(quiz, right=False)
    refresher = Refresher.objects.get(question__policy_section="complaints")
    later = timezone.now() + datetime.timedelta(days=3)

    answer_refresher(
        refresher_id=refresher.pk,
        user=refresher.user,
        answers=demo_answers({"questions": [refresher.question]}, right=True),
        now=later,
    )

    complaints = {row.anchor: row for row in clause_rows(quiz.policy)}["complaints"]
    assert (complaints.questions, complaints.tally.answers, complaints.tally.missed) == (1, 2, 1)


@pytest.mark.django_db
def test_the_demo_s_annual_review_lists_its_policy_with_clause_insight(
    client, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    policy = PolicyPage.objects.get(locale__language_code="en", slug="customer-service-policy")
    client.force_login(editor)

    report = client.get(reverse("policy_review_report")).content.decode()

    assert reverse("policy_clause_insight", args=[policy.pk]) in report
    insight = client.get(reverse("policy_clause_insight", args=[policy.pk]))
    assert insight.status_code == 200
