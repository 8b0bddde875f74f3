"""A person's standing on every required policy and quiz: the one place it is computed.

The rules are pure functions over plain dataclasses; `load_standings` fetches everything for
any number of people in a fixed number of queries and applies them. The dashboard, every
report and the reminders use it, so they cannot disagree.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings as django_settings
from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils import timezone, translation
from wagtail.models import Page

from policy_content.models import Acknowledgement, PolicyPage, PolicyVersion
from quizzes.models import QuizAttempt, QuizPage

from ..choices import Audience, ItemKind, Status
from ..models import Requirement, TrainingSettings, User

__all__ = [
    "AcknowledgementFacts",
    "ItemStanding",
    "PersonFacts",
    "QuizFacts",
    "RequirementFacts",
    "Standing",
    "applies_to",
    "due_date_for",
    "is_new_hire",
    "item_standing",
    "load_requirements",
    "load_standings",
    "person_standing",
    "standing_for",
    "urgency_key",
]


@dataclass(frozen=True)
class RequirementFacts:
    """A requirement with what the rules need from its page (and, for a policy, its current version)."""

    id: int
    page_id: int
    kind: str
    title: str
    translation_key: uuid.UUID | None
    audience: str
    team_ids: frozenset[int]
    new_hire_due_days: int
    new_version_due_days: int
    active_from: datetime.date
    sort_order: int = 0
    current_version_id: int | None = None
    current_version_number: int | None = None
    current_version_published_on: datetime.date | None = None
    attempts_allowed: int = 0
    pass_mark: int | None = None


@dataclass(frozen=True)
class PersonFacts:
    id: int
    name: str
    email: str
    team_id: int | None
    start_date: datetime.date | None
    job_title: str = ""
    preferred_language: str = "en"


@dataclass(frozen=True)
class AcknowledgementFacts:
    version_id: int
    version_number: int
    acknowledged_at: datetime.datetime
    language: str = ""


@dataclass(frozen=True)
class QuizFacts:
    """A person's attempts at one quiz, summarised."""

    attempts: int = 0
    submitted: int = 0
    best_percent: int | None = None
    first_passed_at: datetime.datetime | None = None
    last_submitted_at: datetime.datetime | None = None


@dataclass(frozen=True)
class ItemStanding:
    requirement: RequirementFacts
    status: str
    due_date: datetime.date
    is_overdue: bool = False
    needs_reacknowledgement: bool = False
    completed_at: datetime.datetime | None = None
    acknowledged_version: int | None = None
    acknowledged_language: str = ""
    best_percent: int | None = None
    attempts_used: int = 0
    attempts_left: int | None = None

    @property
    def is_done(self) -> bool:
        return self.status == Status.DONE

    @property
    def can_act(self) -> bool:
        """Whether the person can do something about it now."""
        return not self.is_done and self.attempts_left != 0

    @property
    def kind(self) -> str:
        return self.requirement.kind

    @property
    def title(self) -> str:
        return self.requirement.title

    def get_status_display(self) -> str:
        return str(Status(self.status).label)


@dataclass
class Standing:
    """Everything one person owes, in order of urgency."""

    person: PersonFacts
    items: list[ItemStanding] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.items if item.is_done)

    @property
    def overdue_count(self) -> int:
        return sum(1 for item in self.items if item.is_overdue)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 100

    @property
    def all_done(self) -> bool:
        return self.done_count == self.total

    @property
    def next_item(self) -> ItemStanding | None:
        return next((item for item in self.items if item.can_act), None)

    def item_for(self, requirement_id: int) -> ItemStanding | None:
        return next((item for item in self.items if item.requirement.id == requirement_id), None)

    @property
    def statuses(self) -> set[str]:
        return {item.status for item in self.items}


# Rules --------------------------------------------------------------------------------------


def applies_to(requirement: RequirementFacts, person: PersonFacts) -> bool:
    """Requirements apply to members of a team: every team, or the chosen ones."""
    if person.team_id is None:
        return False
    if requirement.audience == Audience.EVERYONE:
        return True
    return person.team_id in requirement.team_ids


def due_date_for(requirement: RequirementFacts, person: PersonFacts) -> datetime.date:
    """The later of: start date + new-hire days, and (version published or requirement start) + version days.

    A later event never brings a deadline forward: a new hire who joins just before a new version
    keeps the new-hire allowance, and everyone else gets the full allowance after each version.
    """
    reference = requirement.active_from
    if requirement.current_version_published_on and requirement.current_version_published_on > reference:
        reference = requirement.current_version_published_on
    due = reference + datetime.timedelta(days=requirement.new_version_due_days)
    if person.start_date is not None:
        due = max(due, person.start_date + datetime.timedelta(days=requirement.new_hire_due_days))
    return due


def is_new_hire(person: PersonFacts, *, today: datetime.date, window_days: int) -> bool:
    return person.start_date is not None and 0 <= (today - person.start_date).days < window_days


def item_standing(
    requirement: RequirementFacts,
    person: PersonFacts,
    *,
    today: datetime.date,
    acknowledgements: Sequence[AcknowledgementFacts] = (),
    quiz: QuizFacts | None = None,
) -> ItemStanding:
    """One person's standing on one requirement."""
    due = due_date_for(requirement, person)
    overdue = today > due
    if requirement.kind == ItemKind.POLICY:
        latest = max(acknowledgements, key=lambda ack: ack.version_number, default=None)
        current = next(
            (ack for ack in acknowledgements if ack.version_id == requirement.current_version_id),
            None,
        )
        common = {
            "acknowledged_version": latest.version_number if latest else None,
            "acknowledged_language": latest.language if latest else "",
        }
        if current is not None:
            return ItemStanding(requirement, Status.DONE, due, completed_at=current.acknowledged_at, **common)
        reack = latest is not None
        status = Status.OVERDUE if overdue else (Status.REACKNOWLEDGE if reack else Status.TODO)
        return ItemStanding(requirement, status, due, is_overdue=overdue, needs_reacknowledgement=reack, **common)

    quiz = quiz or QuizFacts()
    attempts_left = max(requirement.attempts_allowed - quiz.attempts, 0) if requirement.attempts_allowed else None
    common = {"best_percent": quiz.best_percent, "attempts_used": quiz.attempts, "attempts_left": attempts_left}
    if quiz.first_passed_at is not None:
        # A pass stands: new policy versions do not reset quiz results.
        return ItemStanding(requirement, Status.DONE, due, completed_at=quiz.first_passed_at, **common)
    if overdue:
        status = Status.OVERDUE
    elif attempts_left == 0:
        status = Status.NO_ATTEMPTS_LEFT
    else:
        status = Status.TODO
    return ItemStanding(requirement, status, due, is_overdue=overdue, **common)


def urgency_key(item: ItemStanding) -> tuple:
    """Overdue first, then what can be done by due date, then what is blocked, then what is done."""
    if item.is_done:
        rank = 3
    elif item.is_overdue:
        rank = 0
    elif item.can_act:
        rank = 1
    else:
        rank = 2
    return (rank, item.due_date, item.requirement.sort_order, item.requirement.id)


def person_standing(
    person: PersonFacts,
    requirements: Iterable[RequirementFacts],
    *,
    today: datetime.date,
    acknowledgements: dict[int, Sequence[AcknowledgementFacts]] | None = None,
    quizzes: dict[int, QuizFacts] | None = None,
) -> Standing:
    """Standing on every requirement that applies to the person; records are keyed by page id."""
    acknowledgements = acknowledgements or {}
    quizzes = quizzes or {}
    items = [
        item_standing(
            requirement,
            person,
            today=today,
            acknowledgements=acknowledgements.get(requirement.page_id, ()),
            quiz=quizzes.get(requirement.page_id),
        )
        for requirement in requirements
        if applies_to(requirement, person)
    ]
    items.sort(key=urgency_key)
    return Standing(person=person, items=items)


# Loading ------------------------------------------------------------------------------------


def _translated_titles(keys: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Titles of the live translations of these pages in the active language; none for the default one."""
    language = translation.get_language() or django_settings.LANGUAGE_CODE
    if not keys or language == django_settings.LANGUAGE_CODE:
        return {}
    return dict(
        Page.objects.filter(translation_key__in=keys, locale__language_code=language, live=True).values_list(
            "translation_key", "title"
        )
    )


def load_requirements(*, settings=None) -> list[RequirementFacts]:
    """Active requirements whose page can be completed now, with defaults filled in (6 queries).

    Pages of a kind nobody is required to complete are not queried at all. Titles are those of the
    translations in the active language, where there are any (one more query in another language).
    """
    settings = settings or TrainingSettings.load()
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
        for version in PolicyVersion.objects.filter(policy_id__in=policy_ids).values(
            "pk", "policy_id", "number", "published_at"
        ):
            known = current_versions.get(version["policy_id"])
            if known is None or version["number"] > known["number"]:
                current_versions[version["policy_id"]] = version
    titles = _translated_titles({r.page.translation_key for r in requirements})
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
        facts.append(
            RequirementFacts(
                id=requirement.pk,
                page_id=requirement.page_id,
                kind=requirement.kind,
                title=titles.get(requirement.page.translation_key, requirement.page.title),
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


PERSON_FIELDS = ("pk", "name", "email", "team_id", "start_date", "job_title", "preferred_language")


def person_facts(row: dict) -> PersonFacts:
    return PersonFacts(
        id=row["pk"],
        name=row["name"] or row["email"],
        email=row["email"],
        team_id=row["team_id"],
        start_date=row["start_date"],
        job_title=row["job_title"],
        preferred_language=row["preferred_language"],
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
            "user_id", "version_id", "version__policy_id", "version__number", "acknowledged_at", "language"
        ):
            acknowledgements[ack["user_id"]][ack["version__policy_id"]].append(
                AcknowledgementFacts(
                    version_id=ack["version_id"],
                    version_number=ack["version__number"],
                    acknowledged_at=ack["acknowledged_at"],
                    language=ack["language"],
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
                submitted=Count("pk", filter=submitted),
                best_percent=Max("percent", filter=submitted),
                first_passed_at=Min("submitted_at", filter=submitted & Q(passed=True)),
                last_submitted_at=Max("submitted_at"),
            )
            .order_by()
        ):
            quizzes[summary["user_id"]][summary["quiz_id"]] = QuizFacts(
                attempts=summary["attempts"],
                submitted=summary["submitted"],
                best_percent=summary["best_percent"],
                first_passed_at=summary["first_passed_at"],
                last_submitted_at=summary["last_submitted_at"],
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


def standing_for(user, *, today: datetime.date | None = None) -> Standing:
    """One person's standing (the same loader, for a queryset of one)."""
    return load_standings(User.objects.filter(pk=user.pk), today=today)[user.pk]
