"""Loading the facts the standing rules need, for any number of people, in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils import timezone, translation

from policy_content.localized import default_language_code, pages_in_language
from policy_content.models import Acknowledgement, PolicyPage, PolicyVersion
from policy_content.reader_routing import acknowledgeable_pages
from quizzes.models import QuizAttempt, QuizPage

from ..choices import ItemKind
from ..models import Requirement, TrainingSettings, User
from .rules import AcknowledgementFacts, PersonFacts, QuizFacts, RequirementFacts, Standing, person_standing

__all__ = ["PERSON_FIELDS", "load_requirements", "load_standings", "person_facts", "standing_for"]


def load_requirements(*, settings=None, language: str | None = None, links: bool = False) -> list[RequirementFacts]:
    """Active requirements whose page can be completed now, with defaults filled in (6 queries).

    Pages of a kind nobody is required to complete are not queried at all. Titles (and with
    `links`, URLs) are those of the pages in `language`, the active one by default: one more
    query in another language or with links, and with links one or two more when a translation is out of
    date (its reader is sent to the source page, where they can acknowledge).
    """
    settings = settings or TrainingSettings.load()
    language = language or translation.get_language() or default_language_code()
    requirements = list(
        Requirement.objects.active().select_related("page").prefetch_related("teams").order_by("sort_order", "pk")
    )
    policy_ids = [r.page_id for r in requirements if r.kind == ItemKind.POLICY]
    quiz_ids = [r.page_id for r in requirements if r.kind == ItemKind.QUIZ]
    policies: dict[int, dict] = {}
    current_versions: dict[int, dict] = {}
    if policy_ids:
        policies = {
            page["pk"]: page
            for page in PolicyPage.objects.filter(pk__in=policy_ids).values("pk", "acknowledgement_required")
        }
        current_versions = {
            version["policy_id"]: version
            for version in PolicyVersion.objects.current()
            .filter(policy_id__in=policy_ids)
            .values("pk", "policy_id", "number", "published_at")
        }
    shown = {}
    if links or language != default_language_code():
        shown = pages_in_language({r.page.translation_key for r in requirements}, language=language)
    linked = shown
    if links and current_versions:
        # A translation that does not show the version in force cannot be acknowledged: link its source.
        numbers = {
            r.page.translation_key: current_versions[r.page_id]["number"]
            for r in requirements
            if r.page_id in current_versions
        }
        linked = acknowledgeable_pages(shown, current_numbers=numbers)
    quizzes: dict[int, dict] = {}
    if quiz_ids:
        quizzes = {
            page["pk"]: page
            for page in QuizPage.objects.filter(pk__in=quiz_ids).values("pk", "attempts_allowed", "pass_mark")
        }

    facts = []
    for requirement in requirements:
        extra = {}
        if requirement.kind == ItemKind.POLICY:
            policy = policies.get(requirement.page_id)
            version = current_versions.get(requirement.page_id)
            if policy is None or not policy["acknowledgement_required"] or version is None:
                continue
            extra = {
                "current_version_id": version["pk"],
                "current_version_number": version["number"],
                "current_version_published_on": timezone.localdate(version["published_at"]),
            }
        elif requirement.kind == ItemKind.QUIZ:
            quiz = quizzes.get(requirement.page_id)
            if quiz is None:
                continue
            extra = {"attempts_allowed": quiz["attempts_allowed"] or 0, "pass_mark": quiz["pass_mark"]}
        else:
            continue
        key = requirement.page.translation_key
        facts.append(
            RequirementFacts(
                id=requirement.pk,
                page_id=requirement.page_id,
                kind=requirement.kind,
                title=shown[key].title if key in shown else requirement.page.title,
                url=(linked[key].get_url() or "") if links and key in linked else "",
                translation_key=requirement.page.translation_key,
                audience=requirement.audience,
                team_ids=frozenset(team.pk for team in requirement.teams.all()),
                new_hire_due_days=(
                    requirement.new_hire_due_days
                    if requirement.new_hire_due_days is not None
                    else settings.new_hire_due_days
                ),
                new_version_due_days=(
                    requirement.new_version_due_days
                    if requirement.new_version_due_days is not None
                    else settings.new_version_due_days
                ),
                active_from=requirement.active_from,
                sort_order=requirement.sort_order,
                **extra,
            )
        )
    return facts


PERSON_FIELDS = (
    "pk",
    "name",
    "email",
    "team_id",
    "start_date",
    "job_title",
    "job_title_translations",
    "preferred_language",
)


def person_facts(row: dict) -> PersonFacts:
    return PersonFacts(
        id=row["pk"],
        name=row["name"] or row["email"],
        email=row["email"],
        team_id=row["team_id"],
        start_date=row["start_date"],
        job_title=row["job_title"],
        preferred_language=row["preferred_language"],
        job_title_translations=tuple(sorted((row.get("job_title_translations") or {}).items())),
    )


def load_standings(
    people: QuerySet,
    *,
    today: datetime.date | None = None,
    requirements: list[RequirementFacts] | None = None,
) -> dict[int, Standing]:
    """Standing of every person in the queryset, keyed by user id, in a fixed number of queries.

    3 queries, plus 6 for the requirements when they are not passed in; the people are filtered
    in the database with a subquery, so the count does not grow with the number of people.
    """
    today = today or timezone.localdate()
    if requirements is None:
        requirements = load_requirements()
    rows = list(people.values(*PERSON_FIELDS))
    if not rows:
        return {}
    person_ids = people.values("pk")
    policy_ids = [r.page_id for r in requirements if r.kind == ItemKind.POLICY]
    quiz_ids = [r.page_id for r in requirements if r.kind == ItemKind.QUIZ]

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
    if quiz_ids:
        submitted = Q(submitted_at__isnull=False)
        for summary in (
            QuizAttempt.objects.filter(user__in=person_ids, quiz_id__in=quiz_ids)
            .values("user_id", "quiz_id")
            .annotate(
                attempts=Count("pk"),
                best_percent=Max("percent", filter=submitted),
                first_passed_at=Min("submitted_at", filter=submitted & Q(passed=True)),
            )
            .order_by()
        ):
            quizzes[summary["user_id"]][summary["quiz_id"]] = QuizFacts(
                attempts=summary["attempts"],
                best_percent=summary["best_percent"],
                first_passed_at=summary["first_passed_at"],
            )

    standings = {}
    for row in rows:
        person = person_facts(row)
        standings[person.id] = person_standing(
            person,
            requirements,
            today=today,
            acknowledgements=acknowledgements.get(person.id),
            quizzes=quizzes.get(person.id),
        )
    return standings


def standing_for(
    user, *, today: datetime.date | None = None, language: str | None = None, links: bool = False
) -> Standing:
    """One person's standing (the same loader, for a queryset of one); titles and links in `language`."""
    requirements = load_requirements(language=language, links=links)
    return load_standings(User.objects.filter(pk=user.pk), today=today, requirements=requirements)[user.pk]
