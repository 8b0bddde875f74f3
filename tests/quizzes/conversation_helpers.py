"""Playing a conversation through HTTP, choosing replies by the key of the node they lead to."""

from quizzes.models import ConversationAttempt
from tests.quizzes.quiz_helpers import quiz_url


def start_conversation(client, conversation) -> ConversationAttempt:
    response = client.post(quiz_url(conversation, "start"))
    assert response.status_code == 302, response
    return ConversationAttempt.objects.filter(conversation=conversation.source_page).latest("started_at")


def reply_leading_to(attempt: ConversationAttempt, step_key: str, target_key: str) -> dict:
    """The form a taker sends at `step_key` to choose the reply that leads to `target_key`."""
    snapshot = attempt.snapshot
    step = next(step for step in snapshot["steps"].values() if step["key"] == step_key)
    keys = {
        **{i: s["key"] for i, s in snapshot["steps"].items()},
        **{i: e["key"] for i, e in snapshot["endings"].items()},
    }
    option = next(option for option in step["options"] if keys[option["target"]] == target_key)
    return {"step": step["id"], "option": option["id"]}


def play(client, conversation, path: list[tuple[str, str]]) -> ConversationAttempt:
    """Start (or resume) and choose, at each (step key, next key), the reply leading there."""
    attempt = start_conversation(client, conversation)
    for step_key, target_key in path:
        response = client.post(
            quiz_url(conversation, "attempt", attempt.pk), reply_leading_to(attempt, step_key, target_key)
        )
        assert response.status_code == 302, response.content.decode()[:500]
    attempt.refresh_from_db()
    return attempt
