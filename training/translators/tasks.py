"""Translation tasks: opened for every language when a policy version is recorded, closed when it is translated."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from policy_content.models import PolicyPage, PolicyVersion

from ..models import TranslationTask
from .rights import may_translate, translates_only

__all__ = [
    "LanguageWait",
    "close_tasks",
    "days_waited",
    "open_tasks",
    "tasks_for",
    "translation_of",
    "waiting_by_language",
]


def translation_languages() -> list[str]:
    """Every language a policy is translated into: the locales other than the default one."""
    return list(
        Locale.objects.exclude(pk=Locale.get_default().pk).order_by("pk").values_list("language_code", flat=True)
    )


def translation_of(policy: PolicyPage, language: str) -> PolicyPage | None:
    """The policy's page in `language`, if it has been translated."""
    return PolicyPage.objects.filter(translation_key=policy.translation_key, locale__language_code=language).first()


def open_tasks(version: PolicyVersion) -> list[TranslationTask]:
    """One task per language whose translation does not yet show `version`; a repeat opens nothing new."""
    current = dict(
        PolicyPage.objects.filter(translation_key=version.policy.translation_key, live=True).values_list(
            "locale__language_code", "renders_version"
        )
    )
    created = []
    for language in translation_languages():
        if current.get(language) is not None and current[language] >= version.number:
            continue
        task, was_created = TranslationTask.objects.get_or_create(
            version=version, language=language, defaults={"policy_id": version.policy_id}
        )
        if was_created:
            created.append(task)
    return created


def close_tasks(page: PolicyPage, *, when: datetime.datetime | None = None) -> int:
    """A live translation closes the tasks of its language up to the version it shows; returns how many."""
    if not page.live or page.renders_version is None or page.locale_id == Locale.get_default().pk:
        return 0
    return (
        TranslationTask.objects.open()
        .filter(
            policy_id=page.source_page.pk,
            language=page.locale.language_code,
            version__number__lte=page.renders_version,
        )
        .update(done_at=when or timezone.now())
    )


def days_waited(published_at: datetime.datetime, *, today: datetime.date | None = None) -> int:
    """Whole days readers of a language have waited since the version went live."""
    today = today or timezone.localdate()
    return max((today - timezone.localdate(published_at)).days, 0)


def tasks_for(user) -> list[TranslationTask]:
    """The open tasks `user` works on: every language for editors and Compliance, a translator's own."""
    tasks = TranslationTask.objects.open().select_related("policy", "version").order_by("version__published_at", "pk")
    if translates_only(user):
        tasks = tasks.for_languages(user.translation_languages or [])
    elif not may_translate(user, ""):
        return []
    return list(tasks)


@dataclass(frozen=True)
class LanguageWait:
    """How long readers of one language have waited for translations of the versions in force."""

    language: str
    open_tasks: list[TranslationTask]
    longest_wait_days: int

    @property
    def is_current(self) -> bool:
        return not self.open_tasks


def waiting_by_language(*, today: datetime.date | None = None) -> list[LanguageWait]:
    """Per translated language: its open tasks (each with `days_waited`) and the longest wait (1 query)."""
    today = today or timezone.localdate()
    tasks = list(
        TranslationTask.objects.open()
        .filter(~Q(policy__live=False))
        .select_related("policy", "version")
        .order_by("version__published_at", "pk")
    )
    waits = []
    for language in translation_languages():
        mine = [task for task in tasks if task.language == language]
        for task in mine:
            task.days_waited = days_waited(task.version.published_at, today=today)
        waits.append(LanguageWait(language, mine, max((task.days_waited for task in mine), default=0)))
    return waits
