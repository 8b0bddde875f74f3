"""Classical item statistics for the question analysis, as pure functions.

- Facility: the share of answers that were right (Moodle's "facility index").
- Discrimination: the upper-lower group index. Attempts are ranked by their whole-quiz score;
  the top and bottom 27% (Kelley's groups, at least one attempt each) are compared, and the index
  is the share right in the upper group minus the share right in the lower group, from -1 to 1.
  Above 0.3 a question separates people who know the policy from those who do not; near 0 it
  does not; below 0 the people who did best overall got it wrong more often, which usually
  means the question or the policy is unclear.
- Confidently-wrong share: of the answers given with a certainty (quizzes that ask how sure),
  the share that were wrong although the taker was sure. A high share points at a
  misconception, not a gap: people believe the wrong rule.
"""

from collections.abc import Sequence

__all__ = ["GROUP_SHARE", "confidently_wrong_share", "discrimination_index", "facility"]

GROUP_SHARE = 0.27


def facility(answered: int, right: int) -> int | None:
    """Percentage answering right; None before anyone has answered."""
    return round(100 * right / answered) if answered else None


def discrimination_index(scored: Sequence[tuple[float, bool]], *, group_share: float = GROUP_SHARE) -> float | None:
    """`scored`: one (whole-quiz score, right on this question) per attempt. None when the groups would overlap."""
    size = max(1, int(len(scored) * group_share))
    if 2 * size > len(scored):
        return None
    ranked = sorted(scored, key=lambda pair: pair[0])
    lower = sum(right for _score, right in ranked[:size])
    upper = sum(right for _score, right in ranked[-size:])
    return round((upper - lower) / size, 2)


def confidently_wrong_share(with_certainty: int, confidently_wrong: int) -> int | None:
    """Percentage of answers given with a certainty that were sure and wrong; None when none were."""
    return round(100 * confidently_wrong / with_certainty) if with_certainty else None
