import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.analysis import question_analysis
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.demo import demo_answers
from quizzes.item_statistics import discrimination_index, facility
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


def test_discrimination_compares_the_best_and_worst_quarter_of_attempts():
    # Eight attempts ranked by score: the best two got it right, the worst two wrong.
    scored = [(10, False), (20, False), (30, True), (40, False), (50, True), (60, False), (80, True), (90, True)]
    assert discrimination_index(scored) == 1.0
    assert discrimination_index([(score, not right) for score, right in scored]) == -1.0
    assert discrimination_index([(score, True) for score, _right in scored]) == 0.0


def test_discrimination_is_blank_until_the_groups_are_apart():
    assert discrimination_index([]) is None
    assert discrimination_index([(50, True)]) is None
    assert discrimination_index([(10, False), (90, True)]) == 1.0


@given(st.lists(st.tuples(st.integers(0, 100), st.booleans()), max_size=60))
def test_discrimination_stays_between_minus_one_and_one(scored):
    index = discrimination_index(scored)
    assert index is None or -1 <= index <= 1


def test_facility_is_the_share_right_in_percent():
    assert facility(0, 0) is None
    assert facility(3, 1) == 33


def test_a_wrong_order_is_reported_as_the_whole_order_given(quiz):
    ordering = next(question for question in quiz.question_bank if question.block_type == "ordering")
    take(quiz, right=True)
    for _ in range(2):
        take(quiz, right=False)

    row = next(row for row in question_analysis(quiz) if row.question_id == ordering.id)

    steps = [step["text"] for step in ordering.value["steps"]]
    assert row.most_chosen_wrong_count == 2
    assert row.most_chosen_wrong.split(" → ") != steps
    assert sorted(row.most_chosen_wrong.split(" → ")) == sorted(steps)


def test_each_question_names_and_links_the_policy_section_it_checks(client, editor, quiz):
    take(quiz, right=False)
    policy = quiz.policy.specific
    headings = dict(policy.section_anchors())
    anchor = next(q.value["policy_section"] for q in quiz.question_bank if q.value["policy_section"])
    heading = headings[anchor]

    rows = [row for row in question_analysis(quiz) if row.policy_section == anchor]
    client.force_login(editor)
    html = client.get(f"/admin/reports/question-analysis/?quiz={quiz.pk}").content.decode()

    assert rows and all(row.policy_heading == heading for row in rows)
    assert f'href="{policy.url}#{anchor}"' in html
    assert "among the top 27% minus" in html
