"""The address of a quiz and of its routes (start, attempt, result); quizzes taken and refreshers answered."""

import datetime
import random

from django.urls import reverse
from django.utils import timezone

from quizzes.attempts import start_attempt, submit_attempt
from quizzes.demo import demo_answers
from quizzes.models import QuizAttempt


def quiz_url(quiz, route="", *args) -> str:
    return quiz.url + (quiz.reverse_subpage(route, args=args) if route else "")


def take(quiz, user, *, right: bool, days_ago: int = 0) -> QuizAttempt:
    """A quiz attempt submitted `days_ago` days ago with every answer right, or every answer wrong."""
    attempt = start_attempt(quiz=quiz, user=user, language="en", rng=random.Random(5))
    when = timezone.now() - datetime.timedelta(days=days_ago)
    QuizAttempt.objects.filter(pk=attempt.pk).update(started_at=when - datetime.timedelta(minutes=5))
    attempt.refresh_from_db()
    return submit_attempt(attempt=attempt, answers=demo_answers(attempt.snapshot, right=right), now=when)


def answer_data(refresher, *, right: bool) -> dict:
    question = refresher.question
    chosen = demo_answers({"questions": [question]}, right=right)[question["id"]]
    if question["type"] == "ordering":
        return {f"q-{question['id']}-pos-{step}": str(position) for position, step in enumerate(chosen, start=1)}
    return {f"q-{question['id']}": chosen}


def refresher_url(refresher) -> str:
    return reverse("refreshers:answer", args=[refresher.pk])
