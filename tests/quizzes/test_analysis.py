import csv
import io

import pytest

from quizzes.analysis import question_analysis
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.demo import demo_answers
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(db):
    return QuizPageFactory(policy=PolicyPageFactory(), shuffle_questions=False, shuffle_choices=False)


def take(quiz, *, right):
    attempt = start_attempt(quiz=quiz, user=UserFactory(), language="en")
    return submit_attempt(attempt=attempt, answers=demo_answers(attempt.snapshot, right=right))


def test_analysis_gives_share_right_and_the_most_chosen_wrong_answer(quiz):
    take(quiz, right=True)
    wrong = take(quiz, right=False)
    take(quiz, right=False)
    rows = {row.question_id: row for row in question_analysis(quiz)}
    first = wrong.snapshot["questions"][0]
    row = rows[first["id"]]
    assert (row.answered, row.right, row.share_right) == (3, 1, 33)
    picked = next(o["text"] for o in first["choices"] if o["id"] == wrong.answers[first["id"]][0])
    assert (row.most_chosen_wrong, row.most_chosen_wrong_count) == (picked, 2)
    assert row.policy_section == first["policy_section"]


def test_questions_nobody_answered_are_listed_last(quiz):
    rows = question_analysis(quiz)
    assert len(rows) == len(quiz.question_bank)
    assert all(row.share_right is None for row in rows)


def test_analysis_report_is_for_editors_and_exports_csv(client, editor, employee, quiz):
    take(quiz, right=False)
    client.force_login(employee)
    assert client.get("/admin/reports/question-analysis/").status_code in (302, 403)
    client.force_login(editor)
    response = client.get(f"/admin/reports/question-analysis/?quiz={quiz.pk}")
    assert response.status_code == 200
    export = client.get(f"/admin/reports/question-analysis/?quiz={quiz.pk}&export=csv")
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:2] == ["Quiz", "Question"]
    assert len(rows) == 1 + len(quiz.question_bank)
    assert all(row[3] == "0" for row in rows[1:])
