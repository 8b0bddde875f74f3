"""Telling translators, in their own language, that a new policy version needs translating."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info

from ..compliance.dashboard import absolute_url
from ..models import TranslationTask
from .rights import translators_of
from .tasks import translation_of

__all__ = ["editor_url", "notify_translators"]


def editor_url(task: TranslationTask) -> str:
    """Where the task is done: the translation editor of the policy in the task's language, else the admin home."""
    page = translation_of(task.policy, task.language)
    return reverse("wagtailadmin_pages:edit", args=[page.pk]) if page is not None else reverse("wagtailadmin_home")


def notify_translators(task: TranslationTask) -> int:
    """E-mail each translator of the task's language, in their preferred language; returns how many."""
    page = translation_of(task.policy, task.language) or task.policy
    sent = 0
    for person in translators_of(task.language):
        language = person.preferred_language or "en"
        with translation.override(language):
            context = {
                "person": person,
                "task": task,
                "title": page.title,
                "language_name": get_language_info(task.language)["name_translated"],
                "change_summary": task.version.change_summary,
                "editor_url": absolute_url(editor_url(task)),
                "LANGUAGE_CODE": language,
            }
            subject = " ".join(render_to_string("training/emails/translation_task_subject.txt", context).split())
            text = render_to_string("training/emails/translation_task.txt", context)
            html = render_to_string("training/emails/translation_task.html", context)
        message = EmailMultiAlternatives(subject=subject, body=text, to=[person.email])
        message.attach_alternative(html, "text/html")
        message.send()
        sent += 1
    return sent
