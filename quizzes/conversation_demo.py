"""Conversation scenarios from plain data: the StreamField value of their steps, and the demo pages."""

from typing import Any

__all__ = ["stream_data"]


def stream_data(conversation: dict[str, Any], *, policy_anchors: set[str]) -> list[tuple[str, dict]]:
    """The StreamField value of a conversation's steps and endings; unknown policy anchors are left out."""
    blocks: list[tuple[str, dict]] = []
    for step in conversation["steps"]:
        blocks.append(
            (
                "step",
                {
                    "key": step["key"],
                    "customer_says": step["customer"],
                    "tone": step["tone"],
                    "options": [
                        {
                            "text": text,
                            "leads_to": leads_to,
                            "score": score,
                            "feedback": feedback,
                            "policy_section": section if section in policy_anchors else "",
                        }
                        for text, leads_to, score, feedback, section in step["options"]
                    ],
                },
            )
        )
    for ending in conversation["endings"]:
        blocks.append(
            (
                "ending",
                {
                    "key": ending["key"],
                    "outcome": ending["outcome"],
                    "customer_says": ending["customer"],
                    "explanation": ending["explanation"],
                },
            )
        )
    return blocks
