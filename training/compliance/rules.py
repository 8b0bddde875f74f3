"""A person's standing on every required policy and quiz: the rules, as pure functions.

They work on plain frozen dataclasses and touch no database; `loader.py` fetches the facts for
any number of people and applies them. Every page, report and reminder reads the result, so
no two screens can disagree.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.utils import timezone, translation

from quizzes.attempts import attempts_left as quiz_attempts_left
from quizzes.recheck_rules import RecheckOwed, VersionFacts

from ..choices import SCORED_KINDS, ItemKind, Status
from .expiry import expires_on, expiry_status
from .obligations import applies_to, due_date_for, is_new_hire, joined_on

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
    "joined_on",
    "person_standing",
    "recheck_item",
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
    url: str = ""
    current_version_id: int | None = None
    current_version_number: int | None = None
    current_version_published_on: datetime.date | None = None
    attempts_allowed: int = 0
    pass_mark: int | None = None
    job_titles: frozenset[str] = frozenset()  # casefolded
    roles: frozenset[str] = frozenset()
    # A quiz training a policy: its versions and the sections its bank asks about, for re-checks.
    policy_versions: tuple[VersionFacts, ...] = ()
    bank_sections: frozenset[str] = frozenset()
    validity_months: int | None = None  # None or 0: a completion never expires
    expiry_warning_days: int = 30

    @cached_property
    def as_recheck(self) -> RequirementFacts:
        """The same requirement as a re-check item: made once, not for every person who owes one."""
        return replace(self, kind=ItemKind.RECHECK)


@dataclass(frozen=True)
class PersonFacts:
    id: int
    name: str
    email: str
    team_id: int | None
    start_date: datetime.date | None
    job_title: str = ""
    preferred_language: str = "en"
    added_on: datetime.date | None = None
    team_since: datetime.date | None = None
    roles: frozenset[str] = frozenset()
    # (language, job title) pairs: the job title as readers of other languages see it.
    job_title_translations: tuple[tuple[str, str], ...] = ()

    @property
    def local_job_title(self) -> str:
        """The job title in the active language, else as typed."""
        return dict(self.job_title_translations).get(translation.get_language() or "") or self.job_title


@dataclass(frozen=True)
class AcknowledgementFacts:
    version_id: int
    version_number: int
    acknowledged_at: datetime.datetime


@dataclass(frozen=True)
class QuizFacts:
    """A person's attempts at one quiz or conversation, summarised."""

    attempts: int = 0
    best_percent: int | None = None
    first_passed_at: datetime.datetime | None = None
    last_passed_at: datetime.datetime | None = None
    # Attempts started after the latest pass: those that count once the pass has expired (a new cycle).
    attempts_since_last_pass: int = 0


@dataclass(frozen=True)
class ItemStanding:
    requirement: RequirementFacts
    status: str
    due_date: datetime.date
    is_overdue: bool = False
    needs_reacknowledgement: bool = False
    completed_at: datetime.datetime | None = None
    acknowledged_version: int | None = None
    best_percent: int | None = None
    attempts_used: int = 0
    attempts_left: int | None = None
    recheck: RecheckOwed | None = None
    expires_on: datetime.date | None = None

    @property
    def is_done(self) -> bool:
        """Completed and still valid (an item that expires soon still counts)."""
        return self.status in (Status.DONE, Status.EXPIRES_SOON)

    @property
    def is_expired(self) -> bool:
        return self.status == Status.EXPIRED

    @property
    def is_renewable(self) -> bool:
        """Expired, or expiring soon: the person may renew it now, and so be on time."""
        return self.status in (Status.EXPIRES_SOON, Status.EXPIRED)

    @property
    def renewable_from(self) -> datetime.date | None:
        """The first day the person may renew it: the start of the *expires soon* window."""
        if self.expires_on is None:
            return None
        return self.expires_on - datetime.timedelta(days=self.requirement.expiry_warning_days)

    @property
    def can_act(self) -> bool:
        """Whether the person can do something about it now."""
        return not self.is_done and self.attempts_left != 0

    @property
    def kind(self) -> str:
        return self.requirement.kind

    @property
    def is_scored(self) -> bool:
        """A quiz or a conversation: done by passing, with attempts and a best score."""
        return self.requirement.kind in SCORED_KINDS

    @property
    def title(self) -> str:
        return self.requirement.title

    @property
    def url(self) -> str:
        return self.requirement.url

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
        return next(
            (item for item in self.items if item.requirement.id == requirement_id and item.recheck is None), None
        )

    def item_for_page(self, page_id: int) -> ItemStanding | None:
        """The item of a policy, quiz or conversation page in the default language; None when it is not required."""
        return next((item for item in self.items if item.requirement.page_id == page_id and item.recheck is None), None)

    def recheck_for(self, requirement_id: int) -> ItemStanding | None:
        """The re-check owed at a required quiz, if any."""
        return next(
            (item for item in self.items if item.requirement.id == requirement_id and item.recheck is not None), None
        )

    @property
    def rechecks(self) -> list[ItemStanding]:
        return [item for item in self.items if item.recheck is not None]


# Rules --------------------------------------------------------------------------------------


def _completed(
    requirement: RequirementFacts,
    due: datetime.date,
    *,
    today: datetime.date,
    completed_at: datetime.datetime,
    zone: datetime.tzinfo | None = None,
    **common,
) -> ItemStanding:
    """A completed item: done, expiring soon (renewal due by the expiry day) or expired (owed again, overdue)."""
    expiry = expires_on(timezone.localdate(completed_at, zone), validity_months=requirement.validity_months)
    status = expiry_status(expiry, today=today, warning_days=requirement.expiry_warning_days)
    if status is None:
        return ItemStanding(requirement, Status.DONE, due, completed_at=completed_at, expires_on=expiry, **common)
    return ItemStanding(
        requirement,
        status,
        expiry,
        is_overdue=status == Status.EXPIRED,
        completed_at=completed_at,
        expires_on=expiry,
        **common,
    )


def item_standing(
    requirement: RequirementFacts,
    person: PersonFacts,
    *,
    today: datetime.date,
    acknowledgements: Sequence[AcknowledgementFacts] = (),
    quiz: QuizFacts | None = None,
    zone: datetime.tzinfo | None = None,
) -> ItemStanding:
    """One person's standing on one requirement; completion days are taken in `zone` (the current one)."""
    due = due_date_for(requirement, person)
    overdue = today > due
    if requirement.kind == ItemKind.POLICY:
        latest = max(acknowledgements, key=lambda ack: ack.version_number, default=None)
        current = max(
            (ack for ack in acknowledgements if ack.version_id == requirement.current_version_id),
            key=lambda ack: ack.acknowledged_at,
            default=None,
        )
        common = {
            "acknowledged_version": latest.version_number if latest else None,
        }
        if current is not None:
            return _completed(requirement, due, today=today, completed_at=current.acknowledged_at, zone=zone, **common)
        reack = latest is not None
        status = Status.OVERDUE if overdue else (Status.REACKNOWLEDGE if reack else Status.TODO)
        return ItemStanding(requirement, status, due, is_overdue=overdue, needs_reacknowledgement=reack, **common)

    quiz = quiz or QuizFacts()
    attempts_left = quiz_attempts_left(allowed=requirement.attempts_allowed, used=quiz.attempts)
    common = {"best_percent": quiz.best_percent, "attempts_used": quiz.attempts, "attempts_left": attempts_left}
    if quiz.first_passed_at is not None:
        # A pass stands until it expires: new policy versions do not reset quiz results.
        completed_at = quiz.last_passed_at if requirement.validity_months else quiz.first_passed_at
        completed_at = completed_at or quiz.first_passed_at
        item = _completed(requirement, due, today=today, completed_at=completed_at, zone=zone, **common)
        if item.is_renewable:
            used = quiz.attempts_since_last_pass
            left = quiz_attempts_left(allowed=requirement.attempts_allowed, used=used)
            return replace(item, attempts_used=used, attempts_left=left)
        return item
    if overdue:
        status = Status.OVERDUE
    elif attempts_left == 0:
        status = Status.NO_ATTEMPTS_LEFT
    else:
        status = Status.TODO
    return ItemStanding(requirement, status, due, is_overdue=overdue, **common)


def recheck_item(
    requirement: RequirementFacts, *, owed: RecheckOwed, today: datetime.date, zone: datetime.tzinfo | None = None
) -> ItemStanding:
    """A re-check owed at a quiz, as an item of its own: due the version allowance after the version."""
    due = timezone.localdate(owed.published_at, zone) + datetime.timedelta(days=requirement.new_version_due_days)
    overdue = today > due
    status = Status.OVERDUE if overdue else Status.TODO
    return ItemStanding(requirement.as_recheck, status, due, is_overdue=overdue, recheck=owed)


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
    rechecks: dict[int, RecheckOwed] | None = None,
) -> Standing:
    """Standing on every requirement that applies to the person; records are keyed by page id."""
    zone = timezone.get_current_timezone()  # once, not for each completion: looking it up is thread-local
    acknowledgements = acknowledgements or {}
    quizzes = quizzes or {}
    rechecks = rechecks or {}
    items = [
        item_standing(
            requirement,
            person,
            today=today,
            acknowledgements=acknowledgements.get(requirement.page_id, ()),
            quiz=quizzes.get(requirement.page_id),
            zone=zone,
        )
        for requirement in requirements
        if applies_to(requirement, person)
    ]
    items += [
        recheck_item(requirement, owed=rechecks[requirement.page_id], today=today, zone=zone)
        for requirement in requirements
        if requirement.page_id in rechecks and applies_to(requirement, person)
    ]
    items.sort(key=urgency_key)
    return Standing(person=person, items=items)
