"""Playing a conversation: starting, choosing replies, finishing. The server decides every next step."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from policy_content.page_cache import person_changed

from .attempts import QuizRuleError, attempts_in_cycle, attempts_left
from .conversation_evidence import chain_conversation_attempt
from .conversation_graph import best_path, graph_data, node
from .learning_records import queue_attempt_finished, queue_attempt_started
from .models import ConversationAttempt, ConversationPage, ConversationTurn

__all__ = [
    "ConversationSoFar",
    "Position",
    "choose_reply",
    "conversation_snapshot",
    "conversation_so_far",
    "path_score",
    "position_of",
    "start_conversation",
]


@dataclass(frozen=True)
class ConversationSoFar:
    used: int
    left: int | None
    open_attempt: ConversationAttempt | None


def conversation_so_far(*, conversation: ConversationPage, user, since=None) -> ConversationSoFar:
    """This person's attempts at the conversation, in any language, started after `since` (one query)."""
    source = conversation.source_page
    attempts = ConversationAttempt.objects.filter(conversation=source, user=user)
    if since is not None:
        attempts = attempts.filter(started_at__gt=since)
    attempts = list(attempts.order_by("-started_at"))
    return ConversationSoFar(
        used=len(attempts),
        left=attempts_left(allowed=source.attempts_allowed, used=len(attempts)),
        open_attempt=next((a for a in attempts if not a.is_submitted), None),
    )


def conversation_snapshot(conversation: ConversationPage) -> dict[str, Any]:
    """The whole conversation in the reader's language, under the source page's rules, kept with the attempt."""
    rules = conversation.source_page
    policy_url = ""
    if conversation.policy_id:
        policy = conversation.policy.localized if hasattr(conversation.policy, "localized") else conversation.policy
        policy_url = policy.url or ""
    graph = graph_data(conversation.steps)
    best_score, _path = best_path(graph)
    return {
        **graph,
        "channel": conversation.channel,
        "opening_message": conversation.opening_message,
        "pass_mark": rules.pass_mark,
        "best_score": best_score,
        "policy_url": policy_url,
    }


@dataclass(frozen=True)
class Position:
    """Where an attempt stands: the step to answer now, or the ending reached."""

    step: dict | None
    ending: dict | None
    turns: list[tuple[dict, dict]]

    @property
    def score(self) -> int:
        return sum(option["score"] for _step, option in self.turns)


def position_of(snapshot: dict, turns) -> Position:
    """Follow the recorded turns through the snapshot from the first step."""
    current = node(snapshot, snapshot["start"])
    walked = []
    for turn in turns:
        option = next(o for o in current["options"] if o["id"] == turn.option_id)
        walked.append((current, option))
        current = node(snapshot, option["target"])
    if current["id"] in snapshot["endings"]:
        return Position(step=None, ending=current, turns=walked)
    return Position(step=current, ending=None, turns=walked)


def path_score(*, score: int, best_score: int, pass_mark: int) -> tuple[int, bool]:
    """The percentage of the best path's score a path earned, and whether it passes."""
    percent = round(100 * score / best_score) if best_score else 100
    return percent, percent >= pass_mark


def start_conversation(
    *, conversation: ConversationPage, user, language: str, now=None, cycle=None
) -> ConversationAttempt:
    """Resume the open attempt, or start a new one if attempts are left (in the current cycle, as for quizzes)."""
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        so_far = conversation_so_far(conversation=conversation, user=user)
        if so_far.open_attempt is not None:
            return so_far.open_attempt
        count = partial(conversation_so_far, conversation=conversation, user=user)
        so_far = attempts_in_cycle(so_far, count=count, cycle=cycle)
        if so_far.left == 0:
            raise QuizRuleError(_("You have used all your attempts at this conversation."), status=403)
        if not conversation.steps:
            raise QuizRuleError(_("This conversation has no steps yet."), status=409)
        attempt = ConversationAttempt.objects.create(
            user=user,
            conversation=conversation.source_page,
            revision=conversation.live_revision,
            language=language,
            snapshot=conversation_snapshot(conversation),
            started_at=now or timezone.now(),
        )
        queue_attempt_started(attempt)
        return attempt


def choose_reply(*, attempt: ConversationAttempt, step_id: str, option_id: str, now=None) -> Position:
    """Record one reply at the current step; on reaching an ending, score the path and chain the attempt.

    A reply to a step that is no longer current (a second tab, a double click) records nothing: 409.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = ConversationAttempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.is_submitted:
            raise QuizRuleError(_("This conversation has already ended."), status=409)
        turns = list(attempt.turns.order_by("number"))
        position = position_of(attempt.snapshot, turns)
        if position.step["id"] != step_id:
            raise QuizRuleError(_("The conversation has moved on; here is where it stands."), status=409)
        option = next((o for o in position.step["options"] if o["id"] == option_id), None)
        if option is None:
            raise QuizRuleError(_("Choose one of the replies offered."), status=400)
        try:
            with transaction.atomic():
                turn = ConversationTurn.objects.create(
                    attempt=attempt,
                    number=len(turns) + 1,
                    step_id=step_id,
                    option_id=option_id,
                    score=option["score"],
                    chosen_at=now,
                )
        except IntegrityError as exc:
            raise QuizRuleError(_("The conversation has moved on; here is where it stands."), status=409) from exc
        position = position_of(attempt.snapshot, [*turns, turn])
        if position.ending is not None:
            percent, passed = path_score(
                score=position.score,
                best_score=attempt.snapshot["best_score"],
                pass_mark=attempt.snapshot["pass_mark"],
            )
            ConversationAttempt.objects.filter(pk=attempt.pk).update(
                ending_id=position.ending["id"],
                outcome=position.ending["outcome"],
                score=position.score,
                max_score=attempt.snapshot["best_score"],
                percent=percent,
                passed=passed,
                submitted_at=now,
            )
            person_changed(attempt.user_id)  # `update()` sends no signal for the page cache
            attempt.refresh_from_db()
            chain_conversation_attempt(attempt, [*turns, turn])
            queue_attempt_finished(attempt)
    return position
