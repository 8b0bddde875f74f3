"""Statements are queued with the record they describe, never sent by the page that records it."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from policy_content.learning_records import COMPLETED_REFRESHER, Activity, activity_url, queue_statement
from policy_content.lrs_sending import backoff
from policy_content.models import LearningRecord
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.demo import demo_answers
from quizzes.learning_records import xapi_score
from quizzes.models import Refresher
from quizzes.refreshers import answer_refresher
from tests.learning_records.outage import SilentStore
from tests.policy_content.factories import PolicyPageFactory, sign
from tests.policy_content.policy_helpers import publish_change
from tests.quizzes.conversation_helpers import play
from tests.quizzes.factories import ConversationPageFactory, QuizPageFactory
from tests.quizzes.quiz_helpers import quiz_url
from tests.quizzes.test_taking import form_data, start
from tests.training.auth_helpers import sign_in
from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db

ADL = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def silent_store(settings):
    """The product configured with a store that accepts connections and never answers."""
    store = SilentStore()
    settings.TRAINING_LRS_ENDPOINT = store.endpoint
    settings.TRAINING_LRS_TIMEOUT_SECONDS = 30
    yield store
    store.close()


@pytest.fixture
def policy(db):
    return PolicyPageFactory(required=True)


def acknowledge(client, person, policy):
    sign_in(client, person)
    data = {"version": policy.current_version.pk, "typed_name": person.name, "confirm": "on"}
    return client.post(policy.url + "acknowledge/", data)


def test_nothing_is_queued_while_no_store_is_configured(client, employee, policy, settings):
    settings.TRAINING_LRS_ENDPOINT = ""
    assert acknowledge(client, employee, policy).status_code == 302
    assert not LearningRecord.objects.exists()


def test_acknowledging_queues_a_completed_statement_and_the_page_never_calls_the_store(
    client, employee, policy, silent_store
):
    with CaptureQueriesContext(connection) as queries:
        response = acknowledge(client, employee, policy)

    assert response.status_code == 302
    assert silent_store.connections == 0
    record = LearningRecord.objects.get()
    assert sum("INSERT INTO" in q["sql"] and "learningrecord" in q["sql"] for q in queries.captured_queries) == 1
    statement = record.payload
    version = policy.current_version
    assert statement["id"] == str(record.statement_id)
    assert statement["version"] == "1.0.3"
    assert statement["actor"] == {"objectType": "Agent", "mbox": f"mailto:{employee.email}", "name": employee.name}
    assert statement["verb"]["id"] == ADL + "completed"
    assert statement["object"]["id"] == activity_url("policies", policy.pk, "versions", version.number)
    assert statement["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/lesson"
    assert statement["result"]["completion"] is True
    assert statement["result"]["response"].startswith("I confirm that I have read version 1")
    assert statement["context"]["language"] == "en"
    assert statement["timestamp"].endswith("Z")
    assert (record.attempts, record.sent_at) == (0, None)


def test_a_new_version_is_a_new_activity_and_renaming_the_policy_changes_no_id(client, editor, policy, settings):
    settings.TRAINING_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI"
    person = UserFactory()
    first = sign(person, policy.current_version)
    policy = publish_change(policy, user=editor, new_version=True, summary="New rules", title="Renamed policy")
    second = sign(person, policy.current_version)

    ids = [
        LearningRecord.objects.get(subject=f"acknowledgement:{ack.pk}").payload["object"]["id"]
        for ack in (first, second)
    ]
    assert ids == [
        activity_url("policies", policy.pk, "versions", 1),
        activity_url("policies", policy.pk, "versions", 2),
    ]


def test_passing_and_failing_a_quiz_queue_attempted_then_passed_or_failed_with_the_score(
    client, employee, policy, silent_store
):
    quiz = QuizPageFactory(policy=policy, shuffle_questions=False)
    client.force_login(employee)
    for right in (False, True):
        attempt = start(client, quiz)
        response = client.post(
            quiz_url(quiz, "attempt", attempt.pk), form_data(attempt, demo_answers(attempt.snapshot, right=right))
        )
        assert response.status_code == 302

    assert silent_store.connections == 0
    statements = [record.payload for record in LearningRecord.objects.order_by("pk")]
    assert [s["verb"]["id"] for s in statements] == [ADL + v for v in ("attempted", "failed", "attempted", "passed")]
    assert {s["object"]["id"] for s in statements} == {activity_url("quizzes", quiz.pk)}
    passed = statements[3]["result"]
    assert passed["success"] is True and passed["completion"] is True
    assert passed["score"]["scaled"] == 1.0 and passed["score"]["min"] == 0 and passed["score"]["max"] > 0
    assert passed["duration"].startswith("PT")
    # The statements of one attempt share a registration; another attempt has its own.
    registrations = [s["context"]["registration"] for s in statements]
    assert registrations[0] == registrations[1] != registrations[2] == registrations[3]


def test_a_finished_conversation_queues_its_outcome(client, employee, silent_store):
    conversation = ConversationPageFactory(policy=PolicyPageFactory())
    client.force_login(employee)
    play(client, conversation, [("opening", "listening"), ("listening", "escalated")])

    finished = LearningRecord.objects.get(subject__endswith=":finished").payload
    assert finished["verb"]["id"] == ADL + "passed"  # 3 of the best path's 4 points reach the 75% pass mark
    assert finished["object"]["id"] == activity_url("conversations", conversation.pk)
    assert finished["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/simulation"
    assert finished["result"]["score"] == {"scaled": 0.75, "raw": 3.0, "min": 0.0, "max": 4.0}
    assert silent_store.connections == 0


def test_a_double_submit_queues_one_statement(client, employee, policy, silent_store):
    assert acknowledge(client, employee, policy).status_code == 302
    assert acknowledge(client, employee, policy).status_code == 302
    assert LearningRecord.objects.count() == 1


def test_a_fact_that_is_rolled_back_leaves_no_statement(employee, settings):
    settings.TRAINING_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI"
    activity = Activity(id=activity_url("refreshers", 1), type="http://adlnet.gov/expapi/activities/module", name="R")
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_statement(
            subject="refresher:1", user=employee, verb=COMPLETED_REFRESHER, activity=activity, timestamp=_now()
        )
        raise RuntimeError("the refresher could not be recorded")
    assert not LearningRecord.objects.exists()


def test_queuing_the_same_fact_twice_returns_the_first_statement(employee, settings):
    settings.TRAINING_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI"
    settings.TRAINING_LRS_ACTOR = "account"
    activity = Activity(id=activity_url("refreshers", 1), type="http://adlnet.gov/expapi/activities/module", name="R")
    options = {"user": employee, "verb": COMPLETED_REFRESHER, "activity": activity, "timestamp": _now()}
    first = queue_statement(subject="refresher:1", **options)
    again = queue_statement(subject="refresher:1", **options)
    assert first.pk == again.pk and LearningRecord.objects.count() == 1
    assert first.payload["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(employee.pk)},
    }


def test_retries_wait_longer_each_time_up_to_six_hours():
    waits = [backoff(n).total_seconds() for n in (1, 2, 3, 4, 30)]
    assert waits == [30, 60, 120, 240, 6 * 3600]


@pytest.mark.parametrize(
    ("raw", "maximum", "expected"),
    [
        (3, 4, {"scaled": 0.75, "raw": 3.0, "min": 0.0, "max": 4.0}),
        (-2, 4, {"scaled": -0.5, "raw": -2.0, "min": -2.0, "max": 4.0}),
        (5, 0, None),
        (None, 4, None),
    ],
)
def test_a_score_stays_within_what_xapi_allows(raw, maximum, expected):
    assert xapi_score(raw=raw, maximum=maximum) == expected


def _now():
    return datetime.datetime(2026, 11, 30, 9, 0, tzinfo=datetime.UTC)


def test_records_made_before_a_store_was_configured_are_queued_once_by_the_backfill(employee, settings):
    from policy_content.learning_records import backfill_acknowledgements
    from quizzes.learning_records import backfill_attempts
    from tests.quizzes.factories import QuizAttemptFactory

    settings.TRAINING_LRS_ENDPOINT = ""
    sign(employee, PolicyPageFactory().current_version)
    QuizAttemptFactory(user=employee)
    QuizAttemptFactory(user=employee, in_progress=True)
    assert not LearningRecord.objects.exists()

    settings.TRAINING_LRS_ENDPOINT = "http://127.0.0.1:9/xAPI"
    assert (backfill_acknowledgements(), backfill_attempts()) == (1, 3)
    assert (backfill_acknowledgements(), backfill_attempts()) == (0, 0)
    verbs = sorted(record.verb.rsplit("/", 1)[1] for record in LearningRecord.objects.all())
    assert verbs == ["attempted", "attempted", "completed", "passed"]


def test_answering_a_refresher_queues_a_completed_statement_with_its_success(silent_store):
    quiz = QuizPageFactory()
    person = UserFactory()
    attempt = start_attempt(quiz=quiz, user=person, language="en")
    submit_attempt(attempt=attempt, answers=demo_answers(attempt.snapshot, right=False))
    refresher = Refresher.objects.filter(user=person).first()

    outcome = answer_refresher(
        refresher_id=refresher.pk,
        user=person,
        answers=demo_answers({"questions": [refresher.question]}, right=True),
        now=timezone.now() + datetime.timedelta(days=3),
    )

    record = LearningRecord.objects.get(subject=f"refresher-answer:{outcome.answer.pk}")
    assert record.payload["verb"]["id"] == ADL + "completed"
    assert record.payload["result"] == {"success": True, "completion": True}
    assert record.payload["object"]["id"].endswith(f"/quizzes/{quiz.pk}/refreshers/{refresher.question_id}")
