"""Clause insight for the annual review: per section, how often its questions are missed, and readers' questions.

Answers come from the apps that ask questions on a policy (quizzes, and any later source), each
registered with the Wagtail hook `clause_answer_sources`: a function of the source policy page
returning a `ClauseSource`. The aggregation is one plain function over answer records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from wagtail import hooks

from .models import PolicyPage
from .reader_questions import ReaderQuestion

__all__ = [
    "CLAUSE_SOURCES_HOOK",
    "AnswerRecord",
    "ClauseRow",
    "ClauseSource",
    "ClauseTally",
    "clause_rows",
    "miss_rates",
]

CLAUSE_SOURCES_HOOK = "clause_answer_sources"


@dataclass(frozen=True)
class AnswerRecord:
    """One answer to a question linked to a policy section: right or not."""

    section: str
    correct: bool


@dataclass(frozen=True)
class ClauseSource:
    """What one source knows of a policy: questions linked per section, and the answers given to them."""

    questions: Counter = field(default_factory=Counter)
    answers: Iterable[AnswerRecord] = ()


@dataclass(frozen=True)
class ClauseTally:
    answers: int = 0
    missed: int = 0

    @property
    def miss_rate(self) -> int | None:
        """Percentage of answers that were not right; None before anyone answered."""
        return round(100 * self.missed / self.answers) if self.answers else None


def miss_rates(answers: Iterable[AnswerRecord]) -> dict[str, ClauseTally]:
    """Answers and misses per section, over any answer records."""
    given: Counter = Counter()
    missed: Counter = Counter()
    for answer in answers:
        given[answer.section] += 1
        missed[answer.section] += not answer.correct
    return {section: ClauseTally(given[section], missed[section]) for section in given}


@dataclass(frozen=True)
class ClauseRow:
    anchor: str
    heading: str
    questions: int
    tally: ClauseTally
    open_questions: list[ReaderQuestion]


def clause_rows(policy: PolicyPage) -> list[ClauseRow]:
    """One row per section of the live policy, in reading order (1 query for readers' questions, plus the sources')."""
    questions: Counter = Counter()
    answers: list[AnswerRecord] = []
    for source in hooks.get_hooks(CLAUSE_SOURCES_HOOK):
        found = source(policy)
        questions.update(found.questions)
        answers.extend(found.answers)
    tallies = miss_rates(answers)
    asked: dict[str, list[ReaderQuestion]] = {}
    for question in ReaderQuestion.objects.open().filter(policy=policy).order_by("asked_at"):
        asked.setdefault(question.section, []).append(question)
    return [
        ClauseRow(anchor, heading, questions[anchor], tallies.get(anchor, ClauseTally()), asked.get(anchor, []))
        for anchor, heading in policy.section_anchors()
    ]
