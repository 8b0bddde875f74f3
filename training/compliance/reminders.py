"""Reminder e-mails: each person about items overdue or due soon, each manager a digest of their team.

Every send is recorded in ReminderSend (unique per recipient, kind and day) before the message goes
out, inside one transaction: running the job twice on a day, or a manager pressing "send reminder"
after the job ran, never sends the same kind of e-mail to anyone twice that day.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from policy_content.localized import pages_in_language

from ..choices import ReminderKind
from ..models import ReminderSend, Team, TrainingSettings, User
from .dashboard import absolute_url
from .loader import load_requirements, load_standings
from .rules import ItemStanding, RequirementFacts, Standing

logger = logging.getLogger(__name__)

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
    """Items the person can act on that are overdue or due within `days_ahead` days."""
    horizon = today + datetime.timedelta(days=days_ahead)
    return [item for item in standing.items if item.can_act and item.due_date <= horizon]


def digest_items(standing: Standing, *, today: datetime.date, days_ahead: int) -> list[ItemStanding]:
    """What a manager hears about: every unfinished item overdue or due soon, blocked ones included."""
    horizon = today + datetime.timedelta(days=days_ahead)
    return [item for item in standing.items if not item.is_done and item.due_date <= horizon]


class _Links:
    """Item titles and URLs per language, fetched once per language."""

    def __init__(self, requirements: list[RequirementFacts]):
        self.keys = {requirement.translation_key for requirement in requirements}
        self._by_language: dict[str, dict] = {}

    def for_language(self, language: str) -> dict:
        if language not in self._by_language:
            self._by_language[language] = pages_in_language(self.keys, language=language)
        return self._by_language[language]

    def describe(self, item: ItemStanding, language: str) -> dict:
        page = self.for_language(language).get(item.requirement.translation_key)
        url = page.get_url() if page else ""
        with translation.override(language):
            status_label = str(item.get_status_display())
        return {
            "title": page.title if page else item.title,
            "url": absolute_url(url) if url else "",
            "status": item.status,
            "status_label": status_label,
            "due_date": item.due_date,
            "is_overdue": item.is_overdue,
            "kind": item.kind,
            "page_id": item.requirement.page_id,
        }


def _send(*, to: str, language: str, template: str, context: dict) -> None:
    with translation.override(language):
        context = {**context, "LANGUAGE_CODE": language}
        subject = " ".join(render_to_string(f"training/emails/{template}_subject.txt", context).split())
        text = render_to_string(f"training/emails/{template}.txt", context)
        html = render_to_string(f"training/emails/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    message.send()


def _record_and_send(*, recipient_id: int, kind: str, today: datetime.date, sent_by, items: list, send) -> str:
    """Record the send and send it, atomically; 'sent', 'already_sent' or 'failed'."""
    try:
        with transaction.atomic():
            ReminderSend.objects.create(
                recipient_id=recipient_id, kind=kind, sent_on=today, sent_by=sent_by, items=items
            )
            send()
    except IntegrityError:
        return "already_sent"
    except Exception:  # one bad address must not stop everyone else's reminders
        logger.exception("Reminder (%s) to user %s failed", kind, recipient_id)
        return "failed"
    return "sent"


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
    standings = load_standings(people, today=today, requirements=requirements)
    already = set(
        ReminderSend.objects.filter(
            kind=ReminderKind.PERSON, sent_on=today, recipient__in=people.values("pk")
        ).values_list("recipient_id", flat=True)
    )
    links = _Links(requirements)
    outcome = ReminderOutcome()
    for person_id, standing in standings.items():
        items = items_to_remind(standing, today=today, days_ahead=settings.reminder_days_ahead)
        if not items:
            outcome.nothing_due.append(person_id)
            continue
        if person_id in already:
            outcome.already_sent.append(person_id)
            continue
        person = standing.person
        language = person.preferred_language
        described = [links.describe(item, language) for item in items]
        context = {
            "person": person,
            "items": described,
            "overdue_count": sum(1 for item in items if item.is_overdue),
            "dashboard_url": absolute_url(f"/{language}/"),
            "sent_by": sent_by,
        }
        result = _record_and_send(
            recipient_id=person_id,
            kind=ReminderKind.PERSON,
            today=today,
            sent_by=sent_by,
            items=[{"page_id": item.requirement.page_id, "status": item.status} for item in items],
            send=lambda person=person, language=language, context=context: _send(
                to=person.email, language=language, template="reminder", context=context
            ),
        )
        getattr(outcome, result).append(person_id)
    return outcome


def send_manager_digests(
    *,
    today: datetime.date | None = None,
    settings=None,
    requirements: list[RequirementFacts] | None = None,
) -> ReminderOutcome:
    """E-mail each manager one digest of their teams' overdue and soon-due items, once a day at most."""
    today = today or timezone.localdate()
    settings = settings or TrainingSettings.load()
    requirements = requirements if requirements is not None else load_requirements(settings=settings)
    managers = list(User.objects.filter(is_active=True, managed_teams__isnull=False).distinct())
    teams_by_manager: dict[int, list[Team]] = defaultdict(list)
    for team in Team.objects.filter(managers__in=managers).prefetch_related("managers").distinct():
        for manager in team.managers.all():
            teams_by_manager[manager.pk].append(team)
    members = User.objects.filter(is_active=True, team__managers__isnull=False).distinct()
    standings = load_standings(members, today=today, requirements=requirements)
    by_team: dict[int, list[Standing]] = defaultdict(list)
    for standing in standings.values():
        by_team[standing.person.team_id].append(standing)
    already = set(
        ReminderSend.objects.filter(kind=ReminderKind.DIGEST, sent_on=today).values_list("recipient_id", flat=True)
    )
    links = _Links(requirements)
    report_url = absolute_url(reverse("training_reports:team"))
    outcome = ReminderOutcome()
    for manager in managers:
        language = manager.preferred_language
        teams = []
        for team in sorted(teams_by_manager[manager.pk], key=lambda team: team.name):
            people = []
            for standing in sorted(by_team.get(team.pk, []), key=lambda s: s.person.name.lower()):
                if standing.person.id == manager.pk:
                    continue
                items = digest_items(standing, today=today, days_ahead=settings.reminder_days_ahead)
                if items:
                    people.append(
                        {"person": standing.person, "items": [links.describe(item, language) for item in items]}
                    )
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
        result = _record_and_send(
            recipient_id=manager.pk,
            kind=ReminderKind.DIGEST,
            today=today,
            sent_by=None,
            items=[
                {"person_id": entry["person"].id, "page_ids": [i["page_id"] for i in entry["items"]]}
                for team in teams
                for entry in team["people"]
            ],
            send=lambda manager=manager, language=language, context=context: _send(
                to=manager.email, language=language, template="digest", context=context
            ),
        )
        getattr(outcome, result).append(manager.pk)
    return outcome


def run_daily_reminders(*, today: datetime.date | None = None) -> dict[str, ReminderOutcome]:
    """The daily job: personal reminders to everyone in a team, then the managers' digests."""
    today = today or timezone.localdate()
    settings = TrainingSettings.load()
    requirements = load_requirements(settings=settings)
    people = User.objects.filter(is_active=True, team__isnull=False)
    return {
        "people": send_person_reminders(people, today=today, settings=settings, requirements=requirements),
        "managers": send_manager_digests(today=today, settings=settings, requirements=requirements),
    }
