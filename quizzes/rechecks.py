"""Re-checks: the short quiz owed when a new policy version changes sections a pass covered.

The rules are in recheck_rules.py; this module reads the facts for one person, starts a re-check
(an attempt like any other, scored and chained by attempts.py) and measures a draft's impact.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from policy_content.models import PolicyPage, PolicyVersion
from policy_content.section_changes import draft_changed_anchors

from .attempts import QuizRuleError, snapshot_for
from .models import QuizAttempt, QuizPage
from .recheck_rules import PassFacts, RecheckOwed, VersionFacts, recheck_owed

__all__ = [
    "DraftImpact",
    "QuizImpact",
    "bank_sections",
    "draft_recheck_impact",
    "owed_recheck",
    "pass_facts",
    "start_recheck",
    "version_facts",
]


def bank_sections(quiz: QuizPage) -> frozenset[str]:
    """The policy sections the quiz's bank has questions on."""
    return frozenset(block.value["policy_section"] for block in quiz.question_bank if block.value["policy_section"])


def version_facts(rows) -> list[VersionFacts]:
    """Rows of PolicyVersion values (pk, number, published_at, changed_sections) as facts."""
    return [
        VersionFacts(row["pk"], row["number"], row["published_at"], frozenset(row["changed_sections"] or ()))
        for row in rows
    ]


def pass_facts(rows) -> list[PassFacts]:
    """Rows of passed QuizAttempt values (submitted_at, sections, recheck_of_id) as facts."""
    return [PassFacts(row["submitted_at"], frozenset(row["sections"] or ()), row["recheck_of_id"]) for row in rows]


VERSION_FIELDS = ("pk", "policy_id", "number", "published_at", "changed_sections")
PASS_FIELDS = ("user_id", "quiz_id", "submitted_at", "sections", "recheck_of_id")


def owed_recheck(*, quiz: QuizPage, user) -> RecheckOwed | None:
    """The re-check this person owes at the quiz (2 queries; none when the quiz trains no policy)."""
    source = quiz.source_page
    if not source.policy_id:
        return None
    versions = PolicyVersion.objects.filter(policy_id=source.policy_id).values(*VERSION_FIELDS)
    passes = QuizAttempt.objects.submitted().filter(quiz=source, user=user, passed=True).values(*PASS_FIELDS)
    return recheck_owed(passes=pass_facts(passes), versions=version_facts(versions), bank_sections=bank_sections(quiz))


def start_recheck(*, quiz: QuizPage, user, language: str, rng: random.Random | None = None) -> QuizAttempt:
    """Resume the open re-check, or start one made of the bank's questions on the lapsed sections."""
    with transaction.atomic():
        # The same lock as starting a quiz: two clicks cannot both create an attempt.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        owed = owed_recheck(quiz=quiz, user=user)
        if owed is None:
            raise QuizRuleError(_("You owe no re-check at this quiz."), status=409)
        now = timezone.now()
        open_attempt = (
            QuizAttempt.objects.filter(
                quiz=quiz.source_page, user=user, recheck_of_id=owed.version_id, submitted_at__isnull=True
            )
            .order_by("-started_at")
            .first()
        )
        if open_attempt is not None and not open_attempt.is_expired(now):
            return open_attempt
        limit = quiz.source_page.time_limit_minutes
        return QuizAttempt.objects.create(
            user=user,
            quiz=quiz.source_page,
            revision=quiz.live_revision,
            language=language,
            snapshot=snapshot_for(quiz, rng=rng, sections=owed.sections),
            started_at=now,
            deadline=now + timezone.timedelta(minutes=limit) if limit else None,
            recheck_of_id=owed.version_id,
        )


@dataclass(frozen=True)
class QuizImpact:
    """What publishing a draft as a new version would do to one quiz's passes."""

    quiz: QuizPage
    sections: tuple[str, ...]
    people: int


@dataclass(frozen=True)
class DraftImpact:
    """The sections a draft changes, the quizzes it would send to a re-check, and how many people in all."""

    changed: frozenset[str]
    quizzes: list[QuizImpact]
    people: int


def draft_recheck_impact(page: PolicyPage) -> DraftImpact:
    """The sections the draft changes, and for each quiz training the policy, how many active people
    would owe a re-check if it were published as a new version (a fixed number of queries)."""
    source = page.source_page
    changed = draft_changed_anchors(source.specific)
    quizzes = list(QuizPage.objects.filter(policy=source, locale_id=source.locale_id).order_by("path"))
    # Every pass covered some of the bank's sections: a person's own are checked against these below.
    lapsing = {quiz.pk: frozenset(changed) & bank_sections(quiz) for quiz in quizzes}
    people: dict[int, set[int]] = defaultdict(set)
    wanted = [pk for pk, sections in lapsing.items() if sections]
    if wanted:
        rows = (
            QuizAttempt.objects.submitted()
            .full()
            .filter(quiz_id__in=wanted, passed=True, user__is_active=True)
            .values_list("quiz_id", "user_id", "sections")
        )
        for quiz_id, user_id, sections in rows:
            if lapsing[quiz_id] & frozenset(sections or ()):
                people[quiz_id].add(user_id)
    impacts = [
        QuizImpact(quiz=quiz, sections=tuple(sorted(lapsing[quiz.pk])), people=len(people[quiz.pk]))
        for quiz in quizzes
        if lapsing[quiz.pk]
    ]
    return DraftImpact(changed, impacts, len(set().union(*people.values())))
