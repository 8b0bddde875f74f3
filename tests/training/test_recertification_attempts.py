"""Renewing a quiz whose pass expired: the attempts that count start again after that pass."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.attempts import start_attempt, submit_attempt
from quizzes.demo import demo_answers
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import quiz_url, take
from tests.training.auth_helpers import sign_in
from tests.training.factories import RequirementFactory
from training.choices import Status
from training.compliance.loader import load_requirements, load_standings, standing_for
from training.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    page = QuizPageFactory(attempts_allowed=1)
    RequirementFactory(page=page, kind="quiz", validity_months=12)
    return page


def item(person, quiz):
    return standing_for(person).item_for_page(quiz.pk)


def test_an_expired_pass_gives_the_quiz_s_attempts_again(quiz, employee):
    take(quiz, employee, right=True, days_ago=400)

    expired = item(employee, quiz)

    assert (expired.status, expired.attempts_used, expired.attempts_left, expired.can_act) == (
        Status.EXPIRED,
        0,
        1,
        True,
    )


def test_attempts_of_the_new_cycle_count_and_a_failed_renewal_uses_them(quiz, employee):
    passed = take(quiz, employee, right=True, days_ago=400)
    renewal = start_attempt(quiz=quiz, user=employee, language="en", cycle=lambda: passed.submitted_at)
    submit_attempt(attempt=renewal, answers=demo_answers(renewal.snapshot, right=False))

    expired = item(employee, quiz)

    assert (expired.status, expired.attempts_used, expired.attempts_left) == (Status.EXPIRED, 1, 0)


def test_a_pass_still_valid_keeps_the_quiz_s_limit(quiz, employee):
    take(quiz, employee, right=True, days_ago=30)

    assert (item(employee, quiz).status, item(employee, quiz).attempts_left) == (Status.DONE, 0)


def test_the_reader_starts_a_renewal_attempt_and_not_a_second_one(client, quiz, employee):
    take(quiz, employee, right=True, days_ago=400)
    sign_in(client, employee)

    assert client.get(quiz.url).status_code == 200
    first = client.post(quiz_url(quiz, "start"))
    assert first.status_code == 302 and "/attempts/" in first["Location"]

    take(quiz, User.objects.get(pk=employee.pk), right=False)  # the renewal attempt fails: none left now
    refused = client.post(quiz_url(quiz, "start"))
    assert refused.status_code == 403


def test_counting_the_new_cycle_costs_one_query_whatever_the_number_of_people(quiz, employee):
    requirements = load_requirements()
    take(quiz, employee, right=True, days_ago=400)
    with CaptureQueriesContext(connection) as one:
        load_standings(User.objects.filter(pk=employee.pk), requirements=requirements)
    others = User.objects.exclude(pk=employee.pk)
    for person in others:
        take(quiz, person, right=True, days_ago=400)
    with CaptureQueriesContext(connection) as many:
        standings = load_standings(User.objects.all(), requirements=requirements)
    assert len(many) == len(one)
    assert all(s.item_for_page(quiz.pk).attempts_left == 1 for s in standings.values() if s.item_for_page(quiz.pk))


def test_a_pass_expiring_soon_can_be_renewed_with_the_quiz_s_attempts(quiz, employee):
    take(quiz, employee, right=True, days_ago=350)

    soon = item(employee, quiz)

    assert (soon.status, soon.attempts_left, soon.is_renewable) == (Status.EXPIRES_SOON, 1, True)
