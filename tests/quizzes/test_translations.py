"""A quiz attempt in any language counts for the quiz; analysis groups a question across languages."""

import pytest

from quizzes.analysis import question_analysis
from quizzes.demo import demo_answers
from quizzes.models import QuizAttempt
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import quiz_url
from tests.training.factories import RequirementFactory
from tests.translation_helpers import translate
from training.compliance.loader import standing_for

from .test_taking import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(db):
    return PolicyPageFactory()


@pytest.fixture
def quiz(policy):
    quiz = QuizPageFactory(policy=policy, shuffle_questions=False, shuffle_choices=False)
    RequirementFactory(page=quiz)
    return quiz


def take_in(client, page, *, right):
    assert client.post(quiz_url(page, "start")).status_code == 302
    attempt = QuizAttempt.objects.latest("started_at")
    answers = demo_answers(attempt.snapshot, right=right)
    response = client.post(quiz_url(page, "attempt", attempt.pk), form_data(attempt, answers))
    assert response.status_code == 302, response.content
    attempt.refresh_from_db()
    return attempt, response


def test_translated_questions_keep_the_ids_of_their_source(quiz):
    greek = translate(quiz, "el")

    def ids(page):
        return [
            (block.id, [item.id for item in block.value.get("choices", block.value.get("steps")).bound_blocks])
            for block in page.question_bank
        ]

    assert ids(greek) == ids(quiz)
    assert greek.question_bank[0].value["prompt"].startswith("[el] ")


def test_an_attempt_in_a_translation_counts_for_the_quiz(client, employee, quiz):
    greek = translate(quiz, "el")
    client.force_login(employee)

    attempt, _response = take_in(client, greek, right=True)

    assert attempt.quiz == quiz
    assert attempt.language == "el"
    assert attempt.passed
    assert attempt.snapshot["questions"][0]["prompt"].startswith("[el] ")
    assert standing_for(employee).item_for_page(quiz.pk).is_done
    assert greek.source_page.pk == quiz.pk


def test_the_result_of_a_translated_attempt_links_to_the_policy_in_that_language(client, employee, quiz, policy):
    greek = translate(quiz, "el")
    greek_policy = translate(policy, "el")
    client.force_login(employee)

    _attempt, response = take_in(client, greek, right=False)
    html = client.get(response["Location"]).content.decode()

    assert response["Location"].startswith("/el/")
    assert f'href="{greek_policy.url}#' in html
    assert "[el] " in html  # feedback written in Greek


def test_analysis_groups_each_question_across_languages(employee, quiz):
    from quizzes.attempts import start_attempt, submit_attempt
    from tests.training.factories import UserFactory

    spanish = translate(quiz, "es")
    for page, language, right in ((quiz, "en", True), (spanish, "es", False), (spanish, "es", True)):
        attempt = start_attempt(quiz=page, user=UserFactory(), language=language)
        submit_attempt(attempt=attempt, answers=demo_answers(attempt.snapshot, right=right))

    rows = question_analysis(quiz)

    assert len(rows) == len(quiz.question_bank)
    first = rows[0]
    assert (first.answered, first.right) == (3, 2)
