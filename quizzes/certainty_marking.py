"""Certainty-based marking (CBM), as Moodle's quiz does it, as pure functions.

The taker says how sure they are of each answer. A right answer earns 1, 2 or 3 marks when
guessing, fairly sure or sure; a wrong one 0, -2 or -6. A partly right answer earns the right
marks times the share of the points it earned. Sure is worth it only above about 80% likelihood
of being right, fairly sure above about 67%: the scale rewards knowing what you know.

The pass mark applies to accuracy (the plain percentage, as without CBM); the CBM average (per
point, from -6 to 3) is reported alongside, as Moodle reports "accuracy" and "CBM average".
"""

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from .choices import Certainty

__all__ = ["RIGHT_MARKS", "WRONG_MARKS", "cbm_average", "cbm_mark", "is_confidently_wrong"]

RIGHT_MARKS = {Certainty.LOW: 1, Certainty.MEDIUM: 2, Certainty.HIGH: 3}
WRONG_MARKS = {Certainty.LOW: 0, Certainty.MEDIUM: -2, Certainty.HIGH: -6}


def cbm_mark(fraction: Fraction, certainty: str) -> Fraction:
    """The CBM marks of one answer earning `fraction` (0 to 1) of its points at this certainty."""
    level = Certainty(certainty)
    if fraction <= 0:
        return Fraction(WRONG_MARKS[level])
    return RIGHT_MARKS[level] * fraction


def cbm_average(results: Iterable[Mapping[str, Any]]) -> Fraction | None:
    """Per point over the questions answered with a certainty, from -6 to 3; None if there are none."""
    marked = [(result["points"], Fraction(str(result["cbm"]))) for result in results if "cbm" in result]
    total_points = sum(points for points, _mark in marked)
    if not total_points:
        return None
    return sum((points * mark for points, mark in marked), Fraction(0)) / total_points


def is_confidently_wrong(result: Mapping[str, Any]) -> bool:
    """Sure, and no points earned: the answers that cost -6."""
    return result.get("certainty") == Certainty.HIGH and not result.get("awarded")
