"""Which questions people get wrong: the evidence editors use to improve the policy and the quiz."""

from collections import Counter
from dataclasses import dataclass

from .drawing import question_data
from .models import QuizAttempt, QuizPage


@dataclass(frozen=True)
class QuestionStats:
    quiz_title: str
    question_id: str
    prompt: str
    policy_section: str
    answered: int
    right: int
    most_chosen_wrong: str
    most_chosen_wrong_count: int

    @property
    def share_right(self) -> int | None:
        """Percentage answering right, None before anyone has answered."""
        return round(100 * self.right / self.answered) if self.answered else None


def question_analysis(quiz: QuizPage) -> list[QuestionStats]:
    """Per question of the quiz (grouped by id across languages and revisions), hardest first.

    Reads every submitted attempt's snapshot and results, so questions since removed
    from the bank still show, under the text they were served with.
    """
    source = quiz.source_page
    texts: dict[str, dict] = {block.id: question_data(block) for block in source.question_bank}
    answered: Counter = Counter()
    right: Counter = Counter()
    wrong_picks: dict[str, Counter] = {}
    served_order: list[str] = list(texts)
    for snapshot, results in QuizAttempt.objects.submitted().filter(quiz=source).values_list("snapshot", "results"):
        served = {question["id"]: question for question in snapshot["questions"]}
        for question_id, question in served.items():
            if question_id not in texts:
                texts[question_id] = question
                served_order.append(question_id)
        for result in results:
            question_id = result["question_id"]
            answered[question_id] += 1
            if result["correct"]:
                right[question_id] += 1
                continue
            question = served.get(question_id, {})
            correct = {option["id"] for option in question.get("choices", []) if option["correct"]}
            picks = wrong_picks.setdefault(question_id, Counter())
            for option_id in result["chosen"]:
                if option_id not in correct and question.get("choices"):
                    picks[option_id] += 1
    stats = []
    for question_id in served_order:
        question = texts[question_id]
        options = {option["id"]: option["text"] for option in question.get("choices", [])}
        top = wrong_picks.get(question_id, Counter()).most_common(1)
        stats.append(
            QuestionStats(
                quiz_title=source.title,
                question_id=question_id,
                prompt=question["prompt"],
                policy_section=question.get("policy_section", ""),
                answered=answered[question_id],
                right=right[question_id],
                most_chosen_wrong=options.get(top[0][0], "") if top else "",
                most_chosen_wrong_count=top[0][1] if top else 0,
            )
        )
    return sorted(
        stats, key=lambda row: (row.share_right is None, row.share_right if row.share_right is not None else 0)
    )
