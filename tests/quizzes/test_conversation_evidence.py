import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from policy_content.evidence_verify import verify_evidence
from policy_content.models import EvidenceRecord
from tests.quizzes.conversation_helpers import play, start_conversation
from tests.quizzes.factories import ConversationPageFactory

from .test_conversation_taking import BEST, LOST

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(home_page):
    return ConversationPageFactory()


def test_a_finished_conversation_joins_the_chain_once_and_one_in_progress_does_not(client, employee, conversation):
    client.force_login(employee)
    attempt = start_conversation(client, conversation)
    assert not EvidenceRecord.objects.filter(kind="conversation_attempt").exists()
    attempt = play(client, conversation, BEST)
    record = EvidenceRecord.objects.get(kind="conversation_attempt")
    assert (record.object_id, record.person) == (str(attempt.pk), employee)
    assert verify_evidence().intact


@pytest.mark.parametrize(
    "tampering",
    [
        "UPDATE quizzes_conversationturn SET option_id = 'other', score = 2 WHERE attempt_id = %s",
        "DELETE FROM quizzes_conversationturn WHERE attempt_id = %s",
        "UPDATE quizzes_conversationattempt SET passed = TRUE, percent = 100, outcome = 'resolved' WHERE id = %s",
    ],
)
def test_a_path_or_score_changed_in_the_database_is_named(client, employee, conversation, tampering):
    client.force_login(employee)
    lost = play(client, conversation, LOST)
    with connection.cursor() as cursor:
        cursor.execute(tampering, [lost.pk])

    with pytest.raises(CommandError) as error:
        call_command("verify_evidence")

    record = EvidenceRecord.objects.get(kind="conversation_attempt", object_id=str(lost.pk))
    assert f"Record #{record.sequence} (conversation_attempt {lost.pk})" in str(error.value)


def test_a_turn_added_to_a_finished_attempt_is_named(client, employee, conversation):
    client.force_login(employee)
    lost = play(client, conversation, LOST)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO quizzes_conversationturn (attempt_id, number, step_id, option_id, score, chosen_at) "
            "SELECT attempt_id, 2, step_id, option_id, 2, chosen_at FROM quizzes_conversationturn WHERE attempt_id = %s",
            [lost.pk],
        )
    assert not verify_evidence().intact
