"""Starting and submitting attempts: the rules of taking a quiz, apart from the HTTP layer."""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from policy_content.page_cache import person_changed

from .drawing import draw_snapshot, question_data
from .evidence import chain_attempt
from .learning_records import queue_attempt_finished, queue_attempt_started
from .models import QuizAttempt, QuizPage
from .refreshers import plan_refreshers
from .scoring import (
    AnswerError,
    Answers,
    Certainties,
    asks_certainty,
    check_answers,
    check_certainties,
    missing_answers,
    score_attempt,
)

GRACE_SECONDS = 30


class QuizRuleError(Exception):
    """A request the rules refuse; `status` is the HTTP status that says why."""

    def __init__(self, message, *, status: int):
        super().__init__(message)
        self.message = message
        self.status = status


def attempts_left(*, allowed: int, used: int) -> int | None:
    """Attempts a person has left at a quiz that allows `allowed` (0: unlimited, None)."""
    return max(allowed - used, 0) if allowed else None


@dataclass(frozen=True)
class AttemptsSoFar:
    """What the start rule needs to know of one person's attempts at one quiz."""

    used: int
    left: int | None
    open_attempt: QuizAttempt | None


def attempts_so_far(*, quiz: QuizPage, user, since: datetime.datetime | None = None) -> AttemptsSoFar:
    """This person's attempts at the whole quiz (re-checks apart), in any language, started after `since` (one query)."""
    attempts = QuizAttempt.objects.full().filter(quiz=quiz.source_page, user=user)
    if since is not None:
        attempts = attempts.filter(started_at__gt=since)
    attempts = list(attempts.order_by("-started_at"))
    now = timezone.now()
    return AttemptsSoFar(
        used=len(attempts),
        left=attempts_left(allowed=quiz.source_page.attempts_allowed, used=len(attempts)),
        open_attempt=next((a for a in attempts if not a.is_submitted and not a.is_expired(now)), None),
    )


def attempts_in_cycle(so_far, *, count, cycle: Callable[[], datetime.datetime | None] | None):
    """`so_far` as counted, or, when it leaves no attempt and a new cycle has begun, counted again from there.

    `cycle` tells when the current cycle began (after a pass that expired; None: no new cycle). Asking it
    costs the reader's standing, so it is asked only when the limit is reached.
    """
    if so_far.left != 0 or cycle is None:
        return so_far
    since = cycle()
    return count(since=since) if since is not None else so_far


def bank_of(quiz: QuizPage) -> list[dict[str, Any]]:
    return [question_data(block) for block in quiz.question_bank]


def snapshot_for(
    quiz: QuizPage, *, rng: random.Random | None = None, sections: frozenset[str] | None = None
) -> dict[str, Any]:
    """Draw questions from the page the person reads (their language), under the source quiz's rules.

    With `sections`, a re-check: every question of the bank linked to one of them, under the same pass mark.
    """
    rules = quiz.source_page
    bank = bank_of(quiz)
    if sections is not None:
        bank = [question for question in bank if question["policy_section"] in sections]
    policy_url = ""
    if quiz.policy_id:
        policy = quiz.policy.localized if hasattr(quiz.policy, "localized") else quiz.policy
        policy_url = policy.url or ""
    return draw_snapshot(
        bank,
        count=rules.questions_per_attempt if sections is None else 0,
        pass_mark=rules.pass_mark,
        shuffle_questions=rules.shuffle_questions,
        shuffle_choices=rules.shuffle_choices,
        policy_url=policy_url,
        certainty=rules.ask_certainty,
        rng=rng or random.SystemRandom(),
    )


def start_attempt(
    *,
    quiz: QuizPage,
    user,
    language: str,
    rng: random.Random | None = None,
    cycle: Callable[[], datetime.datetime | None] | None = None,
) -> QuizAttempt:
    """Resume the open attempt, or start a new one if attempts are left (in the current cycle: see `attempts_in_cycle`)."""
    source = quiz.source_page
    with transaction.atomic():
        # Lock the person's row so two clicks on "start" cannot both create an attempt.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        so_far = attempts_so_far(quiz=quiz, user=user)
        if so_far.open_attempt is not None:
            return so_far.open_attempt
        so_far = attempts_in_cycle(so_far, count=partial(attempts_so_far, quiz=quiz, user=user), cycle=cycle)
        if so_far.left == 0:
            raise QuizRuleError(_("You have used all your attempts at this quiz."), status=403)
        if not quiz.question_bank:
            raise QuizRuleError(_("This quiz has no questions yet."), status=409)
        now = timezone.now()
        deadline = now + timezone.timedelta(minutes=source.time_limit_minutes) if source.time_limit_minutes else None
        attempt = QuizAttempt.objects.create(
            user=user,
            quiz=source,
            revision=quiz.live_revision,
            language=language,
            snapshot=snapshot_for(quiz, rng=rng),
            started_at=now,
            deadline=deadline,
        )
        queue_attempt_started(attempt)
        return attempt


def submit_attempt(
    *,
    attempt: QuizAttempt,
    answers: Answers,
    certainties: Certainties | None = None,
    now=None,
    rng: random.Random | None = None,
) -> QuizAttempt:
    """Score and close the attempt once, and plan its refreshers; a second submit changes nothing.

    `now` is the moment of submission: the clock, except when the demo loads past attempts;
    `rng` draws the right answer that comes back as a refresher. `certainties` (question id: how
    sure) are required when the attempt asks for them, and kept in its results.
    """
    if attempt.is_submitted:
        return attempt
    check_answers(attempt.snapshot, answers)
    check_certainties(attempt.snapshot, certainties)
    if asks_certainty(attempt.snapshot):
        certainties = certainties or {}
    missing = missing_answers(attempt.snapshot, answers, certainties)
    if missing:
        raise AnswerError(_("Answer every question before submitting."))
    now = now or timezone.now()
    if attempt.deadline and now > attempt.deadline + timezone.timedelta(seconds=GRACE_SECONDS):
        raise QuizRuleError(
            _("The time limit for this attempt has passed; its answers can no longer be sent."), status=409
        )
    score = score_attempt(attempt.snapshot, answers, certainties)
    with transaction.atomic():
        updated = QuizAttempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
            answers=answers,
            results=[result.as_json() for result in score.questions],
            score=round(float(score.score), 2),
            max_score=score.max_score,
            percent=score.percent,
            passed=score.passed,
            submitted_at=now,
        )
        # When `updated` is 0 another request submitted first: its score stands, this one recorded nothing.
        attempt.refresh_from_db()
        if updated:
            person_changed(attempt.user_id)  # `update()` sends no signal for the page cache
            chain_attempt(attempt)
            queue_attempt_finished(attempt)
            plan_refreshers(attempt, rng=rng)
    return attempt
