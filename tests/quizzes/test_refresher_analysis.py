"""The refresher answers report: per question, apart from quiz results, for editors and Compliance."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.analysis import question_analysis
from quizzes.models import Refresher
from quizzes.refresher_analysis import refresher_analysis
from quizzes.refreshers import answer_refresher
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import take
from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/refresher-answers/"


@pytest.fixture
def quiz(db):
    return QuizPageFactory(policy=PolicyPageFactory(), shuffle_questions=False)


def answer(refresher, *, right: bool):
    question = refresher.question
    correct = [option["id"] for option in question.get("choices", []) if option["correct"]]
    wrong = [option["id"] for option in question.get("choices", []) if not option["correct"]][:1]
    answer_refresher(
        refresher_id=refresher.pk, user=refresher.user, answers={question["id"]: correct if right else wrong}
    )


def single_choice_refreshers(quiz, people):
    for person in people:
        take(quiz, person, right=False, days_ago=3)
    first = Refresher.objects.filter(quiz=quiz, question__type="single_choice").values_list("question_id").first()[0]
    return list(Refresher.objects.filter(quiz=quiz, question_id=first).order_by("pk"))


def test_refresher_answers_are_counted_per_question_apart_from_quiz_results(quiz):
    one, two = single_choice_refreshers(quiz, [UserFactory(), UserFactory()])
    answer(one, right=True)
    answer(two, right=False)

    row = next(row for row in refresher_analysis([quiz]) if row.question_id == one.question_id)

    assert (row.answered, row.right, row.share_right, row.coming_back, row.retired) == (2, 1, 50, 2, 0)
    assert row.prompt == one.question["prompt"]
    quiz_row = next(row for row in question_analysis(quiz) if row.question_id == one.question_id)
    assert (quiz_row.answered, quiz_row.right) == (2, 0)


def test_a_retired_refresher_is_counted_as_retired(quiz):
    (only,) = single_choice_refreshers(quiz, [UserFactory()])
    answer(only, right=True)
    Refresher.objects.filter(pk=only.pk).update(due_on=only.due_on)
    answer(Refresher.objects.get(pk=only.pk), right=True)
    row = next(row for row in refresher_analysis([quiz]) if row.question_id == only.question_id)
    assert (row.coming_back, row.retired, row.answered, row.right) == (0, 1, 2, 2)


def test_the_analysis_takes_two_queries_however_many_answers(quiz):
    refreshers = single_choice_refreshers(quiz, [UserFactory() for _ in range(4)])
    for refresher in refreshers:
        answer(refresher, right=False)
    with CaptureQueriesContext(connection) as queries:
        refresher_analysis([quiz])
    assert len(queries) == 2


def test_the_report_is_for_editors_and_exports_csv(client, editor, employee, quiz):
    (refresher,) = single_choice_refreshers(quiz, [UserFactory()])
    answer(refresher, right=False)
    client.force_login(employee)
    assert client.get(REPORT).status_code in (302, 403)
    client.force_login(editor)

    response = client.get(f"{REPORT}?quiz={quiz.pk}")

    assert response.status_code == 200
    assert "Refresher answers" in response.content.decode()
    rows = list(csv.reader(io.StringIO(client.get(f"{REPORT}?quiz={quiz.pk}&export=csv").getvalue().decode())))
    assert rows[0] == ["Quiz", "Question", "Still coming back", "Retired", "Refresher answers", "Right (%)"]
    assert [refresher.question["prompt"], "1", "0", "1", "0"] in [row[1:] for row in rows[1:]]
