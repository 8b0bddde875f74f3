"""Certainty-based marking as pure functions: Moodle's scale, partial answers, the CBM average."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.certainty_marking import cbm_average, cbm_mark, is_confidently_wrong
from quizzes.choices import Certainty
from quizzes.scoring import AnswerError, check_certainties, missing_answers, score_attempt

SNAPSHOT = {
    "pass_mark": 50,
    "certainty": True,
    "questions": [
        {
            "id": "a",
            "type": "single_choice",
            "points": 1,
            "choices": [{"id": "r", "correct": True}, {"id": "w", "correct": False}],
        },
        {
            "id": "b",
            "type": "single_choice",
            "points": 2,
            "choices": [{"id": "r", "correct": True}, {"id": "w", "correct": False}],
        },
    ],
}


@pytest.mark.parametrize(
    ("certainty", "right", "wrong"),
    [(Certainty.LOW, 1, 0), (Certainty.MEDIUM, 2, -2), (Certainty.HIGH, 3, -6)],
)
def test_the_scale_is_moodles_right_1_2_3_and_wrong_0_minus_2_minus_6(certainty, right, wrong):
    assert cbm_mark(Fraction(1), certainty) == right
    assert cbm_mark(Fraction(0), certainty) == wrong


def test_a_partly_right_answer_earns_the_right_marks_times_its_share():
    assert cbm_mark(Fraction(1, 2), Certainty.HIGH) == Fraction(3, 2)


def test_the_pass_mark_uses_the_plain_score_and_the_cbm_average_is_reported_beside_it():
    score = score_attempt(SNAPSHOT, {"a": ["r"], "b": ["w"]}, {"a": Certainty.LOW, "b": Certainty.HIGH})
    assert (score.percent, score.passed) == (33, False)
    # (1 point x 1 mark + 2 points x -6 marks) / 3 points
    assert score.cbm_average == Fraction(-11, 3)
    results = [result.as_json() for result in score.questions]
    assert [(r["certainty"], r["cbm"]) for r in results] == [("low", 1.0), ("high", -6.0)]
    assert [is_confidently_wrong(r) for r in results] == [False, True]


def test_results_of_a_quiz_that_does_not_ask_keep_their_former_shape():
    plain = {**SNAPSHOT, "certainty": False}
    result = score_attempt(plain, {"a": ["r"], "b": ["r"]}).questions[0].as_json()
    assert set(result) == {"question_id", "chosen", "awarded", "points", "correct"}
    assert score_attempt(plain, {"a": ["r"], "b": ["r"]}).cbm_average is None


def test_a_question_without_a_certainty_counts_as_unanswered_where_asked():
    assert missing_answers(SNAPSHOT, {"a": ["r"], "b": ["r"]}, {"a": "high"}) == ["b"]


@pytest.mark.parametrize(
    ("snapshot", "certainties"),
    [
        (SNAPSHOT, {"a": "certain"}),
        (SNAPSHOT, {"zzz": "high"}),
        ({**SNAPSHOT, "certainty": False}, {"a": "high"}),
    ],
)
def test_certainties_off_the_scale_for_unknown_questions_or_not_asked_for_are_refused(snapshot, certainties):
    with pytest.raises(AnswerError):
        check_certainties(snapshot, certainties)


@given(
    answers=st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=10),
            st.fractions(min_value=0, max_value=1),
            st.sampled_from(list(Certainty)),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_the_cbm_average_stays_between_minus_6_and_3_and_sure_and_right_is_the_best(answers):
    results = [
        {"points": points, "cbm": float(cbm_mark(fraction, certainty))} for points, fraction, certainty in answers
    ]
    average = cbm_average(results)
    assert Fraction(-6) <= average <= Fraction(3)
    for _points, fraction, certainty in answers:
        assert cbm_mark(fraction, certainty) <= cbm_mark(Fraction(1), Certainty.HIGH)
        if fraction > 0:
            assert cbm_mark(fraction, certainty) > 0
