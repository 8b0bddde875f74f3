"""Many requests at once, each thread with its own database connection, on SQLite files and PostgreSQL."""

import pytest
from django.test import Client

from policy_content.models import Acknowledgement, PolicyVersion
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.demo import demo_answers
from quizzes.models import QuizAttempt
from tests.policy_content.factories import PolicyPageFactory
from tests.policy_content.policy_helpers import publish_change
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import quiz_url
from tests.training.auth_helpers import sign_in
from tests.training.factories import UserFactory

from .threads import at_once, needs_separate_connections

# Threads see only committed data; restoring the migrations' pages and groups keeps later tests whole.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _separate_connections():
    needs_separate_connections()


@pytest.fixture
def policy(home_page):
    return PolicyPageFactory()


@pytest.fixture
def quiz(home_page, policy):
    return QuizPageFactory(policy=policy, shuffle_questions=False, attempts_allowed=3)


def signed_in(person) -> Client:
    client = Client()
    sign_in(client, person)
    return client


def answer_form(attempt, answers) -> dict:
    """The POST a browser sends for these answers."""
    data = {}
    for question in attempt.snapshot["questions"]:
        chosen = answers[question["id"]]
        if question["type"] == "ordering":
            data.update({f"q-{question['id']}-pos-{step}": str(n) for n, step in enumerate(chosen, start=1)})
        else:
            data[f"q-{question['id']}"] = chosen
    return data


def test_ten_people_starting_a_quiz_at_once_all_get_their_attempt(quiz):
    people = UserFactory.create_batch(10)
    clients = [signed_in(person) for person in people]

    responses = at_once(10, lambda n: clients[n].post(quiz_url(quiz, "start")))

    assert [response.status_code for response in responses] == [302] * 10
    attempts = QuizAttempt.objects.filter(quiz=quiz)
    assert sorted(attempts.values_list("user_id", flat=True)) == sorted(person.pk for person in people)
    for person, response in zip(people, responses, strict=True):
        assert response["Location"] == quiz_url(quiz, "attempt", attempts.get(user=person).pk)


def test_twenty_acknowledgements_at_once_by_one_person_record_one(policy, employee):
    version = policy.current_version
    clients = [signed_in(employee) for _ in range(20)]
    form = {"version": version.pk, "typed_name": employee.name, "confirm": "on"}

    responses = at_once(20, lambda n: clients[n].post(policy.url + "acknowledge/", form))

    assert [response.status_code for response in responses] == [302] * 20
    assert Acknowledgement.objects.filter(user=employee, version=version).count() == 1


def test_twenty_submits_of_one_attempt_at_once_score_it_once(quiz, employee):
    attempt = start_attempt(quiz=quiz, user=employee, language="en")
    clients = [signed_in(employee) for _ in range(20)]
    # Half the requests send all the right answers, half all wrong ones: one of them must win whole.
    forms = [answer_form(attempt, demo_answers(attempt.snapshot, right=n % 2 == 0)) for n in range(20)]

    responses = at_once(20, lambda n: clients[n].post(quiz_url(quiz, "attempt", attempt.pk), forms[n]))

    assert [response.status_code for response in responses] == [302] * 20
    assert {response["Location"] for response in responses} == {quiz_url(quiz, "result", attempt.pk)}
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None
    right = demo_answers(attempt.snapshot, right=True)
    wrong = demo_answers(attempt.snapshot, right=False)
    assert (attempt.answers, attempt.percent, attempt.passed) in [(right, 100, True), (wrong, 0, False)]
    assert QuizAttempt.objects.filter(user=employee).count() == 1


@pytest.mark.parametrize("used", [0, 2])
def test_starts_at_once_open_a_single_attempt_within_the_attempts_allowed(quiz, employee, used):
    for _ in range(used):
        done = start_attempt(quiz=quiz, user=employee, language="en")
        submit_attempt(attempt=done, answers=demo_answers(done.snapshot, right=False))
    clients = [signed_in(employee) for _ in range(20)]

    responses = at_once(20, lambda n: clients[n].post(quiz_url(quiz, "start")))

    opened = QuizAttempt.objects.filter(user=employee, submitted_at__isnull=True).get()
    assert QuizAttempt.objects.filter(user=employee).count() == used + 1
    assert [(r.status_code, r["Location"]) for r in responses] == [(302, quiz_url(quiz, "attempt", opened.pk))] * 20


def test_starts_at_once_after_the_last_attempt_are_all_refused(quiz, employee):
    for _ in range(3):
        done = start_attempt(quiz=quiz, user=employee, language="en")
        submit_attempt(attempt=done, answers=demo_answers(done.snapshot, right=False))
    clients = [signed_in(employee) for _ in range(20)]

    responses = at_once(20, lambda n: clients[n].post(quiz_url(quiz, "start")))

    assert [response.status_code for response in responses] == [403] * 20
    assert QuizAttempt.objects.filter(user=employee).count() == 3


def test_two_editors_publishing_new_versions_at_once_get_consecutive_numbers(policy):
    editors = UserFactory.create_batch(2, roles=["Policy editors"])

    at_once(
        2,
        lambda n: publish_change(policy, user=editors[n], new_version=True, summary=f"Change by editor {n}"),
    )

    versions = list(PolicyVersion.objects.filter(policy=policy).order_by("number"))
    assert [version.number for version in versions] == [1, 2, 3]
    assert {version.published_by for version in versions[1:]} == set(editors)
    assert {version.change_summary for version in versions[1:]} == {"Change by editor 0", "Change by editor 1"}
    assert len({version.revision_id for version in versions}) == 3
