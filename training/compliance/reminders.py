"""Reminder e-mails: each person about items overdue or due soon, each manager a digest of their team.

Every send is recorded in ReminderSend (unique per recipient, kind and day) before the message goes
out, and the record of a send that failed is removed afterwards: running the job twice on a day, or
a manager pressing "send reminder" after the job ran, never sends the same kind of e-mail to anyone
twice that day.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from policy_content.localized import pages_in_language
from quizzes.refreshers import DueRefreshers, due_refreshers_by_person

from ..choices import ReminderKind, Status
from ..models import ReminderSend, Team, TrainingSettings, User
from .dashboard import absolute_url
from .loader import iter_standings, load_requirements
from .rules import ItemStanding, PersonFacts, RequirementFacts, Standing

logger = logging.getLogger(__name__)

# E-mails recorded in one insert, then sent, during the daily job.
SEND_BATCH = 200

__all__ = [
    "ReminderOutcome",
    "digest_items",
    "items_to_remind",
    "run_daily_reminders",
    "send_manager_digests",
    "send_person_reminders",
]


@dataclass
class ReminderOutcome:
    """Who got an e-mail, who had one already today, who owed nothing, whose e-mail failed."""

    sent: list[int] = field(default_factory=list)
    already_sent: list[int] = field(default_factory=list)
    nothing_due: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


def items_to_remind(standing: Standing, *, today: datetime.date, days_ahead: int) -> list[ItemStanding]:
    """Items the person can act on, or must renew, that are overdue, expired or due within `days_ahead` days."""
    horizon = today + datetime.timedelta(days=days_ahead)
    return [
        item
        for item in standing.items
        if (item.can_act or item.status == Status.EXPIRES_SOON) and item.due_date <= horizon
    ]


def digest_items(standing: Standing, *, today: datetime.date, days_ahead: int) -> list[ItemStanding]:
    """What a manager hears about: every unfinished, expired or expiring item due soon, blocked ones included."""
    horizon = today + datetime.timedelta(days=days_ahead)
    return [
        item
        for item in standing.items
        if (not item.is_done or item.status == Status.EXPIRES_SOON) and item.due_date <= horizon
    ]


class _Links:
    """Item titles, URLs and status words per language, each looked up once per run."""

    def __init__(self, requirements: list[RequirementFacts]):
        self.keys = {requirement.translation_key for requirement in requirements}
        self._pages: dict[str, dict] = {}
        self._labels: dict[tuple[str, str], str] = {}
        self._due: dict[tuple[str, datetime.date], str] = {}

    def _page(self, key, language: str) -> tuple[str, str] | None:
        if language not in self._pages:
            self._pages[language] = {
                key: (page.title, absolute_url(page.get_url() or ""))
                for key, page in pages_in_language(self.keys, language=language).items()
            }
        return self._pages[language].get(key)

    def _label(self, item: ItemStanding, language: str) -> str:
        if (language, item.status) not in self._labels:
            with translation.override(language):
                self._labels[language, item.status] = str(item.get_status_display())
        return self._labels[language, item.status]

    def _due_text(self, due_date: datetime.date, language: str) -> str:
        if (language, due_date) not in self._due:
            with translation.override(language):
                self._due[language, due_date] = gettext("due %(date)s") % {"date": date_format(due_date, "DATE_FORMAT")}
        return self._due[language, due_date]

    def describe(self, item: ItemStanding, language: str) -> dict:
        title, url = self._page(item.requirement.translation_key, language) or (item.title, "")
        if item.recheck is not None:
            with translation.override(language):
                title = gettext("Re-check: %(title)s") % {"title": title}
        return {
            "title": title,
            "url": url,
            "status": item.status,
            "status_label": self._label(item, language),
            "due_date": item.due_date,
            "due": self._due_text(item.due_date, language),
            "is_overdue": item.is_overdue,
            "kind": item.kind,
            "page_id": item.requirement.page_id,
        }


def _refresher_link(entry: dict, language: str) -> dict:
    with translation.override(language):
        return {"prompt": entry["prompt"], "url": absolute_url(reverse("refreshers:answer", args=[entry["id"]]))}


@dataclass
class _Pending:
    """An e-mail to send and the record of it."""

    recipient_id: int
    items: list
    message: EmailMultiAlternatives


def _message(*, to: str, language: str, template: str, context: dict, connection) -> EmailMultiAlternatives:
    with translation.override(language):
        context = {**context, "LANGUAGE_CODE": language}
        subject = " ".join(render_to_string(f"training/emails/{template}_subject.txt", context).split())
        text = render_to_string(f"training/emails/{template}.txt", context)
        html = render_to_string(f"training/emails/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to], connection=connection)
    message.attach_alternative(html, "text/html")
    return message


def _deliver(pending: _Pending, kind: str) -> bool:
    try:
        pending.message.send()
    except Exception:  # one bad address must not stop everyone else's reminders
        logger.exception("Reminder (%s) to user %s failed", kind, pending.recipient_id)
        return False
    return True


def _record_and_send(
    batch: list[_Pending], *, kind: str, today: datetime.date, sent_by, outcome: ReminderOutcome
) -> None:
    """Record a batch of sends in one insert, send them, then forget the ones that failed.

    The records are committed before anything is sent, so no send is ever repeated that day, even if
    the job stops halfway; a failed send's record is removed, so the next run tries again. When
    someone else recorded one of these sends first (a manager's "send reminder"), only the others go.
    """
    if not batch:
        return
    records = [
        ReminderSend(recipient_id=pending.recipient_id, kind=kind, sent_on=today, sent_by=sent_by, items=pending.items)
        for pending in batch
    ]
    try:
        with transaction.atomic():
            ReminderSend.objects.bulk_create(records)
    except IntegrityError:
        taken = set(
            ReminderSend.objects.filter(
                kind=kind, sent_on=today, recipient_id__in=[pending.recipient_id for pending in batch]
            ).values_list("recipient_id", flat=True)
        )
        outcome.already_sent.extend(pending.recipient_id for pending in batch if pending.recipient_id in taken)
        for pending in batch:
            if pending.recipient_id not in taken:
                _record_and_send([pending], kind=kind, today=today, sent_by=sent_by, outcome=outcome)
        return
    failed = [pending.recipient_id for pending in batch if not _deliver(pending, kind)]
    if failed:
        ReminderSend.objects.filter(kind=kind, sent_on=today, recipient_id__in=failed).delete()
    outcome.failed.extend(failed)
    outcome.sent.extend(pending.recipient_id for pending in batch if pending.recipient_id not in failed)


class _PersonReminders:
    """Personal reminders, gathered person by person and recorded and sent a batch at a time."""

    def __init__(self, *, today, sent_by, days_ahead: int, links: _Links, already: set[int], connection, refreshers):
        self.today, self.sent_by, self.days_ahead = today, sent_by, days_ahead
        self.links, self.already, self.connection = links, already, connection
        self.refreshers: dict[int, DueRefreshers] = refreshers
        self.outcome = ReminderOutcome()
        self.batch: list[_Pending] = []

    def add(self, standing: Standing) -> None:
        person = standing.person
        items = items_to_remind(standing, today=self.today, days_ahead=self.days_ahead)
        refreshers = self.refreshers.get(person.id, DueRefreshers(first=[]))
        # Refreshers alone bring an e-mail only on the day one falls due; otherwise they ride along.
        if not items and not refreshers.new_today:
            self.outcome.nothing_due.append(person.id)
            return
        if person.id in self.already:
            self.outcome.already_sent.append(person.id)
            return
        language = person.preferred_language
        context = {
            "person": person,
            "items": [self.links.describe(item, language) for item in items],
            "overdue_count": sum(1 for item in items if item.is_overdue),
            "refreshers": [_refresher_link(entry, language) for entry in refreshers.first],
            "dashboard_url": absolute_url(f"/{language}/"),
            "sent_by": self.sent_by,
        }
        message = _message(
            to=person.email, language=language, template="reminder", context=context, connection=self.connection
        )
        items_sent = [{"page_id": item.requirement.page_id, "status": item.status} for item in items]
        items_sent += [{"refresher_id": entry["id"]} for entry in refreshers.first]
        self.batch.append(_Pending(person.id, items_sent, message))
        if len(self.batch) >= SEND_BATCH:
            self.flush()

    def flush(self) -> ReminderOutcome:
        batch, self.batch = self.batch, []
        _record_and_send(batch, kind=ReminderKind.PERSON, today=self.today, sent_by=self.sent_by, outcome=self.outcome)
        return self.outcome


def _people_sent_today(kind: str, today: datetime.date, people: QuerySet | None = None) -> set[int]:
    sends = ReminderSend.objects.filter(kind=kind, sent_on=today)
    if people is not None:
        sends = sends.filter(recipient__in=people.values("pk"))
    return set(sends.values_list("recipient_id", flat=True))


def send_person_reminders(
    people: QuerySet,
    *,
    today: datetime.date | None = None,
    sent_by=None,
    settings=None,
    requirements: list[RequirementFacts] | None = None,
) -> ReminderOutcome:
    """E-mail each person in `people` about their overdue and soon-due items, once a day at most."""
    today = today or timezone.localdate()
    settings = settings or TrainingSettings.load()
    requirements = requirements if requirements is not None else load_requirements(settings=settings)
    people = people.filter(is_active=True)
    with get_connection() as connection:
        reminders = _PersonReminders(
            today=today,
            sent_by=sent_by,
            days_ahead=settings.reminder_days_ahead,
            links=_Links(requirements),
            already=_people_sent_today(ReminderKind.PERSON, today, people),
            connection=connection,
            refreshers=due_refreshers_by_person(today=today, people=people),
        )
        for standing in iter_standings(people.order_by("pk"), requirements=requirements, today=today):
            reminders.add(standing)
        return reminders.flush()


def send_manager_digests(
    *,
    today: datetime.date | None = None,
    settings=None,
    requirements: list[RequirementFacts] | None = None,
    digests: dict[int, list[tuple[PersonFacts, list[ItemStanding]]]] | None = None,
    links: _Links | None = None,
    connection=None,
) -> ReminderOutcome:
    """E-mail each manager one digest of their teams' overdue and soon-due items, once a day at most.

    `digests` gives each team's people with what a manager hears about, when already worked out.
    """
    today = today or timezone.localdate()
    settings = settings or TrainingSettings.load()
    requirements = requirements if requirements is not None else load_requirements(settings=settings)
    managers = list(User.objects.filter(is_active=True, managed_teams__isnull=False).distinct())
    teams_by_manager: dict[int, list[Team]] = defaultdict(list)
    for team in Team.objects.filter(managers__in=managers).prefetch_related("managers").distinct():
        for manager in team.managers.all():
            teams_by_manager[manager.pk].append(team)
    if digests is None:
        digests = defaultdict(list)
        members = User.objects.filter(is_active=True, team__managers__isnull=False).distinct().order_by("pk")
        for standing in iter_standings(members, requirements=requirements, today=today):
            items = digest_items(standing, today=today, days_ahead=settings.reminder_days_ahead)
            if items:
                digests[standing.person.team_id].append((standing.person, items))
    already = _people_sent_today(ReminderKind.DIGEST, today)
    links = links or _Links(requirements)
    report_url = absolute_url(reverse("training_reports:team"))
    outcome = ReminderOutcome()
    batch: list[_Pending] = []
    with nullcontext(connection) if connection is not None else get_connection() as connection:
        for manager in managers:
            language = manager.preferred_language
            teams = []
            for team in sorted(teams_by_manager[manager.pk], key=lambda team: team.name):
                people = [
                    {"person": person, "items": [links.describe(item, language) for item in items]}
                    for person, items in sorted(digests.get(team.pk, []), key=lambda entry: entry[0].name.lower())
                    if person.id != manager.pk
                ]
                if people:
                    teams.append({"team": team, "people": people})
            if not teams:
                outcome.nothing_due.append(manager.pk)
                continue
            if manager.pk in already:
                outcome.already_sent.append(manager.pk)
                continue
            context = {
                "manager": manager,
                "teams": teams,
                "people_count": sum(len(team["people"]) for team in teams),
                "report_url": report_url,
            }
            message = _message(
                to=manager.email, language=language, template="digest", context=context, connection=connection
            )
            items = [
                {"person_id": entry["person"].id, "page_ids": [i["page_id"] for i in entry["items"]]}
                for team in teams
                for entry in team["people"]
            ]
            batch.append(_Pending(manager.pk, items, message))
        _record_and_send(batch, kind=ReminderKind.DIGEST, today=today, sent_by=None, outcome=outcome)
    return outcome


def run_daily_reminders(*, today: datetime.date | None = None) -> dict[str, ReminderOutcome]:
    """The daily job: personal reminders to everyone in a team, then the managers' digests.

    Everyone's standing is computed once, a batch at a time, for both; all e-mails go over one
    connection to the mail server.
    """
    today = today or timezone.localdate()
    settings = TrainingSettings.load()
    requirements = load_requirements(settings=settings)
    people = User.objects.filter(is_active=True, team__isnull=False).order_by("pk")
    managed_teams = set(Team.objects.filter(managers__is_active=True).values_list("pk", flat=True))
    links = _Links(requirements)
    digests: dict[int, list[tuple[PersonFacts, list[ItemStanding]]]] = defaultdict(list)
    with get_connection() as connection:
        reminders = _PersonReminders(
            today=today,
            sent_by=None,
            days_ahead=settings.reminder_days_ahead,
            links=links,
            already=_people_sent_today(ReminderKind.PERSON, today),
            connection=connection,
            refreshers=due_refreshers_by_person(today=today, people=people),
        )
        for standing in iter_standings(people, requirements=requirements, today=today):
            reminders.add(standing)
            if standing.person.team_id in managed_teams:
                items = digest_items(standing, today=today, days_ahead=settings.reminder_days_ahead)
                if items:
                    digests[standing.person.team_id].append((standing.person, items))
        return {
            "people": reminders.flush(),
            "managers": send_manager_digests(
                today=today,
                settings=settings,
                requirements=requirements,
                digests=digests,
                links=links,
                connection=connection,
            ),
        }
