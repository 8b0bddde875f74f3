import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from policy_content.evidence_verify import verify_evidence
from policy_content.models import EvidenceRecord
from quizzes.demo import demo_answers
from quizzes.models import QuizAttempt
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.quizzes.quiz_helpers import quiz_url

from .test_taking import form_data, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(home_page):
    return QuizPageFactory(policy=PolicyPageFactory(), shuffle_questions=False)


def submit(client, quiz, *, right=True) -> QuizAttempt:
    attempt = start(client, quiz)
    answers = demo_answers(attempt.snapshot, right=right)
    response = client.post(quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, answers))
    assert response.status_code == 302
    attempt.refresh_from_db()
    return attempt


def test_a_submitted_attempt_joins_the_chain_once_and_an_attempt_in_progress_does_not(client, employee, quiz):
    client.force_login(employee)
    attempt = start(client, quiz)
    assert not EvidenceRecord.objects.filter(kind="quiz_attempt").exists()

    answers = demo_answers(attempt.snapshot, right=True)
    client.post(quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, answers))
    client.post(quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, answers))  # a double submit

    record = EvidenceRecord.objects.get(kind="quiz_attempt")
    assert (record.object_id, record.person) == (str(attempt.pk), employee)
    assert verify_evidence().intact


def test_a_score_changed_in_the_database_is_named(client, employee, quiz):
    client.force_login(employee)
    failed = submit(client, quiz, right=False)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE quizzes_quizattempt SET passed = %s, percent = 100 WHERE id = %s", [True, failed.pk])

    with pytest.raises(CommandError) as error:
        call_command("verify_evidence")

    record = EvidenceRecord.objects.get(kind="quiz_attempt", object_id=str(failed.pk))
    assert f"Record #{record.sequence} (quiz_attempt {failed.pk})" in str(error.value)
