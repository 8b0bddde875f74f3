"""Finished conversation attempts in the evidence chain: the attempt and every turn of its path."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch

from policy_content.evidence_chain import EvidenceKind, append_record, register_kind

from .models import ConversationAttempt, ConversationTurn

__all__ = ["CONVERSATION_ATTEMPT", "chain_conversation_attempt", "conversation_content", "register_conversation_kinds"]

CONVERSATION_ATTEMPT = "conversation_attempt"


def conversation_content(attempt: ConversationAttempt, turns: Iterable[ConversationTurn]) -> dict[str, Any]:
    """What a finished attempt's chain record covers: its fields and its path, turn by turn."""
    return {
        "kind": CONVERSATION_ATTEMPT,
        "id": attempt.pk,
        "person": attempt.user_id,
        "conversation": attempt.conversation_id,
        "language": attempt.language,
        "snapshot": attempt.snapshot,
        "turns": [
            {
                "number": turn.number,
                "step": turn.step_id,
                "option": turn.option_id,
                "score": turn.score,
                "chosen_at": turn.chosen_at,
            }
            for turn in sorted(turns, key=lambda turn: turn.number)
        ],
        "ending": attempt.ending_id,
        "outcome": attempt.outcome,
        "score": attempt.score,
        "max_score": attempt.max_score,
        "percent": attempt.percent,
        "passed": attempt.passed,
        "started_at": attempt.started_at,
        "submitted_at": attempt.submitted_at,
    }


def chain_conversation_attempt(attempt: ConversationAttempt, turns: Iterable[ConversationTurn], **options) -> None:
    """Append a just-finished attempt with its turns to the chain (inside the transaction that finished it)."""
    append_record(
        kind=CONVERSATION_ATTEMPT,
        object_id=attempt.pk,
        content=conversation_content(attempt, turns),
        person_id=attempt.user_id,
        **options,
    )


def _contents(ids: Iterable[str] | None) -> dict[str, dict[str, Any]]:
    attempts = ConversationAttempt.objects.submitted().prefetch_related(
        Prefetch("turns", queryset=ConversationTurn.objects.order_by("number"))
    )
    if ids is not None:
        attempts = attempts.filter(pk__in=[int(pk) for pk in ids if str(pk).isdigit()])
    return {str(a.pk): conversation_content(a, a.turns.all()) for a in attempts.iterator(chunk_size=500)}


def register_conversation_kinds() -> None:
    register_kind(EvidenceKind(CONVERSATION_ATTEMPT, _contents))
