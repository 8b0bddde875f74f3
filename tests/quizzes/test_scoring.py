from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.choices import QuestionType
from quizzes.scoring import AnswerError, check_answers, question_score, score_attempt


def choice_question(qid, kind, correct_flags, points=2):
    return {
        "id": qid,
        "type": kind,
        "points": points,
        "choices": [
            {"id": f"{qid}-{i}", "correct": flag, "text": "", "feedback": ""} for i, flag in enumerate(correct_flags)
        ],
    }


def ordering_question(qid, steps, points=2):
    ids = [f"{qid}-s{i}" for i in range(steps)]
    return {
        "id": qid,
        "type": QuestionType.ORDERING,
        "points": points,
        "steps": [{"id": i, "text": ""} for i in ids],
        "correct_order": ids,
    }


def test_single_choice_scores_all_or_nothing():
    question = choice_question("q", QuestionType.SINGLE, [False, True, False])
    assert question_score(question, ["q-1"]) == 2
    assert question_score(question, ["q-0"]) == 0


def test_multiple_response_gives_credit_per_right_pick_minus_wrong_picks():
    question = choice_question("q", QuestionType.MULTIPLE, [True, True, False, False], points=2)
    assert question_score(question, ["q-0", "q-1"]) == 2
    assert question_score(question, ["q-0"]) == 1
    assert question_score(question, ["q-0", "q-2"]) == 0
    assert question_score(question, ["q-0", "q-1", "q-2", "q-3"]) == 0, "ticking everything earns nothing"


def test_ordering_scores_only_the_exact_order():
    question = ordering_question("q", 4)
    assert question_score(question, question["correct_order"]) == 2
    swapped = list(question["correct_order"])
    swapped[0], swapped[1] = swapped[1], swapped[0]
    assert question_score(question, swapped) == 0


def test_pass_mark_is_inclusive():
    snapshot = {
        "pass_mark": 50,
        "questions": [
            choice_question("a", QuestionType.SINGLE, [True, False], points=1),
            choice_question("b", QuestionType.SINGLE, [True, False], points=1),
        ],
    }
    result = score_attempt(snapshot, {"a": ["a-0"], "b": ["b-1"]})
    assert (result.percent, result.passed) == (50, True)


@pytest.mark.parametrize(
    "answers",
    [{"zzz": ["a-0"]}, {"a": ["b-0"]}, {"a": ["a-0", "a-0"]}, {"a": ["a-0", "a-1"]}],
    ids=["unknown question", "option of another question", "option twice", "two answers to single choice"],
)
def test_answers_that_do_not_fit_the_snapshot_are_refused(answers):
    snapshot = {
        "pass_mark": 50,
        "questions": [
            choice_question("a", QuestionType.SINGLE, [True, False]),
            choice_question("b", QuestionType.SINGLE, [True, False]),
        ],
    }
    with pytest.raises(AnswerError):
        check_answers(snapshot, answers)


@st.composite
def snapshots_and_answers(draw):
    questions, answers = [], {}
    for index in range(draw(st.integers(min_value=1, max_value=6))):
        qid = f"q{index}"
        kind = draw(st.sampled_from([QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.ORDERING]))
        points = draw(st.integers(min_value=1, max_value=10))
        if kind == QuestionType.ORDERING:
            question = ordering_question(qid, draw(st.integers(min_value=2, max_value=6)), points)
            answers[qid] = draw(st.permutations(question["correct_order"]))
        else:
            size = draw(st.integers(min_value=2, max_value=6))
            if kind == QuestionType.SINGLE:
                right = draw(st.integers(min_value=0, max_value=size - 1))
                flags = [i == right for i in range(size)]
            else:
                flags = draw(st.lists(st.booleans(), min_size=size, max_size=size).filter(any))
            question = choice_question(qid, kind, flags, points)
            ids = [option["id"] for option in question["choices"]]
            if kind == QuestionType.SINGLE:
                answers[qid] = [draw(st.sampled_from(ids))]
            else:
                answers[qid] = draw(st.lists(st.sampled_from(ids), unique=True, min_size=1))
        questions.append(question)
    return {"pass_mark": draw(st.integers(min_value=1, max_value=100)), "questions": questions}, answers


@given(snapshots_and_answers())
def test_score_stays_between_zero_and_the_maximum(case):
    snapshot, answers = case
    result = score_attempt(snapshot, answers)
    assert 0 <= result.score <= result.max_score
    assert 0 <= result.percent <= 100
    assert result.passed == (result.percent >= snapshot["pass_mark"])


@given(snapshots_and_answers(), st.randoms())
def test_order_of_picks_does_not_matter_for_choice_questions(case, rnd):
    snapshot, answers = case
    shuffled = {}
    for question in snapshot["questions"]:
        picks = list(answers[question["id"]])
        if question["type"] != QuestionType.ORDERING:
            rnd.shuffle(picks)
        shuffled[question["id"]] = picks
    assert score_attempt(snapshot, shuffled).score == score_attempt(snapshot, answers).score


@given(st.integers(min_value=2, max_value=7), st.randoms())
def test_ordering_earns_points_only_for_the_exact_order(steps, rnd):
    question = ordering_question("q", steps)
    order = list(question["correct_order"])
    rnd.shuffle(order)
    expected = Fraction(2) if order == question["correct_order"] else Fraction(0)
    assert question_score(question, order) == expected


@given(snapshots_and_answers())
def test_all_right_answers_score_full_marks(case):
    snapshot, _ = case
    right = {}
    for question in snapshot["questions"]:
        if question["type"] == QuestionType.ORDERING:
            right[question["id"]] = question["correct_order"]
        else:
            right[question["id"]] = [option["id"] for option in question["choices"] if option["correct"]]
    result = score_attempt(snapshot, right)
    assert (result.score, result.percent, result.passed) == (result.max_score, 100, True)
