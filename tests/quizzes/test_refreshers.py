"""Refreshers: planned when a quiz is submitted, answered one at a time, retired after two right answers."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from policy_content.immutable import ImmutableRecordError
from quizzes.demo_content import ANGRY_CUSTOMERS
from quizzes.models import Refresher, RefresherAnswer
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import answer_data, refresher_url, take
from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(db):
    # Every question cites the policy's "complaints" section, so every refresher links to it.
    questions = [{**question, "section": "complaints"} for question in ANGRY_CUSTOMERS["questions"]]
    return QuizPageFactory(policy=PolicyPageFactory(), questions=questions, shuffle_questions=False)


def test_every_missed_question_comes_back_two_days_after_the_quiz(quiz):
    person = UserFactory()
    attempt = take(quiz, person, right=False)
    refreshers = Refresher.objects.filter(user=person)
    assert sorted(refreshers.values_list("question_id", flat=True)) == sorted(
        question["id"] for question in attempt.snapshot["questions"]
    )
    assert {refresher.due_on for refresher in refreshers} == {timezone.localdate() + datetime.timedelta(days=2)}


def test_a_passed_quiz_brings_back_one_question_as_a_sample(quiz):
    person = UserFactory()
    take(quiz, person, right=True)
    assert Refresher.objects.filter(user=person).count() == 1


def test_a_later_attempt_does_not_plan_the_same_question_twice(quiz):
    person = UserFactory()
    take(quiz, person, right=False, days_ago=1)
    before = Refresher.objects.filter(user=person).count()
    take(quiz, person, right=False)
    assert Refresher.objects.filter(user=person).count() == before


def test_refresher_days_that_make_no_sense_stop_with_a_clear_error(settings):
    settings.TRAINING_REFRESHER_DAYS = ["7", "2"]
    from quizzes.refreshers import refresher_days

    with pytest.raises(ImproperlyConfigured, match="TRAINING_REFRESHER_DAYS"):
        refresher_days()


def test_a_due_refresher_shows_its_question_without_the_answer(client, quiz):
    person = UserFactory()
    take(quiz, person, right=False, days_ago=2)
    refresher = Refresher.objects.filter(user=person).first()
    client.force_login(person)
    html = client.get(refresher_url(refresher)).content.decode()
    assert refresher.question["prompt"].replace("'", "&#x27;") in html
    assert "never change your quiz score" in html
    assert all(
        option["feedback"].replace("'", "&#x27;") not in html
        for option in refresher.question.get("choices", [])
        if option["feedback"]
    )


def test_a_wrong_answer_shows_the_feedback_and_clause_link_and_comes_back_five_days_later(client, quiz):
    person = UserFactory()
    attempt = take(quiz, person, right=False, days_ago=2)
    refresher = Refresher.objects.filter(user=person, question__type="single_choice").first()
    client.force_login(person)

    response = client.post(refresher_url(refresher), answer_data(refresher, right=False))

    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    wrong = next(option for option in refresher.question["choices"] if not option["correct"])
    assert wrong["feedback"] in html
    assert refresher.policy_url and f'href="{refresher.policy_url}#complaints"' in html
    refresher.refresh_from_db()
    assert (refresher.answer_count, refresher.right_count, refresher.retired_on) == (1, 0, None)
    assert refresher.due_on == timezone.localdate() + datetime.timedelta(days=5)
    answer = RefresherAnswer.objects.get(refresher=refresher)
    assert answer.correct is False
    # The quiz's official score is untouched.
    attempt.refresh_from_db()
    assert (attempt.percent, attempt.passed) == (0, False)


def test_answered_right_twice_a_refresher_retires(client, quiz):
    person = UserFactory()
    take(quiz, person, right=False, days_ago=30)
    refresher = Refresher.objects.filter(user=person).first()
    client.force_login(person)
    client.post(refresher_url(refresher), answer_data(refresher, right=True))
    refresher.refresh_from_db()
    assert refresher.retired_on is None and refresher.due_on > timezone.localdate()

    Refresher.objects.filter(pk=refresher.pk).update(due_on=timezone.localdate())
    response = client.post(refresher_url(refresher), answer_data(refresher, right=True))

    assert "will not come back" in response.content.decode()
    refresher.refresh_from_db()
    assert (refresher.right_count, refresher.retired_on) == (2, timezone.localdate())
    assert not Refresher.objects.due(timezone.localdate() + datetime.timedelta(days=365)).filter(pk=refresher.pk)


def test_a_second_send_of_the_same_answer_records_nothing(client, quiz):
    person = UserFactory()
    take(quiz, person, right=False, days_ago=2)
    refresher = Refresher.objects.filter(user=person).first()
    client.force_login(person)
    client.post(refresher_url(refresher), answer_data(refresher, right=True))

    response = client.post(refresher_url(refresher), answer_data(refresher, right=True))

    assert response.status_code == 409
    assert RefresherAnswer.objects.filter(refresher=refresher).count() == 1


def test_a_refresher_not_yet_due_says_when_it_comes_back(client, quiz):
    person = UserFactory()
    take(quiz, person, right=False)
    refresher = Refresher.objects.filter(user=person).first()
    client.force_login(person)
    response = client.get(refresher_url(refresher))
    assert response.status_code == 200
    assert "This question comes back on" in response.content.decode()
    assert 'name="q-' not in response.content.decode()


@pytest.mark.parametrize("data", [{}, {"q-nope": ["x"]}, {"q-{id}": ["not-an-option"]}])
def test_a_missing_or_tampered_answer_gets_400_and_records_nothing(client, quiz, data):
    person = UserFactory()
    take(quiz, person, right=False, days_ago=2)
    refresher = Refresher.objects.filter(user=person).first()
    client.force_login(person)
    data = {key.replace("{id}", refresher.question["id"]): value for key, value in data.items()}

    response = client.post(refresher_url(refresher), data)

    assert response.status_code == 400
    assert not RefresherAnswer.objects.filter(refresher=refresher).exists()


def test_other_peoples_refreshers_do_not_exist_for_you(client, quiz):
    owner = UserFactory()
    take(quiz, owner, right=False, days_ago=2)
    refresher = Refresher.objects.filter(user=owner).first()
    client.force_login(UserFactory())
    assert client.get(refresher_url(refresher)).status_code == 404
    assert client.post(refresher_url(refresher), answer_data(refresher, right=True)).status_code == 404


def test_visitors_are_sent_to_sign_in(client, quiz):
    take(quiz, UserFactory(), right=False)
    response = client.get(refresher_url(Refresher.objects.first()))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_refresher_answers_cannot_be_changed_or_deleted(client, quiz):
    person = UserFactory()
    take(quiz, person, right=False, days_ago=2)
    refresher = Refresher.objects.filter(user=person).first()
    client.force_login(person)
    client.post(refresher_url(refresher), answer_data(refresher, right=False))
    answer = RefresherAnswer.objects.get()
    with pytest.raises(ImmutableRecordError):
        answer.delete()
    with pytest.raises(ImmutableRecordError):
        RefresherAnswer.objects.update(correct=True)
