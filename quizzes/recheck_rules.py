"""When a new policy version lapses a quiz pass, and for which sections: pure functions over plain facts.

A pass covers the policy sections its questions were linked to. A later version that changes some of
them lapses the pass for those sections only: the person owes a re-check of the bank's questions on
them. Passing the re-check (or the whole quiz again) restores full credit from that moment.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["PassFacts", "RecheckOwed", "VersionFacts", "lapsed_sections", "recheck_owed"]


@dataclass(frozen=True)
class VersionFacts:
    """A published policy version and the sections it changed against the version before it."""

    id: int
    number: int
    published_at: datetime.datetime
    changed_sections: frozenset[str]


@dataclass(frozen=True)
class PassFacts:
    """A passed attempt: the whole quiz (`recheck_of` None) or a re-check owed for a version."""

    submitted_at: datetime.datetime
    sections: frozenset[str]
    recheck_of: int | None = None


@dataclass(frozen=True)
class RecheckOwed:
    """A re-check a person owes at a quiz: the sections it asks about, after which version."""

    version_id: int
    version_number: int
    published_at: datetime.datetime
    sections: frozenset[str]


def lapsed_sections(*, covered: Iterable[str], changed: Iterable[str], bank: Iterable[str]) -> frozenset[str]:
    """Sections a pass covered that a change touched and the bank still has questions on."""
    return frozenset(covered) & frozenset(changed) & frozenset(bank)


def recheck_owed(
    *, passes: Sequence[PassFacts], versions: Sequence[VersionFacts], bank_sections: Iterable[str]
) -> RecheckOwed | None:
    """The re-check owed after the versions published since the person's latest pass, if any.

    Nothing is owed without a pass of the whole quiz, or when no later version changed a section
    the passes covered that the bank still asks about.
    """
    full = [record for record in passes if record.recheck_of is None]
    if not full:
        return None
    credit_since = max(record.submitted_at for record in passes)
    later = [version for version in versions if version.published_at > credit_since]
    if not later:
        return None
    covered = frozenset().union(*(record.sections for record in full))
    changed = frozenset().union(*(version.changed_sections for version in later))
    sections = lapsed_sections(covered=covered, changed=changed, bank=bank_sections)
    if not sections:
        return None
    latest = max(later, key=lambda version: version.number)
    return RecheckOwed(latest.id, latest.number, latest.published_at, sections)
