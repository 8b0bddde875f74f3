"""When a refresher question comes back, and when it retires: pure functions of dates and counts.

A question a person got wrong in a quiz, and a sample of the ones they got right, come back as
refreshers. With the default days (2, 7, 21) a refresher falls due 2, 7 and 21 days after the quiz;
a refresher answered late pushes the next one back, so the gap between two refreshers is never
shorter than the gap between their days (5, then 14). After the last day it keeps coming back at
the last gap until it is answered right twice, when it retires. Refreshers are practice: they never
change a quiz's score.
"""

import datetime
import random
from collections.abc import Sequence
from typing import Any

__all__ = [
    "AT_A_TIME",
    "DEFAULT_DAYS",
    "RIGHT_TO_RETIRE",
    "is_retired",
    "parse_days",
    "questions_to_refresh",
    "refresher_due_on",
    "scheduled_on",
]

DEFAULT_DAYS = (2, 7, 21)
RIGHT_TO_RETIRE = 2
# Shown on the dashboard and in the reminder e-mail at a time.
AT_A_TIME = 2


def parse_days(days: Sequence[int | str]) -> tuple[int, ...]:
    """Days after the quiz, as given in settings: positive and increasing, or ValueError."""
    parsed = tuple(int(day) for day in days)
    if not parsed:
        raise ValueError("at least one refresher day is needed")
    if parsed[0] < 1 or any(later <= earlier for earlier, later in zip(parsed, parsed[1:], strict=False)):
        raise ValueError(f"refresher days must be positive and increasing, not {parsed}")
    return parsed


def _last_gap(days: tuple[int, ...]) -> int:
    return days[-1] - days[-2] if len(days) > 1 else days[0]


def scheduled_on(*, seen_on: datetime.date, number: int, days: Sequence[int] = DEFAULT_DAYS) -> datetime.date:
    """The day the refresher numbered `number` (0 first) is planned, counted from the quiz."""
    days = tuple(days)
    if number < len(days):
        offset = days[number]
    else:
        offset = days[-1] + (number - len(days) + 1) * _last_gap(days)
    return seen_on + datetime.timedelta(days=offset)


def refresher_due_on(
    *,
    seen_on: datetime.date,
    answer_count: int = 0,
    last_answered_on: datetime.date | None = None,
    days: Sequence[int] = DEFAULT_DAYS,
) -> datetime.date:
    """When the next refresher of a question is due, after `answer_count` earlier ones, the last answered then."""
    planned = scheduled_on(seen_on=seen_on, number=answer_count, days=days)
    if not answer_count or last_answered_on is None:
        return planned
    gap = planned - scheduled_on(seen_on=seen_on, number=answer_count - 1, days=days)
    return max(planned, last_answered_on + gap)


def is_retired(right_count: int) -> bool:
    """A refresher answered right twice does not come back."""
    return right_count >= RIGHT_TO_RETIRE


def questions_to_refresh(results: Sequence[dict[str, Any]], *, rng: random.Random, right_sample: int = 1) -> list[str]:
    """Ids of the questions of a submitted attempt to bring back: every one not fully right, and a sample of the rest."""
    wrong = [result["question_id"] for result in results if not result["correct"]]
    right = [result["question_id"] for result in results if result["correct"]]
    sample = set(rng.sample(right, min(right_sample, len(right))))
    return wrong + [question_id for question_id in right if question_id in sample]
