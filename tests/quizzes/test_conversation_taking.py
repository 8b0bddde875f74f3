import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policy_content.models import ImmutableRecordError
from quizzes.conversation_taking import choose_reply
from quizzes.models import AttemptLockedError, ConversationAttempt, ConversationTurn
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.conversation_helpers import play, reply_leading_to, start_conversation
from tests.quizzes.factories import ConversationPageFactory
from tests.quizzes.quiz_helpers import quiz_url
from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db

BEST = [("opening", "listening"), ("listening", "resolved")]
ESCALATED = [("opening", "listening"), ("listening", "escalated")]
LOST = [("opening", "lost")]


@pytest.fixture
def conversation(home_page):
    return ConversationPageFactory(policy=PolicyPageFactory())


def test_the_chat_shows_the_customer_and_the_reply_labels_but_nothing_of_what_follows(client, employee, conversation):
    client.force_login(employee)
    attempt = start_conversation(client, conversation)
    html = client.get(quiz_url(conversation, "attempt", attempt.pk)).content.decode()
    assert "Where is my refund? I&#x27;ve waited three weeks!" in html
    assert "I&#x27;m sorry; let me look at your order now." in html
    for hidden in ("You acknowledged and acted.", "Fine. It&#x27;s order 1234.", "listening", "The customer hung up."):
        assert hidden not in html
    assert 'role="log"' in html


def test_each_reply_is_recorded_as_it_is_chosen_and_the_customer_answers(client, employee, conversation):
    client.force_login(employee)
    attempt = start_conversation(client, conversation)
    response = client.post(
        quiz_url(conversation, "attempt", attempt.pk), reply_leading_to(attempt, "opening", "listening")
    )
    assert response.status_code == 302
    turn = ConversationTurn.objects.get(attempt=attempt)
    assert (turn.number, turn.score) == (1, 2)
    html = client.get(response["Location"]).content.decode()
    assert "Fine. It&#x27;s order 1234." in html
    assert "The refund left today" in html
    attempt.refresh_from_db()
    assert not attempt.is_submitted


@pytest.mark.parametrize(
    ("path", "outcome", "percent", "passed"),
    [(BEST, "resolved", 100, True), (ESCALATED, "escalated", 75, True), (LOST, "lost", 0, False)],
)
def test_the_path_is_scored_against_the_best_path(client, employee, conversation, path, outcome, percent, passed):
    client.force_login(employee)
    attempt = play(client, conversation, path)
    assert (attempt.outcome, attempt.percent, attempt.passed, attempt.max_score) == (outcome, percent, passed, 4)
    assert attempt.is_submitted


def test_the_result_shows_each_steps_feedback_the_best_path_and_the_policy_sections(client, employee, conversation):
    client.force_login(employee)
    attempt = play(client, conversation, LOST)
    html = client.get(quiz_url(conversation, "result", attempt.pk)).content.decode()
    assert "Customer lost" in html
    assert "The customer hung up." in html
    assert "Passing the buck loses the customer." in html
    assert "The best path" in html
    assert "The refund left today; you&#x27;ll have it by Friday." in html
    assert f'{conversation.policy.url}#complaints"' in html
    assert f'{conversation.policy.url}#purpose"' in html


def test_a_reply_to_a_step_already_answered_records_nothing(client, employee, conversation):
    client.force_login(employee)
    attempt = start_conversation(client, conversation)
    first = reply_leading_to(attempt, "opening", "listening")
    client.post(quiz_url(conversation, "attempt", attempt.pk), first)
    response = client.post(quiz_url(conversation, "attempt", attempt.pk), first)  # a second tab, a double click
    assert response.status_code == 409
    assert "The conversation has moved on" in response.content.decode()
    assert attempt.turns.count() == 1


@pytest.mark.parametrize("form", [{"step": "x", "option": ""}, {"option": "not-an-option"}])
def test_a_reply_that_is_not_offered_is_refused_with_a_message(client, employee, conversation, form):
    client.force_login(employee)
    attempt = start_conversation(client, conversation)
    form = {"step": attempt.snapshot["start"], **form} if "step" not in form else form
    response = client.post(quiz_url(conversation, "attempt", attempt.pk), form)
    assert response.status_code in (400, 409)
    assert not attempt.turns.exists()


def test_other_peoples_attempts_do_not_exist_for_them(client, employee, conversation):
    other = UserFactory()
    client.force_login(other)
    attempt = start_conversation(client, conversation)
    client.force_login(employee)
    assert client.get(quiz_url(conversation, "attempt", attempt.pk)).status_code == 404
    assert client.get(quiz_url(conversation, "result", attempt.pk)).status_code == 404


def test_attempts_run_out_and_starting_again_resumes_the_open_one(client, employee, home_page):
    conversation = ConversationPageFactory(attempts_allowed=1)
    client.force_login(employee)
    first = start_conversation(client, conversation)
    assert start_conversation(client, conversation) == first
    play(client, conversation, LOST)
    response = client.post(quiz_url(conversation, "start"))
    assert response.status_code == 403
    assert "You have used all your attempts" in response.content.decode()


def test_a_finished_attempt_and_its_turns_cannot_be_changed(client, employee, conversation):
    client.force_login(employee)
    attempt = play(client, conversation, BEST)
    turn = attempt.turns.first()
    turn.score = 0
    with pytest.raises(ImmutableRecordError):
        turn.save()
    with pytest.raises(ImmutableRecordError):
        attempt.turns.update(score=0)
    attempt.percent = 0
    with pytest.raises(AttemptLockedError):
        attempt.save()
    with pytest.raises(AttemptLockedError):
        ConversationAttempt.objects.filter(pk=attempt.pk).delete()
    assert ConversationAttempt.objects.filter(pk=attempt.pk).update(percent=0) == 0


def statements(context) -> list[str]:
    return [q["sql"] for q in context.captured_queries if "SAVEPOINT" not in q["sql"]]


def test_choosing_a_reply_takes_a_fixed_number_of_queries(employee, conversation):
    from quizzes.conversation_taking import start_conversation as start

    attempt = start(conversation=conversation, user=employee, language="en")
    step = attempt.snapshot["steps"][attempt.snapshot["start"]]
    with CaptureQueriesContext(connection) as middle:
        choose_reply(attempt=attempt, step_id=step["id"], option_id=step["options"][0]["id"])
    following = attempt.snapshot["steps"][step["options"][0]["target"]]
    with CaptureQueriesContext(connection) as last:
        choose_reply(attempt=attempt, step_id=following["id"], option_id=following["options"][0]["id"])
    # The attempt locked, its turns read, the turn written and the person's standing marked stale; at an
    # ending also the score, the attempt read back, the chain's three (lock the head, add the record, move
    # the head), and the standing marked for the score and for the record.
    assert len(statements(middle)) == 4
    assert len(statements(last)) == 4 + 2 + 3 + 2


def test_the_transcript_is_not_shown_as_a_site_notice(client, employee, conversation):
    client.force_login(employee)
    attempt = start_conversation(client, conversation)
    html = client.get(quiz_url(conversation, "attempt", attempt.pk)).content.decode()
    assert "&#x27;by&#x27;" not in html and "'by'" not in html
