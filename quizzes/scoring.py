"""Scoring a submitted attempt: a pure function of the stored snapshot and the answers.

Rules, also shown to takers on the result page:
- single choice: full points for the right answer, none otherwise;
- choose all that apply: points x (right picks - wrong picks) / number of right answers,
  never below zero, so guessing everything earns nothing;
- put in order: full points for exactly the right order, none otherwise.

When the quiz asks how sure the taker is, each result also carries the certainty and its
certainty-based marks (certainty_marking.py); the score and pass/fail stay as above.
"""

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .certainty_marking import cbm_average, cbm_mark
from .choices import Certainty, QuestionType

Snapshot = dict[str, Any]
Answers = dict[str, list[str]]
Certainties = dict[str, str]


class AnswerError(ValueError):
    """The answers do not fit the attempt's questions: nothing may be recorded."""


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    chosen: tuple[str, ...]
    awarded: Fraction
    points: int
    certainty: str | None = None

    @property
    def correct(self) -> bool:
        return self.awarded == self.points

    @property
    def cbm(self) -> Fraction | None:
        return cbm_mark(self.awarded / self.points, self.certainty) if self.certainty else None

    def as_json(self) -> dict[str, Any]:
        data = {
            "question_id": self.question_id,
            "chosen": list(self.chosen),
            "awarded": float(round(self.awarded, 2)),
            "points": self.points,
            "correct": self.correct,
        }
        if self.certainty:  # only attempts that asked: earlier records keep their exact shape
            data["certainty"] = self.certainty
            data["cbm"] = float(round(self.cbm, 2))
        return data


@dataclass(frozen=True)
class Score:
    score: Fraction
    max_score: int
    percent: int
    passed: bool
    questions: tuple[QuestionResult, ...]

    @property
    def cbm_average(self) -> Fraction | None:
        return cbm_average(result.as_json() for result in self.questions)


def question_score(question: dict[str, Any], chosen: list[str]) -> Fraction:
    """Points earned on one question of the snapshot."""
    points = Fraction(question["points"])
    kind = question["type"]
    if kind == QuestionType.ORDERING:
        return points if list(chosen) == list(question["correct_order"]) else Fraction(0)
    right = {option["id"] for option in question["choices"] if option["correct"]}
    picked = set(chosen)
    if kind == QuestionType.SINGLE:
        return points if picked == right else Fraction(0)
    earned = len(picked & right) - len(picked - right)
    return max(Fraction(0), points * Fraction(earned, len(right)))


def asks_certainty(snapshot: Snapshot) -> bool:
    return bool(snapshot.get("certainty"))


def check_certainties(snapshot: Snapshot, certainties: Certainties | None) -> None:
    """Refuse certainties the attempt did not ask for, for questions it was not given, or off the scale."""
    if not certainties:
        return
    if not asks_certainty(snapshot):
        raise AnswerError("this attempt does not ask how sure you are")
    unknown = set(certainties) - {question["id"] for question in snapshot["questions"]}
    if unknown:
        raise AnswerError(f"certainty for unknown question id(s): {', '.join(sorted(unknown))}")
    if set(certainties.values()) - set(Certainty.values):
        raise AnswerError("a certainty must be sure, fairly sure or guessing")


def check_answers(snapshot: Snapshot, answers: Answers) -> None:
    """Refuse answers naming questions or options the attempt was not given, or incomplete ones."""
    questions = {question["id"]: question for question in snapshot["questions"]}
    unknown = set(answers) - set(questions)
    if unknown:
        raise AnswerError(f"unknown question id(s): {', '.join(sorted(unknown))}")
    for question_id, question in questions.items():
        chosen = answers.get(question_id, [])
        valid = {option["id"] for option in question.get("choices") or question.get("steps")}
        if set(chosen) - valid:
            raise AnswerError(f"question {question_id}: unknown option id(s)")
        if len(set(chosen)) != len(chosen):
            raise AnswerError(f"question {question_id}: an option is given twice")
        if question["type"] == QuestionType.SINGLE and len(chosen) > 1:
            raise AnswerError(f"question {question_id}: only one answer may be chosen")
        if question["type"] == QuestionType.ORDERING and chosen and set(chosen) != valid:
            raise AnswerError(f"question {question_id}: every step must be placed once")


def missing_answers(snapshot: Snapshot, answers: Answers, certainties: Certainties | None = None) -> list[str]:
    """Ids of questions left unanswered (or without a certainty, where asked), in the order they were served."""
    ask = asks_certainty(snapshot) and certainties is not None
    return [
        question["id"]
        for question in snapshot["questions"]
        if not answers.get(question["id"]) or (ask and not certainties.get(question["id"]))
    ]


def score_attempt(snapshot: Snapshot, answers: Answers, certainties: Certainties | None = None) -> Score:
    """Score complete, checked answers against the snapshot taken when the attempt started."""
    check_answers(snapshot, answers)
    check_certainties(snapshot, certainties)
    results = tuple(
        QuestionResult(
            question_id=question["id"],
            chosen=tuple(answers.get(question["id"], [])),
            awarded=question_score(question, answers.get(question["id"], [])),
            points=question["points"],
            certainty=(certainties or {}).get(question["id"]),
        )
        for question in snapshot["questions"]
    )
    total = sum((result.awarded for result in results), Fraction(0))
    max_score = sum(result.points for result in results)
    percent = int(total * 100 / max_score) if max_score else 0
    return Score(
        score=total,
        max_score=max_score,
        percent=percent,
        passed=percent >= snapshot["pass_mark"],
        questions=results,
    )
