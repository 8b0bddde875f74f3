"""The records the standing rules read, for any number of people: roles, acknowledgements, attempts, re-checks.

Each function takes the people as ids or as a subquery, so the number of queries never grows with them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from django.db.models import Count, F, Max, Min, OuterRef, Q, QuerySet, Subquery

from policy_content.models import Acknowledgement
from quizzes.models import ConversationAttempt, ConversationPage, QuizAttempt, QuizPage
from quizzes.recheck_rules import RecheckOwed, recheck_owed
from quizzes.rechecks import PASS_FIELDS, pass_facts

from ..choices import SCORED_KINDS, ItemKind
from ..models import User
from .rules import AcknowledgementFacts, QuizFacts, RequirementFacts

__all__ = ["SCORED_RECORDS", "load_records", "load_rechecks", "load_roles", "scored_page_ids"]

# Where each scored kind keeps its rules and its attempts: (page model, attempt model, the attempt's page field).
SCORED_RECORDS = {
    ItemKind.QUIZ: (QuizPage, QuizAttempt, "quiz"),
    ItemKind.CONVERSATION: (ConversationPage, ConversationAttempt, "conversation"),
}


def scored_page_ids(requirements) -> dict[str, list[int]]:
    ids: dict[str, list[int]] = {}
    for requirement in requirements:
        if requirement.kind in SCORED_KINDS:
            ids.setdefault(requirement.kind, []).append(requirement.page_id)
    return ids


def load_roles(person_ids, requirements: list[RequirementFacts]) -> dict[int, frozenset[str]]:
    """The roles of the people (ids, or a subquery), only when some requirement is given to roles (one query then)."""
    if not any(requirement.roles for requirement in requirements):
        return {}
    roles: dict[int, set[str]] = defaultdict(set)
    for user_id, name in User.groups.through.objects.filter(user__in=person_ids).values_list("user_id", "group__name"):
        roles[user_id].add(name)
    return {user_id: frozenset(names) for user_id, names in roles.items()}


def load_records(
    person_ids, requirements: list[RequirementFacts]
) -> tuple[dict[int, dict[int, list[AcknowledgementFacts]]], dict[int, dict[int, QuizFacts]]]:
    """Acknowledgements and scored-item summaries of the people named by `person_ids` (ids, or a subquery).

    2 queries, 3 when conversations are required as well as quizzes.
    """
    policy_ids = [r.page_id for r in requirements if r.kind == ItemKind.POLICY]
    scored_ids = scored_page_ids(requirements)

    acknowledgements: dict[int, dict[int, list[AcknowledgementFacts]]] = defaultdict(lambda: defaultdict(list))
    if policy_ids:
        for ack in Acknowledgement.objects.filter(user__in=person_ids, version__policy_id__in=policy_ids).values(
            "user_id", "version_id", "version__policy_id", "version__number", "acknowledged_at"
        ):
            acknowledgements[ack["user_id"]][ack["version__policy_id"]].append(
                AcknowledgementFacts(
                    version_id=ack["version_id"],
                    version_number=ack["version__number"],
                    acknowledged_at=ack["acknowledged_at"],
                )
            )

    quizzes: dict[int, dict[int, QuizFacts]] = defaultdict(dict)
    submitted = Q(submitted_at__isnull=False)
    for kind, ids in scored_ids.items():
        _page_model, attempt_model, page_field = SCORED_RECORDS[kind]
        attempts = attempt_model.objects.filter(user__in=person_ids, **{f"{page_field}_id__in": ids})
        if kind == ItemKind.QUIZ:
            attempts = attempts.filter(recheck_of__isnull=True)
        for summary in (
            attempts.values("user_id", f"{page_field}_id")
            .annotate(
                attempts=Count("pk"),
                best_percent=Max("percent", filter=submitted),
                first_passed_at=Min("submitted_at", filter=submitted & Q(passed=True)),
                last_passed_at=Max("submitted_at", filter=submitted & Q(passed=True)),
            )
            .order_by()
        ):
            quizzes[summary["user_id"]][summary[f"{page_field}_id"]] = QuizFacts(
                attempts=summary["attempts"],
                best_percent=summary["best_percent"],
                first_passed_at=summary["first_passed_at"],
                last_passed_at=summary["last_passed_at"],
            )
        renewing = [r.page_id for r in requirements if r.kind == kind and r.validity_months]
        passes = attempt_model.objects.filter(passed=True, submitted_at__isnull=False)
        if kind == ItemKind.QUIZ:
            passes = passes.filter(recheck_of__isnull=True)
        for (user_id, page_id), count in _attempts_since_last_pass(attempts, passes, page_field, renewing).items():
            quizzes[user_id][page_id] = replace(quizzes[user_id][page_id], attempts_since_last_pass=count)
    return acknowledgements, quizzes


def _attempts_since_last_pass(
    attempts: QuerySet, passes: QuerySet, page_field: str, page_ids: list[int]
) -> dict[tuple[int, int], int]:
    """Attempts started after each person's latest pass, at pages whose passes expire (one query when any)."""
    if not page_ids:
        return {}
    latest_pass = (
        passes.filter(user=OuterRef("user"), **{page_field: OuterRef(page_field)})
        .order_by("-submitted_at")
        .values("submitted_at")[:1]
    )
    rows = (
        attempts.filter(**{f"{page_field}_id__in": page_ids})
        .annotate(latest_pass=Subquery(latest_pass))
        .filter(started_at__gt=F("latest_pass"))
        .values_list("user_id", f"{page_field}_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {(user_id, page_id): count for user_id, page_id, count in rows}


def load_rechecks(person_ids, requirements: list[RequirementFacts]) -> dict[int, dict[int, RecheckOwed]]:
    """Re-checks owed, by person and quiz page, when a required quiz's policy has a later version (one query then)."""
    quizzes = {r.page_id: r for r in requirements if r.kind == ItemKind.QUIZ and r.policy_versions}
    if not quizzes:
        return {}
    passes: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for row in (
        QuizAttempt.objects.submitted()
        .filter(user__in=person_ids, quiz_id__in=list(quizzes), passed=True)
        .values(*PASS_FIELDS)
        .order_by()
    ):
        passes[row["user_id"], row["quiz_id"]].append(row)
    owed: dict[int, dict[int, RecheckOwed]] = defaultdict(dict)
    for (user_id, quiz_id), rows in passes.items():
        requirement = quizzes[quiz_id]
        recheck = recheck_owed(
            passes=pass_facts(rows), versions=requirement.policy_versions, bank_sections=requirement.bank_sections
        )
        if recheck is not None:
            owed[user_id][quiz_id] = recheck
    return owed
