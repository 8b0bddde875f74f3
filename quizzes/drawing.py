"""Drawing an attempt's questions: the snapshot that scoring and the result page read forever after."""

import random
from typing import Any

from .choices import QuestionType


def question_data(block) -> dict[str, Any]:
    """One question of the bank as plain data, with stable ids for the question and each option."""
    value = block.value
    data = {
        "id": block.id,
        "type": block.block_type,
        "channel": value["channel"],
        "customer_says": value["customer_says"],
        "situation": value["situation"],
        "prompt": value["prompt"],
        "explanation": value["explanation"],
        "points": value["points"] or 1,
        "policy_section": value["policy_section"] or "",
    }
    if block.block_type == QuestionType.ORDERING:
        steps = [{"id": item.id, "text": item.value["text"]} for item in value["steps"].bound_blocks]
        data["steps"] = steps
        data["correct_order"] = [step["id"] for step in steps]
    else:
        data["choices"] = [
            {
                "id": item.id,
                "text": item.value["text"],
                "correct": bool(item.value["correct"]),
                "feedback": item.value["feedback"],
            }
            for item in value["choices"].bound_blocks
        ]
    return data


def draw_snapshot(
    bank: list[dict[str, Any]],
    *,
    count: int,
    pass_mark: int,
    shuffle_questions: bool,
    shuffle_choices: bool,
    policy_url: str,
    rng: random.Random,
    certainty: bool = False,
) -> dict[str, Any]:
    """Pick `count` questions (all when 0) and fix their order and their options' order.

    `certainty`: each question asks how sure the taker is (certainty-based marking).
    """
    questions = [dict(question) for question in bank]
    if shuffle_questions:
        rng.shuffle(questions)
    if count and count < len(questions):
        if shuffle_questions:
            questions = questions[:count]
        else:
            keep = sorted(rng.sample(range(len(questions)), count))
            questions = [questions[index] for index in keep]
    for question in questions:
        if question["type"] == QuestionType.ORDERING:
            steps = list(question["steps"])
            # Ordering is shuffled whatever the setting: served in order, it answers itself.
            while len(steps) > 1 and [s["id"] for s in steps] == question["correct_order"]:
                rng.shuffle(steps)
            question["steps"] = steps
        elif shuffle_choices:
            choices = list(question["choices"])
            rng.shuffle(choices)
            question["choices"] = choices
    snapshot = {"questions": questions, "pass_mark": pass_mark, "policy_url": policy_url}
    if certainty:  # only when asked: snapshots of quizzes without it keep their shape
        snapshot["certainty"] = True
    return snapshot
