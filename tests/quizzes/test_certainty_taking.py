"""Taking a quiz that asks how sure: the scale shown, certainties required and kept as evidence, reports."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from policy_content.evidence_verify import verify_evidence
from quizzes.analysis import question_analysis
from quizzes.demo import demo_answers
from quizzes.models import QuizAttempt
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import quiz_url
from tests.training.factories import UserFactory

from .test_taking import form_data, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(db):
    return QuizPageFactory(policy=PolicyPageFactory(), shuffle_questions=False, ask_certainty=True)


def sure_of_everything(attempt) -> dict:
    return {f"c-{question['id']}": "high" for question in attempt.snapshot["questions"]}


def submit(client, quiz, *, right: bool, certainty=sure_of_everything) -> QuizAttempt:
    attempt = start(client, quiz)
    data = {**form_data(attempt, demo_answers(attempt.snapshot, right=right)), **certainty(attempt)}
    response = client.post(quiz_url(quiz, "attempt", attempt.pk), data)
    assert response.status_code == 302, response.content
    attempt.refresh_from_db()
    return attempt


def test_the_quiz_page_and_each_question_state_the_scale_and_ask_how_sure(client, employee, quiz):
    client.force_login(employee)
    assert "a wrong answer costs 6 marks if you were sure" in client.get(quiz.url).content.decode()
    attempt = start(client, quiz)
    html = client.get(quiz_url(quiz, "attempt", attempt.pk)).content.decode()
    assert html.count("How sure are you?") == len(attempt.snapshot["questions"])
    assert 'value="high"' in html and 'value="medium"' in html and 'value="low"' in html


def test_answers_without_a_certainty_are_refused_and_nothing_is_recorded(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    response = client.post(
        quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, demo_answers(attempt.snapshot, right=True))
    )
    assert response.status_code == 400
    assert "This question needs an answer." in response.content.decode()
    attempt.refresh_from_db()
    assert not attempt.is_submitted


def test_a_certainty_off_the_scale_gets_400(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    data = {**form_data(attempt, demo_answers(attempt.snapshot, right=True)), **sure_of_everything(attempt)}
    data[next(iter(sure_of_everything(attempt)))] = "certain"
    response = client.post(quiz_url(quiz, "attempt", attempt.pk), data)
    assert response.status_code == 400
    attempt.refresh_from_db()
    assert not attempt.is_submitted


def test_sure_and_wrong_costs_6_each_while_pass_fail_uses_the_plain_score(client, employee, quiz):
    client.force_login(employee)
    attempt = submit(client, quiz, right=False)
    assert (attempt.percent, attempt.passed) == (0, False)
    assert {(result["certainty"], result["cbm"]) for result in attempt.results} == {("high", -6.0)}
    html = client.get(quiz_url(quiz, "result", attempt.pk)).content.decode()
    assert "CBM average: -6.00 (from −6 to 3)." in html
    assert "How sure you were: Sure · CBM marks: -6" in html


def test_the_certainties_are_part_of_the_attempts_evidence(client, employee, quiz):
    client.force_login(employee)
    attempt = submit(client, quiz, right=True)
    assert verify_evidence().intact
    results = [{**result, "certainty": "low"} for result in attempt.results]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE quizzes_quizattempt SET results = %s WHERE id = %s",
            [json.dumps(results), attempt.pk],
        )
    with pytest.raises(CommandError, match=f"quiz_attempt {attempt.pk}"):
        call_command("verify_evidence")


def test_the_question_analysis_gives_the_share_sure_but_wrong(client, quiz):
    for right, level in ((False, "high"), (False, "low"), (True, "high"), (False, "high")):
        client.force_login(UserFactory())
        submit(
            client,
            quiz,
            right=right,
            certainty=lambda attempt, level=level: {
                f"c-{question['id']}": level for question in attempt.snapshot["questions"]
            },
        )
    row = question_analysis(quiz)[0]
    assert (row.with_certainty, row.confidently_wrong, row.confidently_wrong_share) == (4, 2, 50)


def test_quizzes_that_do_not_ask_show_no_certainty(client, employee):
    plain = QuizPageFactory(policy=PolicyPageFactory(), shuffle_questions=False)
    client.force_login(employee)
    attempt = submit(client, plain, right=True, certainty=lambda attempt: {})
    assert "certainty" not in attempt.snapshot and "certainty" not in attempt.results[0]
    assert "CBM" not in client.get(quiz_url(plain, "result", attempt.pk)).content.decode()
    assert question_analysis(plain)[0].confidently_wrong_share is None
