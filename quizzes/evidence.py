"""Submitted quiz attempts in the evidence chain: what each record covers."""

from collections.abc import Iterable
from typing import Any

from policy_content.evidence_chain import EvidenceKind, append_record, register_kind

from .models import QuizAttempt

__all__ = ["QUIZ_ATTEMPT", "attempt_content", "chain_attempt", "register_quiz_kinds"]

QUIZ_ATTEMPT = "quiz_attempt"


def attempt_content(attempt: QuizAttempt) -> dict[str, Any]:
    """The fields of a submitted attempt its chain record covers (not the quiz revision, which may be purged).

    A re-check also covers the policy version it was owed for; other attempts keep the content they always had.
    """
    content = {
        "kind": QUIZ_ATTEMPT,
        "id": attempt.pk,
        "person": attempt.user_id,
        "quiz": attempt.quiz_id,
        "language": attempt.language,
        "snapshot": attempt.snapshot,
        "answers": attempt.answers,
        "results": attempt.results,
        "score": attempt.score,
        "max_score": attempt.max_score,
        "percent": attempt.percent,
        "passed": attempt.passed,
        "started_at": attempt.started_at,
        "submitted_at": attempt.submitted_at,
        "deadline": attempt.deadline,
    }
    if attempt.recheck_of_id is not None:
        content["recheck_of"] = attempt.recheck_of_id
    return content


def chain_attempt(attempt: QuizAttempt, **options) -> None:
    """Append a just-submitted attempt to the chain (inside the transaction that submitted it)."""
    append_record(
        kind=QUIZ_ATTEMPT, object_id=attempt.pk, content=attempt_content(attempt), person_id=attempt.user_id, **options
    )


def _attempt_contents(ids: Iterable[str] | None) -> dict[str, dict[str, Any]]:
    attempts = QuizAttempt.objects.submitted()
    if ids is not None:
        attempts = attempts.filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()])
    return {str(attempt.pk): attempt_content(attempt) for attempt in attempts.iterator(chunk_size=500)}


def register_quiz_kinds() -> None:
    register_kind(EvidenceKind(QUIZ_ATTEMPT, _attempt_contents))
