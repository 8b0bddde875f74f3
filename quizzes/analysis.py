"""Which questions people get wrong: the evidence editors use to improve the policy and the quiz."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from .certainty_marking import is_confidently_wrong
from .drawing import question_data
from .item_statistics import confidently_wrong_share, discrimination_index, facility
from .models import QuizAttempt, QuizPage

ORDER_ARROW = " → "


@dataclass(frozen=True)
class QuestionStats:
    quiz_title: str
    question_id: str
    prompt: str
    policy_section: str
    policy_heading: str
    policy_url: str
    answered: int
    right: int
    discrimination: float | None
    most_chosen_wrong: str
    most_chosen_wrong_count: int
    with_certainty: int = 0
    confidently_wrong: int = 0

    @property
    def share_right(self) -> int | None:
        """Percentage answering right (the facility index), None before anyone has answered."""
        return facility(self.answered, self.right)

    @property
    def confidently_wrong_share(self) -> int | None:
        """Percentage of answers given with a certainty that were sure and wrong."""
        return confidently_wrong_share(self.with_certainty, self.confidently_wrong)


def _answer_text(question: dict, key: str) -> str:
    """An option's text, or an order of steps as their texts joined by arrows."""
    texts = {item["id"]: item["text"] for item in question.get("choices", []) + question.get("steps", [])}
    if "correct_order" in question:
        return ORDER_ARROW.join(texts.get(step, "?") for step in key.split(ORDER_ARROW))
    return texts.get(key, "")


def question_analysis(quiz: QuizPage) -> list[QuestionStats]:
    """Per question of the quiz (grouped by id across languages and revisions), hardest first.

    Reads every submitted attempt's snapshot and results, so questions since removed
    from the bank still show, under the text they were served with.
    """
    source = quiz.source_page
    texts: dict[str, dict] = {block.id: question_data(block) for block in source.question_bank}
    served_order: list[str] = list(texts)
    answered: Counter = Counter()
    right: Counter = Counter()
    wrong_picks: dict[str, Counter] = defaultdict(Counter)
    scored: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    with_certainty: Counter = Counter()
    confidently_wrong: Counter = Counter()
    attempts = QuizAttempt.objects.submitted().full().filter(quiz=source).values_list("snapshot", "results", "percent")
    for snapshot, results, percent in attempts:
        served = {question["id"]: question for question in snapshot["questions"]}
        for question_id, question in served.items():
            if question_id not in texts:
                texts[question_id] = question
                served_order.append(question_id)
        for result in results:
            question_id = result["question_id"]
            answered[question_id] += 1
            scored[question_id].append((percent or 0, result["correct"]))
            if "certainty" in result:
                with_certainty[question_id] += 1
                confidently_wrong[question_id] += is_confidently_wrong(result)
            if result["correct"]:
                right[question_id] += 1
                continue
            question = served.get(question_id, {})
            if "correct_order" in question:  # a wrong order counts as one answer: the whole order given
                wrong_picks[question_id][ORDER_ARROW.join(result["chosen"])] += 1
                continue
            correct = {option["id"] for option in question.get("choices", []) if option["correct"]}
            for option_id in result["chosen"]:
                if option_id not in correct:
                    wrong_picks[question_id][option_id] += 1
    policy = source.policy.specific if source.policy_id else None
    headings = dict(policy.section_anchors()) if policy else {}
    policy_url = policy.url if policy else ""
    stats = []
    for question_id in served_order:
        question = texts[question_id]
        top = wrong_picks[question_id].most_common(1)
        section = question.get("policy_section", "")
        stats.append(
            QuestionStats(
                quiz_title=source.title,
                question_id=question_id,
                prompt=question["prompt"],
                policy_section=section,
                policy_heading=headings.get(section, section),
                policy_url=f"{policy_url}#{section}" if policy_url and section else "",
                answered=answered[question_id],
                right=right[question_id],
                discrimination=discrimination_index(scored[question_id]),
                most_chosen_wrong=_answer_text(question, top[0][0]) if top else "",
                most_chosen_wrong_count=top[0][1] if top else 0,
                with_certainty=with_certainty[question_id],
                confidently_wrong=confidently_wrong[question_id],
            )
        )
    return sorted(
        stats, key=lambda row: (row.share_right is None, row.share_right if row.share_right is not None else 0)
    )
