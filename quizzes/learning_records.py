"""The xAPI statements of quiz and conversation attempts: attempted when started, passed or failed when finished."""

from decimal import Decimal
from typing import Any

from policy_content.learning_record_models import LearningRecord
from policy_content.learning_records import (
    ATTEMPTED,
    COMPLETED_REFRESHER,
    CONVERSATION_TYPE,
    FAILED,
    PASSED,
    QUIZ_TYPE,
    REFRESHER_TYPE,
    Activity,
    activity_url,
    lrs_configured,
    queue_statement,
    registration_for,
    xapi_duration,
)

__all__ = [
    "backfill_attempts",
    "queue_attempt_finished",
    "queue_attempt_started",
    "queue_refresher_answered",
    "xapi_score",
]

# The kind of attempt, its activity path and its activity type.
KINDS = {
    "QuizAttempt": ("quiz-attempt", "quizzes", QUIZ_TYPE),
    "ConversationAttempt": ("conversation-attempt", "conversations", CONVERSATION_TYPE),
}


def _page_of(attempt):
    return attempt.quiz if hasattr(attempt, "quiz_id") else attempt.conversation


def _activity(attempt) -> Activity:
    _kind, path, activity_type = KINDS[type(attempt).__name__]
    page = _page_of(attempt)
    return Activity(
        id=activity_url(path, page.pk), type=activity_type, name=page.title, language=page.locale.language_code
    )


def _subject(attempt) -> str:
    return f"{KINDS[type(attempt).__name__][0]}:{attempt.pk}"


def xapi_score(*, raw: Decimal | int | float | None, maximum: int) -> dict[str, Any] | None:
    """The score as xAPI wants it: raw between min and max, scaled between -1 and 1; none without a maximum."""
    if raw is None or not maximum:
        return None
    raw = float(raw)
    scaled = max(min(raw / maximum, 1.0), -1.0)
    return {"scaled": round(scaled, 4), "raw": raw, "min": min(0.0, raw), "max": float(max(maximum, raw))}


def queue_attempt_started(attempt) -> LearningRecord | None:
    """Someone started a quiz or conversation: `attempted`, registered under the attempt."""
    if not lrs_configured():
        return None
    subject = _subject(attempt)
    return queue_statement(
        subject=f"{subject}:attempted",
        user=attempt.user,
        verb=ATTEMPTED,
        activity=_activity(attempt),
        timestamp=attempt.started_at,
        language=attempt.language,
        registration=registration_for(subject, attempt.started_at),
    )


def queue_attempt_finished(attempt) -> LearningRecord | None:
    """Someone finished a quiz or conversation: `passed` or `failed`, with the score and how long it took."""
    if not lrs_configured():
        return None
    subject = _subject(attempt)
    result: dict[str, Any] = {
        "success": bool(attempt.passed),
        "completion": True,
        "duration": xapi_duration(attempt.started_at, attempt.submitted_at),
    }
    score = xapi_score(raw=attempt.score, maximum=attempt.max_score)
    if score is not None:
        result["score"] = score
    return queue_statement(
        subject=f"{subject}:finished",
        user=attempt.user,
        verb=PASSED if attempt.passed else FAILED,
        activity=_activity(attempt),
        timestamp=attempt.submitted_at,
        result=result,
        language=attempt.language,
        registration=registration_for(subject, attempt.started_at),
    )


def queue_refresher_answered(answer) -> LearningRecord | None:
    """Someone answered a refresher: `completed` on the refresher of that question, right or not."""
    if not lrs_configured():
        return None
    refresher = answer.refresher
    return queue_statement(
        subject=f"refresher-answer:{answer.pk}",
        user=answer.user,
        verb=COMPLETED_REFRESHER,
        activity=Activity(
            id=activity_url("quizzes", answer.quiz_id, "refreshers", answer.question_id),
            type=REFRESHER_TYPE,
            name=refresher.question.get("prompt", "") or str(refresher.quiz),
            language=answer.language,
        ),
        timestamp=answer.answered_at,
        result={"success": answer.correct, "completion": True},
        language=answer.language,
    )


def backfill_attempts() -> int:
    """Queue the statements of attempts and refresher answers made before a store was configured; returns how many."""
    from policy_content.learning_records import queued_subjects

    from .models import ConversationAttempt, QuizAttempt, RefresherAnswer

    if not lrs_configured():
        return 0
    queued = 0
    answered = queued_subjects("refresher-answer:")
    for answer in RefresherAnswer.objects.select_related("user", "refresher__quiz").order_by("pk"):
        if f"refresher-answer:{answer.pk}" not in answered:
            queue_refresher_answered(answer)
            queued += 1
    for model, page in ((QuizAttempt, "quiz"), (ConversationAttempt, "conversation")):
        done = queued_subjects(KINDS[model.__name__][0] + ":")
        for attempt in model.objects.select_related("user", f"{page}__locale").order_by("pk"):
            subject = _subject(attempt)
            if f"{subject}:attempted" not in done:
                queue_attempt_started(attempt)
                queued += 1
            if attempt.submitted_at is not None and f"{subject}:finished" not in done:
                queue_attempt_finished(attempt)
                queued += 1
    return queued
