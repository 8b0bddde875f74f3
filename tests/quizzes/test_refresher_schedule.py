"""The refresher schedule as pure functions: due dates, late answers, retirement, which questions come back."""

import datetime
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.refresher_schedule import (
    DEFAULT_DAYS,
    is_retired,
    parse_days,
    questions_to_refresh,
    refresher_due_on,
    scheduled_on,
)

QUIZ_DAY = datetime.date(2026, 3, 1)


def day(offset: int) -> datetime.date:
    return QUIZ_DAY + datetime.timedelta(days=offset)


def test_refreshers_answered_on_time_fall_due_2_7_and_21_days_after_the_quiz():
    assert refresher_due_on(seen_on=QUIZ_DAY) == day(2)
    assert refresher_due_on(seen_on=QUIZ_DAY, answer_count=1, last_answered_on=day(2)) == day(7)
    assert refresher_due_on(seen_on=QUIZ_DAY, answer_count=2, last_answered_on=day(7)) == day(21)


def test_after_the_last_day_a_refresher_keeps_coming_back_at_the_last_gap():
    assert refresher_due_on(seen_on=QUIZ_DAY, answer_count=3, last_answered_on=day(21)) == day(35)
    assert scheduled_on(seen_on=QUIZ_DAY, number=4) == day(49)


def test_a_late_answer_pushes_the_next_refresher_back_by_the_gap():
    # Answered on day 6 instead of 2: the next comes 5 days later, not on day 7.
    assert refresher_due_on(seen_on=QUIZ_DAY, answer_count=1, last_answered_on=day(6)) == day(11)


def test_the_days_come_from_settings_and_one_day_alone_repeats():
    assert refresher_due_on(seen_on=QUIZ_DAY, days=(1, 3)) == day(1)
    assert refresher_due_on(seen_on=QUIZ_DAY, answer_count=1, last_answered_on=day(1), days=(1, 3)) == day(3)
    assert refresher_due_on(seen_on=QUIZ_DAY, answer_count=2, last_answered_on=day(3), days=(4,)) == day(12)


@pytest.mark.parametrize("days", [[], ["0", "3"], ["5", "2"], ["3", "3"], ["two"]])
def test_refresher_days_must_be_positive_and_increasing(days):
    with pytest.raises(ValueError):
        parse_days(days)


def test_refresher_days_are_read_from_text():
    assert parse_days(["2", "7", "21"]) == DEFAULT_DAYS


def test_a_refresher_retires_when_answered_right_twice():
    assert [is_retired(count) for count in range(4)] == [False, False, True, True]


def test_missed_questions_come_back_with_one_right_one_as_a_sample():
    results = [
        {"question_id": "a", "correct": True},
        {"question_id": "b", "correct": False},
        {"question_id": "c", "correct": True},
        {"question_id": "d", "correct": False},
    ]
    chosen = questions_to_refresh(results, rng=random.Random(3))
    assert chosen[:2] == ["b", "d"]
    assert len(chosen) == 3 and chosen[2] in {"a", "c"}


def test_nothing_comes_back_from_an_attempt_without_questions():
    assert questions_to_refresh([], rng=random.Random(1)) == []


@given(
    days=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=5, unique=True).map(sorted),
    lateness=st.lists(st.integers(min_value=0, max_value=30), max_size=8),
)
def test_every_refresher_falls_due_after_the_one_before_and_no_sooner_than_planned(days, lateness):
    days = tuple(days)
    due = refresher_due_on(seen_on=QUIZ_DAY, days=days)
    assert due == day(days[0])
    for count, late in enumerate(lateness, start=1):
        answered = due + datetime.timedelta(days=late)
        following = refresher_due_on(seen_on=QUIZ_DAY, answer_count=count, last_answered_on=answered, days=days)
        assert following > answered
        assert following >= scheduled_on(seen_on=QUIZ_DAY, number=count, days=days)
        due = following


@given(
    outcomes=st.lists(st.booleans(), max_size=20),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_every_missed_question_comes_back_and_at_most_one_right_one(outcomes, seed):
    results = [{"question_id": str(index), "correct": right} for index, right in enumerate(outcomes)]
    chosen = questions_to_refresh(results, rng=random.Random(seed))
    missed = [str(index) for index, right in enumerate(outcomes) if not right]
    assert chosen[: len(missed)] == missed
    assert len(chosen) - len(missed) == min(1, len(outcomes) - len(missed))
    assert len(set(chosen)) == len(chosen)
