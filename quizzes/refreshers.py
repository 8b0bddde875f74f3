"""Refreshers: planning them when a quiz is submitted, and answering them; the dates come from refresher_schedule."""

import datetime
import random
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from policy_content.page_cache import person_changed

from .learning_records import queue_refresher_answered
from .models import QuizAttempt, Refresher, RefresherAnswer
from .refresher_schedule import AT_A_TIME, is_retired, parse_days, questions_to_refresh, refresher_due_on
from .scoring import AnswerError, Answers, check_answers, question_score

__all__ = [
    "DueRefreshers",
    "RefresherNotDueError",
    "RefresherOutcome",
    "answer_refresher",
    "due_refreshers",
    "due_refreshers_by_person",
    "plan_refreshers",
    "refresher_days",
]


class RefresherNotDueError(Exception):
    """The refresher is retired, or not due yet (answered already, perhaps in another tab)."""


def refresher_days() -> tuple[int, ...]:
    """The days after a quiz on which refreshers fall due (TRAINING_REFRESHER_DAYS)."""
    try:
        return parse_days(getattr(settings, "TRAINING_REFRESHER_DAYS", ()) or ())
    except ValueError as exc:
        raise ImproperlyConfigured(f"TRAINING_REFRESHER_DAYS: {exc}") from exc


def plan_refreshers(attempt: QuizAttempt, *, rng: random.Random | None = None) -> list[Refresher]:
    """Bring back the attempt's missed questions and a sample of its right ones, unless already coming back.

    A question whose refresher had retired comes back again when it is missed in a later attempt.
    """
    days = refresher_days()
    chosen = questions_to_refresh(attempt.results, rng=rng or random.SystemRandom())
    if not chosen:
        return []
    seen_on = timezone.localdate(attempt.submitted_at)
    missed = {result["question_id"] for result in attempt.results if not result["correct"]}
    questions = {question["id"]: question for question in attempt.snapshot["questions"]}
    existing = {
        refresher.question_id: refresher
        for refresher in Refresher.objects.filter(
            user_id=attempt.user_id, quiz_id=attempt.quiz_id, question_id__in=chosen
        )
    }
    fields = {
        "policy_url": attempt.snapshot.get("policy_url", "")[:255],
        "language": attempt.language,
        "source_attempt": attempt,
        "seen_on": seen_on,
        "due_on": refresher_due_on(seen_on=seen_on, days=days),
        "answer_count": 0,
        "right_count": 0,
        "last_answered_on": None,
        "retired_on": None,
    }
    new, reopened = [], []
    for question_id in chosen:
        refresher = existing.get(question_id)
        if refresher is None:
            new.append(
                Refresher(
                    user_id=attempt.user_id,
                    quiz_id=attempt.quiz_id,
                    question_id=question_id,
                    question=questions[question_id],
                    **fields,
                )
            )
        elif refresher.retired_on is not None and question_id in missed:
            refresher.question = questions[question_id]
            for name, value in fields.items():
                setattr(refresher, name, value)
            reopened.append(refresher)
    Refresher.objects.bulk_create(new)
    person_changed(*{refresher.user_id for refresher in new + reopened})  # bulk writes send no signals
    if reopened:
        Refresher.objects.bulk_update(reopened, ["question", *fields])
    return new + reopened


@dataclass(frozen=True)
class RefresherOutcome:
    answer: RefresherAnswer
    refresher: Refresher
    awarded: float

    @property
    def retired(self) -> bool:
        return self.refresher.retired_on is not None


def answer_refresher(*, refresher_id: int, user, answers: Answers, now: datetime.datetime | None = None):
    """Record one answer to a due refresher and schedule the next; the quiz's score is left as it was."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        refresher = Refresher.objects.select_for_update().filter(pk=refresher_id, user=user).first()
        if refresher is None:
            raise Refresher.DoesNotExist
        if refresher.retired_on is not None or refresher.due_on > today:
            raise RefresherNotDueError(refresher)
        question = refresher.question
        snapshot = {"questions": [question]}
        check_answers(snapshot, answers)
        chosen = answers.get(question["id"], [])
        if not chosen:
            raise AnswerError(_("Answer the question before sending it."))
        awarded = question_score(question, chosen)
        correct = awarded == question["points"]
        answer = RefresherAnswer.objects.create(
            refresher=refresher,
            user_id=refresher.user_id,
            quiz_id=refresher.quiz_id,
            question_id=refresher.question_id,
            language=refresher.language,
            chosen=list(chosen),
            correct=correct,
            answered_at=now,
        )
        refresher.answer_count += 1
        refresher.right_count += int(correct)
        refresher.last_answered_on = today
        if is_retired(refresher.right_count):
            refresher.retired_on = today
        else:
            refresher.due_on = refresher_due_on(
                seen_on=refresher.seen_on,
                answer_count=refresher.answer_count,
                last_answered_on=today,
                days=refresher_days(),
            )
        refresher.save()
        queue_refresher_answered(answer)
    return RefresherOutcome(answer=answer, refresher=refresher, awarded=float(awarded))


def due_refreshers(user, *, today: datetime.date, limit: int = AT_A_TIME) -> list[Refresher]:
    """The refreshers a person should answer now, one or two at a time (one query)."""
    return list(Refresher.objects.due(today).filter(user=user)[:limit])


@dataclass
class DueRefreshers:
    """A person's first due refreshers (id and prompt), and whether any fell due today."""

    first: list[dict]
    new_today: bool = False


def due_refreshers_by_person(
    *, today: datetime.date, people: QuerySet | None = None, limit: int = AT_A_TIME
) -> dict[int, DueRefreshers]:
    """For the reminder e-mails: each person's due refreshers, in one query."""
    due = Refresher.objects.due(today)
    if people is not None:
        due = due.filter(user__in=people.values("pk"))
    by_person: dict[int, DueRefreshers] = {}
    for row in due.order_by("user_id", "due_on", "pk").values("pk", "user_id", "due_on", "question__prompt"):
        entry = by_person.setdefault(row["user_id"], DueRefreshers(first=[]))
        entry.new_today = entry.new_today or row["due_on"] == today
        if len(entry.first) < limit:
            entry.first.append({"id": row["pk"], "prompt": row["question__prompt"]})
    return by_person
