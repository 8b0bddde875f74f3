"""Refresher answers per question, apart from quiz results: what people still get wrong days after a quiz."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .drawing import question_data
from .item_statistics import facility
from .models import QuizPage, Refresher, RefresherAnswer


@dataclass(frozen=True)
class RefresherQuestionStats:
    quiz_id: int
    quiz_title: str
    question_id: str
    prompt: str
    coming_back: int
    retired: int
    answered: int
    right: int

    @property
    def share_right(self) -> int | None:
        return facility(self.answered, self.right)


def refresher_analysis(quizzes: list[QuizPage]) -> list[RefresherQuestionStats]:
    """Per question of these source quizzes with refreshers: how many still come back or retired, answers and share right.

    Two queries whatever the number of quizzes, questions or answers (a third when a question has left the
    bank); the weakest questions first.
    """
    by_id = {quiz.pk: quiz for quiz in quizzes}
    refreshers = (
        Refresher.objects.filter(quiz__in=quizzes)
        .values("quiz_id", "question_id")
        .annotate(coming_back=Count("pk", filter=Q(retired_on__isnull=True)), retired=Count("retired_on"))
    )
    answers = {
        (row["quiz_id"], row["question_id"]): row
        for row in RefresherAnswer.objects.filter(quiz__in=quizzes)
        .values("quiz_id", "question_id")
        .annotate(answered=Count("pk"), right=Count("pk", filter=Q(correct=True)))
    }
    prompts = {(quiz.pk, block.id): question_data(block)["prompt"] for quiz in quizzes for block in quiz.question_bank}
    missing = [
        (row["quiz_id"], row["question_id"])
        for row in refreshers
        if (row["quiz_id"], row["question_id"]) not in prompts
    ]
    if missing:  # questions since removed from the bank: the text they were served with
        for refresher in Refresher.objects.filter(quiz__in=quizzes, question_id__in=[q for _quiz, q in missing]):
            prompts.setdefault((refresher.quiz_id, refresher.question_id), refresher.question["prompt"])
    rows = []
    for row in refreshers:
        key = (row["quiz_id"], row["question_id"])
        answered = answers.get(key, {})
        rows.append(
            RefresherQuestionStats(
                quiz_id=row["quiz_id"],
                quiz_title=by_id[row["quiz_id"]].title,
                question_id=row["question_id"],
                prompt=prompts.get(key, ""),
                coming_back=row["coming_back"],
                retired=row["retired"],
                answered=answered.get("answered", 0),
                right=answered.get("right", 0),
            )
        )
    return sorted(rows, key=lambda row: (row.share_right is None, row.share_right or 0, row.quiz_title, row.prompt))
