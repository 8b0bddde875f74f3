"""Statements reach a real learning record store (Ralph), survive its outages, and arrive exactly once."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from policy_content.learning_records import activity_url
from policy_content.lrs_sending import queue_health, send_due
from policy_content.models import LearningRecord
from tests.policy_content.factories import PolicyPageFactory, sign
from tests.quizzes.factories import QuizPageFactory
from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db


def in_ralph(ralph, records) -> Counter:
    """How many times Ralph holds each of these statements."""
    wanted = {str(record.statement_id) for record in records}
    return Counter(statement["id"] for statement in ralph.statements() if statement["id"] in wanted)


def acknowledgements(count: int) -> list[LearningRecord]:
    policy = PolicyPageFactory()
    for _ in range(count):
        sign(UserFactory(), policy.current_version)
    return list(LearningRecord.objects.filter(subject__startswith="acknowledgement:"))


def test_queued_statements_arrive_in_ralph_which_accepts_them_as_valid_xapi(lrs, employee):
    from quizzes.attempts import start_attempt, submit_attempt
    from quizzes.demo import demo_answers

    records = acknowledgements(3)
    quiz = QuizPageFactory(shuffle_questions=False)
    attempt = start_attempt(quiz=quiz, user=employee, language="pt")
    submit_attempt(attempt=attempt, answers=demo_answers(attempt.snapshot, right=True))
    records = list(LearningRecord.objects.all())

    report = send_due(batch_size=2)

    assert (report.sent, report.failed) == (len(records), 0) == (5, 0)
    assert in_ralph(lrs, records) == {str(record.statement_id): 1 for record in records}
    assert not LearningRecord.objects.unsent().exists()
    stored = {s["id"]: s for s in lrs.statements()}[
        str(LearningRecord.objects.get(subject__endswith=":finished").statement_id)
    ]
    assert stored["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert stored["object"]["id"] == activity_url("quizzes", quiz.pk)
    assert stored["actor"]["mbox"] == f"mailto:{employee.email}"
    assert stored["context"]["language"] == "pt-PT"
    assert stored["result"]["score"]["scaled"] == 1.0


def test_while_ralph_is_down_nothing_is_lost_and_afterwards_each_statement_arrives_once(lrs):
    lrs.stop()
    records = acknowledgements(4)

    report = send_due()

    assert (report.sent, report.failed, report.reachable) == (0, 4, False)
    waiting = LearningRecord.objects.filter(pk__in=[r.pk for r in records])
    assert all(r.attempts == 1 and r.sent_at is None and r.last_error for r in waiting)
    # Not due again before the backoff: a second round right away sends nothing and tries nothing.
    assert send_due() == type(report)(sent=0, failed=0)
    health = queue_health()
    assert (health.pending, health.failing) >= (4, 4)

    lrs.start()
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert send_due(now=later).sent == 4
    assert in_ralph(lrs, records) == {str(record.statement_id): 1 for record in records}
    assert queue_health().failing == 0


def test_a_resend_after_a_lost_reply_does_not_duplicate_the_statement(lrs):
    records = acknowledgements(2)
    send_due()
    # The store stored them but the reply was lost: the outbox still has them as unsent.
    LearningRecord.objects.filter(pk__in=[r.pk for r in records]).update(sent_at=None)

    assert send_due().sent == 2
    assert in_ralph(lrs, records) == {str(record.statement_id): 1 for record in records}


def test_a_statement_ralph_refuses_does_not_hold_back_the_others(lrs):
    records = acknowledgements(2)
    broken = LearningRecord.objects.create(
        statement_id="0b5f3a1e-5d5e-4c39-9c55-3f4a54b2a001",
        subject="broken:1",
        verb="http://adlnet.gov/expapi/verbs/completed",
        payload={"id": "0b5f3a1e-5d5e-4c39-9c55-3f4a54b2a001", "actor": {"mbox": "not-an-address"}},
        created_at=timezone.now() - datetime.timedelta(hours=1),
    )

    report = send_due()

    assert (report.sent, report.failed) == (2, 1)
    assert in_ralph(lrs, records) == {str(record.statement_id): 1 for record in records}
    broken.refresh_from_db()
    assert broken.sent_at is None and broken.attempts == 1 and broken.last_error.startswith("HTTP ")


def test_wrong_credentials_keep_every_statement_queued(lrs, settings):
    settings.TRAINING_LRS_SECRET = "wrong"
    records = acknowledgements(2)

    report = send_due()

    assert (report.sent, report.reachable) == (0, False)
    assert "401" in LearningRecord.objects.get(pk=records[0].pk).last_error


def test_the_worker_command_sends_once_and_says_what_is_left(lrs):
    records = acknowledgements(2)
    out = StringIO()
    call_command("send_learning_records", "--once", stdout=out)
    assert "2 sent, 0 failed; 0 pending, 0 failing" in out.getvalue()
    assert in_ralph(lrs, records) == {str(record.statement_id): 1 for record in records}


def test_the_worker_command_refuses_to_run_without_a_store(settings):
    settings.TRAINING_LRS_ENDPOINT = ""
    with pytest.raises(CommandError, match="TRAINING_LRS_ENDPOINT"):
        call_command("send_learning_records", "--once")


def test_the_worker_command_fails_once_when_the_store_is_down(lrs):
    acknowledgements(1)
    lrs.stop()
    with pytest.raises(CommandError, match="could not be reached"):
        call_command("send_learning_records", "--once", stdout=StringIO())


def test_administrators_see_the_queue_on_the_admin_home(client, lrs, superuser, manager):
    acknowledgements(2)
    send_due()
    acknowledgements(1)

    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-learning-records="pending">1<' in html
    assert 'data-learning-records="failing">0<' in html
    client.force_login(manager)
    assert "data-learning-records" not in client.get(reverse("wagtailadmin_home")).content.decode()
