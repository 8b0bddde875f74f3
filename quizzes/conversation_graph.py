"""A conversation as a graph of steps and endings: reading it from the page, checking it, its best path.

The rules are plain functions over the graph as data (the same data an attempt keeps as its snapshot):
``{"start": id, "steps": {id: step}, "endings": {id: ending}}``, where each step's options name the
node they lead to by ``target`` (a step or ending id, or "" when their key matches nothing).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.utils.translation import gettext as _

Graph = dict[str, Any]

__all__ = ["Graph", "best_path", "graph_data", "graph_problems", "longest_path", "node"]


def graph_data(stream) -> Graph:
    """The steps and endings of a StreamField value as plain data, with their block ids."""
    stream.get_prep_value()  # gives blocks added since the last save their ids
    steps: dict[str, dict] = {}
    endings: dict[str, dict] = {}
    order: list[str] = []
    ids_by_key: dict[str, str] = {}
    for block in stream:
        value = block.value
        key = value["key"]
        ids_by_key.setdefault(key, block.id)
        order.append(block.id)
        if block.block_type == "step":
            steps[block.id] = {
                "id": block.id,
                "key": key,
                "customer_says": value["customer_says"],
                "tone": value["tone"],
                "options": [
                    {
                        "id": item.id,
                        "text": item.value["text"],
                        "leads_to": item.value["leads_to"],
                        "feedback": item.value["feedback"],
                        "score": item.value["score"] or 0,
                        "policy_section": item.value["policy_section"] or "",
                    }
                    for item in value["options"].bound_blocks
                ],
            }
        else:
            endings[block.id] = {
                "id": block.id,
                "key": key,
                "outcome": value["outcome"],
                "customer_says": value["customer_says"],
                "explanation": value["explanation"],
            }
    for step in steps.values():
        for option in step["options"]:
            option["target"] = ids_by_key.get(option["leads_to"], "")
    return {"start": next(iter(steps), ""), "order": order, "steps": steps, "endings": endings}


def node(graph: Graph, node_id: str) -> dict | None:
    return graph["steps"].get(node_id) or graph["endings"].get(node_id)


def _cycle(graph: Graph) -> list[str]:
    """The keys of one loop among the steps, empty when there is none."""
    state: dict[str, int] = {}
    trail: list[str] = []

    def visit(step_id: str) -> list[str]:
        state[step_id] = 1
        trail.append(step_id)
        for option in graph["steps"][step_id]["options"]:
            target = option["target"]
            if target not in graph["steps"]:
                continue
            if state.get(target) == 1:
                loop = trail[trail.index(target) :] + [target]
                return [graph["steps"][s]["key"] for s in loop]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        trail.pop()
        state[step_id] = 2
        return []

    for step_id in graph["steps"]:
        if step_id not in state:
            found = visit(step_id)
            if found:
                return found
    return []


def longest_path(graph: Graph) -> int:
    """The most replies any path from the start can take (the graph must have no loop)."""

    @cache
    def length(step_id: str) -> int:
        targets = [o["target"] for o in graph["steps"][step_id]["options"] if o["target"] in graph["steps"]]
        return 1 + max((length(target) for target in targets), default=0)

    return length(graph["start"]) if graph["start"] else 0


def best_path(graph: Graph, *, start: str | None = None) -> tuple[int, list[tuple[str, str]]]:
    """The highest score a path can earn from `start` (the first step by default), and that path.

    The path is a list of (step id, option id); on equal scores the shorter path, then the earlier option, wins.
    """

    @cache
    def best(step_id: str) -> tuple[int, int, tuple[tuple[str, str], ...]]:
        choices = []
        for option in graph["steps"][step_id]["options"]:
            target = option["target"]
            if target in graph["steps"]:
                score, length, rest = best(target)
            else:
                score, length, rest = 0, 0, ()
            choices.append((option["score"] + score, -(length + 1), ((step_id, option["id"]),) + rest))
        top = max(choices, key=lambda choice: (choice[0], choice[1]))
        return top[0], -top[1], top[2]

    begin = start or graph["start"]
    if not begin or begin not in graph["steps"]:
        return 0, []
    score, _length, path = best(begin)
    return score, list(path)


def graph_problems(graph: Graph, *, max_length: int) -> list[str]:
    """What stops the conversation from being taken, in words an editor acts on; empty when it is sound."""
    problems: list[str] = []
    steps, endings = graph["steps"], graph["endings"]
    if not steps:
        problems.append(_("Add at least one step: the first step is where the conversation starts."))
    if not endings:
        problems.append(_("Add at least one ending."))
    keys: dict[str, int] = {}
    for node_id in graph["order"]:
        key = node(graph, node_id)["key"]
        keys[key] = keys.get(key, 0) + 1
    for key, count in keys.items():
        if count > 1:
            problems.append(
                _("The key “%(key)s” is used %(count)s times; each step and ending needs its own.")
                % {
                    "key": key,
                    "count": count,
                }
            )
    for step_id, step in steps.items():
        if step_id != graph["start"] and not step["customer_says"].strip():
            problems.append(_("Step “%(key)s” needs what the customer says or does.") % {"key": step["key"]})
        for option in step["options"]:
            if not option["target"]:
                problems.append(
                    _("A reply in step “%(key)s” leads to “%(target)s”, which is no step or ending.")
                    % {"key": step["key"], "target": option["leads_to"]}
                )
            elif option["target"] == graph["start"]:
                problems.append(_("A reply in step “%(key)s” leads back to the first step.") % {"key": step["key"]})
    if problems or not steps:
        return problems
    loop = _cycle(graph)
    if loop:
        return [
            _("These steps lead round in a circle, so the conversation might never end: %(steps)s.")
            % {"steps": " → ".join(loop)}
        ]
    reached = {graph["start"]}
    frontier = [graph["start"]]
    while frontier:
        current = frontier.pop()
        for option in steps.get(current, {}).get("options", []):
            if option["target"] not in reached:
                reached.add(option["target"])
                frontier.append(option["target"])
    for node_id in graph["order"]:
        if node_id not in reached:
            problems.append(
                _("“%(key)s” cannot be reached from the first step: no reply leads to it.")
                % {"key": node(graph, node_id)["key"]}
            )
    length = longest_path(graph)
    if length > max_length:
        problems.append(
            _("The longest path takes %(length)s replies; the most allowed is %(max)s.")
            % {"length": length, "max": max_length}
        )
    return problems
