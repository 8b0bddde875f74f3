import datetime
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.demo import demo_answers
from quizzes.models import AttemptLockedError, QuizAttempt, QuizPage
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import quiz_url
from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(db):
    return PolicyPageFactory()


@pytest.fixture
def quiz(policy):
    return QuizPageFactory(policy=policy, shuffle_questions=False)


def start(client, quiz):
    response = client.post(quiz_url(quiz, "start"))
    assert response.status_code == 302, response.content
    return QuizAttempt.objects.filter(quiz=quiz).latest("started_at")


def form_data(attempt, answers):
    """The POST a browser sends for these answers."""
    data = {}
    for question in attempt.snapshot["questions"]:
        chosen = answers.get(question["id"], [])
        if question["type"] == "ordering":
            for position, step_id in enumerate(chosen, start=1):
                data[f"q-{question['id']}-pos-{step_id}"] = str(position)
        else:
            data[f"q-{question['id']}"] = chosen
    return data


def test_starting_needs_a_post(client, employee, quiz):
    client.force_login(employee)
    assert client.get(quiz_url(quiz, "start")).status_code == 405
    assert not QuizAttempt.objects.exists()


def test_anonymous_people_are_sent_to_sign_in(client, quiz):
    response = client.post(quiz_url(quiz, "start"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(quiz.url).status_code == 302


def test_start_stores_the_questions_served_and_their_order(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    assert len(attempt.snapshot["questions"]) == len(quiz.question_bank)
    assert {q["id"] for q in attempt.snapshot["questions"]} == {block.id for block in quiz.question_bank}
    assert attempt.language == "en" and attempt.submitted_at is None


def test_question_page_never_contains_correctness_or_feedback(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    html = unescape(client.get(quiz_url(quiz, "attempt", attempt.pk)).content.decode())
    for question in attempt.snapshot["questions"]:
        assert question["explanation"] not in html
        for option in question.get("choices", []):
            assert option["text"] in html
            if option["feedback"]:
                assert option["feedback"] not in html
    assert "correct" not in html.lower()


def test_right_answers_pass_and_the_result_links_to_the_policy(client, employee, quiz, policy):
    client.force_login(employee)
    attempt = start(client, quiz)
    response = client.post(
        quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, demo_answers(attempt.snapshot, right=True))
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.percent, attempt.passed) == (100, True)
    html = client.get(response["Location"]).content.decode()
    assert "You scored 100%" in html
    assert f"{policy.url}#difficult-customers" in html or f"{policy.url}#" in html


def test_wrong_answers_fail_and_show_the_feedback(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    answers = demo_answers(attempt.snapshot, right=False)
    client.post(quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, answers))
    attempt.refresh_from_db()
    assert attempt.passed is False and attempt.percent == 0
    html = client.get(quiz_url(quiz, "result", attempt.pk)).content.decode()
    first = attempt.snapshot["questions"][0]
    chosen = next(o for o in first["choices"] if o["id"] == answers[first["id"]][0])
    assert chosen["feedback"] in html.replace("&#x27;", "'")
    assert "Not passed yet" in html


def test_a_missing_answer_is_refused_and_nothing_is_recorded(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    answers = demo_answers(attempt.snapshot, right=True)
    answers.pop(attempt.snapshot["questions"][-1]["id"])
    response = client.post(quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, answers))
    assert response.status_code == 400
    assert "Answer every question" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.answers == {}


@pytest.mark.parametrize(
    "tamper",
    [
        lambda data, attempt: data.update({"q-not-a-question": "x"}),
        lambda data, attempt: data.update({f"q-{attempt.snapshot['questions'][0]['id']}": "foreign-choice"}),
        lambda data, attempt: data.update(
            {f"q-{attempt.snapshot['questions'][0]['id']}": [attempt.snapshot["questions"][1]["choices"][0]["id"]]}
        ),
    ],
    ids=["unknown question", "unknown choice", "choice of another question"],
)
def test_tampered_answers_get_400_and_change_nothing(client, employee, quiz, tamper):
    client.force_login(employee)
    attempt = start(client, quiz)
    data = form_data(attempt, demo_answers(attempt.snapshot, right=True))
    tamper(data, attempt)
    response = client.post(quiz_url(quiz, "attempt", attempt.pk), data)
    assert response.status_code == 400
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_other_peoples_attempts_do_not_exist_for_you(client, employee, quiz):
    other = UserFactory()
    client.force_login(other)
    attempt = start(client, quiz)
    client.force_login(employee)
    assert client.get(quiz_url(quiz, "attempt", attempt.pk)).status_code == 404
    assert client.post(quiz_url(quiz, "attempt", attempt.pk), {}).status_code == 404
    assert client.get(quiz_url(quiz, "result", attempt.pk)).status_code == 404


def test_a_double_submit_records_one_score(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    right = form_data(attempt, demo_answers(attempt.snapshot, right=True))
    wrong = form_data(attempt, demo_answers(attempt.snapshot, right=False))
    first = client.post(quiz_url(quiz, "attempt", attempt.pk), right)
    second = client.post(quiz_url(quiz, "attempt", attempt.pk), wrong)
    assert first.status_code == second.status_code == 302
    assert second["Location"].endswith(quiz_url(quiz, "result", attempt.pk))
    attempt.refresh_from_db()
    assert attempt.percent == 100
    assert QuizAttempt.objects.submitted().count() == 1


def test_a_submit_after_the_time_limit_is_refused(client, employee, policy):
    quiz = QuizPageFactory(policy=policy, time_limit_minutes=5)
    client.force_login(employee)
    attempt = start(client, quiz)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=2))
    response = client.post(
        quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, demo_answers(attempt.snapshot, right=True))
    )
    assert response.status_code == 409
    assert "time limit" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_no_start_when_the_attempts_are_used_up(client, employee, policy):
    quiz = QuizPageFactory(policy=policy, attempts_allowed=1)
    client.force_login(employee)
    attempt = start(client, quiz)
    client.post(quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, demo_answers(attempt.snapshot, right=False)))
    response = client.post(quiz_url(quiz, "start"))
    assert response.status_code == 403
    assert "used all your attempts" in response.content.decode()
    assert QuizAttempt.objects.count() == 1


def test_starting_twice_resumes_the_open_attempt(client, employee, quiz):
    client.force_login(employee)
    first = start(client, quiz)
    second = start(client, quiz)
    assert first.pk == second.pk and QuizAttempt.objects.count() == 1


def test_an_unpublished_quiz_cannot_be_taken(client, employee, quiz):
    client.force_login(employee)
    quiz.unpublish()
    assert client.get(quiz.url_path and f"/en/quizzes/{quiz.slug}/").status_code == 404
    assert client.post(f"/en/quizzes/{quiz.slug}/start/").status_code == 404


def test_submitted_attempts_cannot_be_changed_or_deleted(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    client.post(quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, demo_answers(attempt.snapshot, right=True)))
    attempt.refresh_from_db()
    attempt.percent = 1
    with pytest.raises(AttemptLockedError):
        attempt.save()
    with pytest.raises(AttemptLockedError):
        attempt.delete()
    assert QuizAttempt.objects.filter(pk=attempt.pk).update(percent=1) == 0
    with pytest.raises(AttemptLockedError):
        QuizAttempt.objects.all().delete()
    attempt.refresh_from_db()
    assert attempt.percent == 100


def test_editing_the_quiz_later_leaves_past_results_as_they_were(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    client.post(quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, demo_answers(attempt.snapshot, right=True)))
    before = client.get(quiz_url(quiz, "result", attempt.pk)).content.decode()
    old_prompt = attempt.snapshot["questions"][0]["prompt"]

    page = QuizPage.objects.get(pk=quiz.pk)
    first = page.question_bank[0]
    first.value["prompt"] = "A rewritten question"
    for option in first.value["choices"]:
        option["correct"] = not option["correct"]
    del page.question_bank[1]
    page.save_revision().publish()

    attempt.refresh_from_db()
    assert attempt.percent == 100
    after = client.get(quiz_url(quiz, "result", attempt.pk)).content.decode()
    assert old_prompt in after and "A rewritten question" not in after
    assert before.count("badge--done") == after.count("badge--done")


def page_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_quiz_pages_take_the_same_number_of_queries_whatever_the_number_of_questions(client, employee, policy):
    from quizzes.demo_content import ANGRY_CUSTOMERS

    counts = {}
    for size in (3, 8):
        quiz = QuizPageFactory(policy=policy, questions=ANGRY_CUSTOMERS["questions"][:size])
        client.force_login(employee)
        attempt = start(client, quiz)
        questions = page_queries(client, quiz_url(quiz, "attempt", attempt.pk))
        client.post(
            quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, demo_answers(attempt.snapshot, right=True))
        )
        client.get(quiz.url)  # warm the per-process caches (default locale, settings)
        counts[size] = (
            questions,
            page_queries(client, quiz_url(quiz, "result", attempt.pk)),
            page_queries(client, quiz.url),
        )
    assert counts[3] == counts[8]
    assert max(counts[8]) <= 26, counts
