"""The demo's acknowledgements and attempts end up in a real learning record store, each statement once."""

from io import StringIO

import pytest
from django.core.management import call_command

from policy_content.models import Acknowledgement, LearningRecord
from quizzes.models import ConversationAttempt, QuizAttempt, RefresherAnswer

pytestmark = pytest.mark.django_db


def expected_statements() -> int:
    """One per acknowledgement and per refresher answer; one per attempt started and one more per attempt finished."""
    attempts = [QuizAttempt.objects, ConversationAttempt.objects]
    started = sum(manager.count() for manager in attempts)
    finished = sum(manager.filter(submitted_at__isnull=False).count() for manager in attempts)
    return Acknowledgement.objects.count() + RefresherAnswer.objects.count() + started + finished


def test_the_demo_loader_queues_its_records_and_ralph_holds_them_all(lrs):
    call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
    queued = LearningRecord.objects.count()
    assert queued == expected_statements() > 20

    out = StringIO()
    call_command("send_learning_records", "--once", "--backfill", stdout=out)

    assert f"0 statements queued for earlier records\n{queued} sent, 0 failed; 0 pending, 0 failing" in out.getvalue()
    held = [statement["id"] for statement in lrs.statements()]
    ours = {str(statement_id) for statement_id in LearningRecord.objects.values_list("statement_id", flat=True)}
    assert ours <= set(held)
    assert len([statement_id for statement_id in held if statement_id in ours]) == queued
