"""The editor's map of a conversation: boxes for steps and endings in columns by depth, an arrow per reply.

Laid out on the server as plain numbers for an SVG template, so no drawing library or build step is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .choices import Outcome, Tone
from .conversation_graph import Graph, node

__all__ = ["ConversationMap", "MapEdge", "MapNode", "conversation_map"]

BOX_WIDTH, BOX_HEIGHT = 190, 58
COLUMN_GAP, ROW_GAP, MARGIN = 70, 24, 12
LABEL_LENGTH = 30


@dataclass(frozen=True)
class MapNode:
    id: str
    key: str
    kind: str
    label: str
    text: str
    x: int
    y: int
    outcome: str = ""


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str
    reply: str
    score: int
    path: str
    label_x: int
    label_y: int
    dangling: bool = False


@dataclass
class ConversationMap:
    nodes: list[MapNode] = field(default_factory=list)
    edges: list[MapEdge] = field(default_factory=list)
    width: int = 0
    height: int = 0
    box_width: int = BOX_WIDTH
    box_height: int = BOX_HEIGHT


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def _depths(graph: Graph) -> dict[str, int]:
    """Distance of each node from the first step (breadth first, so loops in a draft cannot hang it)."""
    depths = {graph["start"]: 0} if graph["start"] else {}
    queue = [graph["start"]] if graph["start"] else []
    while queue:
        current = queue.pop(0)
        for option in graph["steps"].get(current, {}).get("options", []):
            if option["target"] and option["target"] not in depths:
                depths[option["target"]] = depths[current] + 1
                queue.append(option["target"])
    unreachable_column = max(depths.values(), default=-1) + 1
    for node_id in graph["order"]:
        depths.setdefault(node_id, unreachable_column)
    return depths


def conversation_map(graph: Graph) -> ConversationMap:
    """Positions for every node and a path for every reply; replies pointing nowhere end in a short stub."""
    depths = _depths(graph)
    rows: dict[int, int] = {}
    positions: dict[str, tuple[int, int]] = {}
    result = ConversationMap()
    for node_id in graph["order"]:
        column = depths[node_id]
        row = rows.get(column, 0)
        rows[column] = row + 1
        x = MARGIN + column * (BOX_WIDTH + COLUMN_GAP)
        y = MARGIN + row * (BOX_HEIGHT + ROW_GAP)
        positions[node_id] = (x, y)
        data = node(graph, node_id)
        if node_id in graph["steps"]:
            label = str(Tone(data["tone"]).label) if data["tone"] in Tone.values else ""
            kind, outcome = "step", ""
        else:
            label = str(Outcome(data["outcome"]).label) if data["outcome"] in Outcome.values else ""
            kind, outcome = "ending", data["outcome"]
        text = data["customer_says"] or ""
        result.nodes.append(MapNode(node_id, data["key"], kind, label, _short(text), x, y, outcome))
    for step_id, step in graph["steps"].items():
        sx, sy = positions[step_id]
        count = len(step["options"])
        for index, option in enumerate(step["options"]):
            start_x, start_y = sx + BOX_WIDTH, sy + (index + 1) * BOX_HEIGHT // (count + 1)
            if option["target"] in positions:
                tx, ty = positions[option["target"]]
                end_x, end_y = tx, ty + BOX_HEIGHT // 2
                if end_x <= start_x:  # backwards or same column: go round below
                    low = max(start_y, end_y) + BOX_HEIGHT
                    path = f"M{start_x},{start_y} C{start_x + 40},{low} {end_x - 40},{low} {end_x},{end_y}"
                else:
                    middle = (start_x + end_x) // 2
                    path = f"M{start_x},{start_y} C{middle},{start_y} {middle},{end_y} {end_x},{end_y}"
                dangling = False
            else:
                end_x, end_y = start_x + COLUMN_GAP // 2, start_y
                path = f"M{start_x},{start_y} L{end_x},{end_y}"
                dangling = True
            result.edges.append(
                MapEdge(
                    step_id,
                    option["target"],
                    option["text"],
                    option["score"],
                    path,
                    (start_x + end_x) // 2,
                    (start_y + end_y) // 2 - 3,
                    dangling,
                )
            )
    columns = max(depths.values(), default=0) + 1
    result.width = 2 * MARGIN + columns * BOX_WIDTH + (columns - 1) * COLUMN_GAP + COLUMN_GAP // 2
    result.height = 2 * MARGIN + max(rows.values(), default=1) * (BOX_HEIGHT + ROW_GAP) + BOX_HEIGHT
    return result
