"""Demo quizzes and attempts, made through the same functions people use. Safe to run again."""

import datetime
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from .attempts import start_attempt, submit_attempt
from .choices import Certainty, QuestionType
from .demo_content import QUIZZES
from .models import QuizAttempt, QuizIndexPage, QuizPage, Refresher, RefresherAnswer
from .refreshers import answer_refresher

INDEX = {
    "title": "Quizzes",
    "slug": "quizzes",
    "intro": "Scenario quizzes on the situations the customer-service policy covers.",
}

# (person, quiz slug, passes?) in the order they happened; days ago for the date shown.
DEMO_ATTEMPTS = [
    ("james@example.com", "closing-interactions", True, 390),
    ("ana@example.com", "angry-customers", True, 15),
    ("ana@example.com", "escalations-and-complaints", True, 14),
    ("ana@example.com", "closing-interactions", True, 14),
    ("james@example.com", "angry-customers", True, 40),
    ("james@example.com", "escalations-and-complaints", False, 10),
    ("tom@example.com", "angry-customers", False, 2),
    ("james@example.com", "closing-interactions", False, 6),
]

# (person, answered right?, days ago): one refresher each answered; the quizzes above leave others due.
DEMO_REFRESHER_ANSWERS = [
    ("james@example.com", False, 7),
    ("ana@example.com", True, 12),
]


def bank_data(questions: list[dict], *, policy_anchors: set[str]) -> list[tuple[str, dict]]:
    """The StreamField value of a question bank from the plain demo data."""
    bank = []
    for question in questions:
        value = {
            "channel": question["channel"],
            "customer_says": question["customer_says"],
            "situation": question["situation"],
            "prompt": question["prompt"],
            "explanation": question["explanation"],
            "points": question["points"],
            "policy_section": question["section"] if question["section"] in policy_anchors else "",
        }
        if question["type"] == QuestionType.ORDERING:
            value["steps"] = [{"text": text} for text in question["steps"]]
        else:
            value["choices"] = [
                {"text": text, "correct": correct, "feedback": feedback}
                for text, correct, feedback in question["choices"]
            ]
        bank.append((str(question["type"]), value))
    return bank


def _index(home_page: Page) -> QuizIndexPage:
    index = QuizIndexPage.objects.child_of(home_page).first()
    if index is None:
        index = QuizIndexPage(**INDEX, show_in_menus=True, live=False)
        home_page.add_child(instance=index)
        index.save_revision().publish()
        index.refresh_from_db()
    return index


def demo_answers(snapshot: dict, *, right: bool) -> dict[str, list[str]]:
    """All right answers, or a wrong answer to every question."""
    answers = {}
    for question in snapshot["questions"]:
        if question["type"] == QuestionType.ORDERING:
            order = list(question["correct_order"])
            answers[question["id"]] = order if right else list(reversed(order))
        else:
            correct = [option["id"] for option in question["choices"] if option["correct"]]
            wrong = [option["id"] for option in question["choices"] if not option["correct"]]
            answers[question["id"]] = correct if right else wrong[:1]
    return answers


def demo_certainties(snapshot: dict, *, right: bool) -> dict[str, str] | None:
    """How sure the demo taker says they are, where the quiz asks: mostly sure, and sure of every wrong answer."""
    if not snapshot.get("certainty"):
        return None
    levels = [Certainty.HIGH, Certainty.MEDIUM, Certainty.HIGH, Certainty.LOW] if right else [Certainty.HIGH]
    return {question["id"]: levels[index % len(levels)] for index, question in enumerate(snapshot["questions"])}


def seed_quizzes(home_page: Page, *, policy) -> list[QuizPage]:
    index = _index(home_page)
    anchors = {anchor for anchor, _heading in policy.section_anchors()} if policy else set()
    quizzes = []
    for spec in QUIZZES:
        quiz = QuizPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if quiz is None:
            quiz = QuizPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                topic=spec["topic"],
                policy=policy,
                pass_mark=spec["pass_mark"],
                attempts_allowed=spec["attempts_allowed"],
                ask_certainty=spec.get("ask_certainty", False),
                question_bank=bank_data(spec["questions"], policy_anchors=anchors),
                live=False,
            )
            index.add_child(instance=quiz)
            quiz.save_revision().publish()
            quiz.refresh_from_db()
        quizzes.append(quiz)
    return quizzes


def seed_attempts(quizzes: list[QuizPage]) -> None:
    """Past attempts, passed and failed, each taken in the person's language where the quiz is translated."""
    quizzes = {quiz.slug: quiz for quiz in quizzes}
    people = {user.email: user for user in get_user_model().objects.filter(email__in={row[0] for row in DEMO_ATTEMPTS})}
    rng = random.Random(2026)
    now = timezone.now()
    for email, slug, passes, days_ago in DEMO_ATTEMPTS:
        user, quiz = people.get(email), quizzes[slug]
        if user is None or QuizAttempt.objects.filter(user=user, quiz=quiz).exists():
            continue
        language = user.preferred_language or settings.LANGUAGE_CODE
        locale = Locale.objects.filter(language_code=language).first()
        read = (quiz.get_translation_or_none(locale) if locale else None) or quiz
        with translation.override(read.locale.language_code):
            attempt = start_attempt(quiz=read, user=user, language=read.locale.language_code, rng=rng)
        when = now - datetime.timedelta(days=days_ago)
        QuizAttempt.objects.filter(pk=attempt.pk).update(started_at=when - datetime.timedelta(minutes=6))
        attempt.refresh_from_db()
        submit_attempt(
            attempt=attempt,
            answers=demo_answers(attempt.snapshot, right=passes),
            certainties=demo_certainties(attempt.snapshot, right=passes),
            now=when,
            rng=rng,
        )


def seed_refresher_answers() -> None:
    """A few refreshers already answered (days ago), so the refresher report has figures; others stay due."""
    now = timezone.now()
    for email, right, days_ago in DEMO_REFRESHER_ANSWERS:
        refresher = (
            Refresher.objects.filter(user__email=email, question__type=QuestionType.SINGLE).order_by("pk").first()
        )
        if refresher is None or RefresherAnswer.objects.filter(user__email=email).exists():
            continue
        question = refresher.question
        chosen = [option["id"] for option in question["choices"] if option["correct"] == right][:1]
        answer_refresher(
            refresher_id=refresher.pk,
            user=refresher.user,
            answers={question["id"]: chosen},
            now=now - datetime.timedelta(days=days_ago),
        )
