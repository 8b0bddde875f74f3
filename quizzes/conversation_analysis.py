"""Where people go at each step of a conversation, where they lose the customer, and the commonest wrong turn."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch

from .choices import Outcome
from .conversation_graph import graph_data
from .models import ConversationAttempt, ConversationPage, ConversationTurn

__all__ = ["StepStats", "step_analysis"]


@dataclass(frozen=True)
class StepStats:
    conversation_title: str
    step_id: str
    step_key: str
    customer_says: str
    reached: int
    choices: tuple[tuple[str, int], ...]  # (reply, times chosen), most chosen first, then in the step's order
    lost_here: int
    most_common_wrong: str
    most_common_wrong_count: int
    wrong_policy_section: str

    @property
    def share_lost(self) -> int | None:
        """Percentage of those who reached the step whose reply here lost the customer."""
        return round(100 * self.lost_here / self.reached) if self.reached else None

    @property
    def where_people_go(self) -> str:
        return "; ".join(f"{text}: {count}" for text, count in self.choices)


def step_analysis(conversation: ConversationPage) -> list[StepStats]:
    """Per step (grouped by id across languages and revisions), in the order of the current draft.

    A wrong turn is a reply scoring less than the best reply of its step. Steps since removed still show,
    under the text they were served with. Two queries, however many attempts.
    """
    source = conversation.source_page
    current = graph_data(source.steps)
    steps: dict[str, dict] = dict(current["steps"])
    reached: Counter = Counter()
    chosen: dict[str, Counter] = {}
    lost: Counter = Counter()
    wrong: dict[str, Counter] = {}
    attempts = (
        ConversationAttempt.objects.submitted()
        .filter(conversation=source)
        .prefetch_related(Prefetch("turns", queryset=ConversationTurn.objects.order_by("number")))
    )
    for attempt in attempts:
        served = attempt.snapshot
        for turn in attempt.turns.all():
            step = served["steps"].get(turn.step_id)
            if step is None:
                continue
            steps.setdefault(turn.step_id, step)
            option = next((o for o in step["options"] if o["id"] == turn.option_id), None)
            if option is None:
                continue
            reached[turn.step_id] += 1
            chosen.setdefault(turn.step_id, Counter())[turn.option_id] += 1
            if served["endings"].get(option["target"], {}).get("outcome") == Outcome.LOST:
                lost[turn.step_id] += 1
            if option["score"] < max(o["score"] for o in step["options"]):
                wrong.setdefault(turn.step_id, Counter())[turn.option_id] += 1
    rows = []
    for step_id, step in steps.items():
        options = {option["id"]: option for option in step["options"]}
        order = {option_id: index for index, option_id in enumerate(options)}
        top = wrong.get(step_id, Counter()).most_common(1)
        wrong_option = options.get(top[0][0], {}) if top else {}
        rows.append(
            StepStats(
                conversation_title=source.title,
                step_id=step_id,
                step_key=step["key"],
                customer_says=step["customer_says"] or source.opening_message,
                reached=reached[step_id],
                choices=tuple(
                    (options[option_id]["text"] if option_id in options else option_id, count)
                    for option_id, count in sorted(
                        chosen.get(step_id, Counter()).items(), key=lambda item: (-item[1], order.get(item[0], 0))
                    )
                ),
                lost_here=lost[step_id],
                most_common_wrong=wrong_option.get("text", ""),
                most_common_wrong_count=top[0][1] if top else 0,
                wrong_policy_section=wrong_option.get("policy_section", ""),
            )
        )
    return rows
