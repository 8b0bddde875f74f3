"""A new version opens a task per language; its translators are told; approval of the translation closes it."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from training.models import TranslationTask
from training.translators.tasks import days_waited, waiting_by_language

from .translator_helpers import (
    CHANGE_SUMMARY,
    publish_new_version,
    spanish_page,
    workflow_state,
)

pytestmark = pytest.mark.django_db


def test_a_new_version_opens_one_task_per_language(translated_policy, django_capture_on_commit_callbacks):
    policy, _ = translated_policy
    policy = publish_new_version(policy, django_capture_on_commit_callbacks)

    tasks = TranslationTask.objects.open().filter(version=policy.current_version)
    assert sorted(tasks.values_list("language", flat=True)) == ["el", "es", "pt"]


def test_the_spanish_translators_are_emailed_in_their_language(
    translated_policy, spanish_translator, greek_translator, django_capture_on_commit_callbacks
):
    policy, spanish = translated_policy
    mail.outbox.clear()
    publish_new_version(policy, django_capture_on_commit_callbacks)

    to_spanish = [message for message in mail.outbox if message.to == [spanish_translator.email]]
    assert len(to_spanish) == 1
    message = to_spanish[0]
    assert "Traducción pendiente" in message.subject and "versión 2" in message.subject
    assert CHANGE_SUMMARY in message.body
    assert reverse("wagtailadmin_pages:edit", args=[spanish.pk]) in message.body
    assert [m.subject for m in mail.outbox if m.to == [greek_translator.email]][0].startswith("Απαιτείται μετάφραση")


def test_translators_send_the_translation_for_approval_and_approval_closes_the_task(
    client, translated_policy, spanish_translator, compliance, django_capture_on_commit_callbacks
):
    policy, spanish = translated_policy
    policy = publish_new_version(policy, django_capture_on_commit_callbacks)
    client.force_login(spanish_translator)

    response = client.post(reverse("submit_translation", args=[spanish.pk]))

    assert response.status_code == 302
    state = workflow_state(spanish)
    assert state is not None and state.status == "in_progress"
    assert spanish_page(policy).is_out_of_date, "readers keep the approved text until approval"
    assert 'data-task-language="es" data-in-review' in client.get(reverse("wagtailadmin_home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.approve(user=compliance)
    assert not spanish_page(policy).is_out_of_date
    task = TranslationTask.objects.get(version=policy.current_version, language="es")
    assert task.done_at is not None
    assert TranslationTask.objects.open().filter(language="pt").exists()


def test_a_greek_translator_cannot_send_the_spanish_translation(client, translated_policy, greek_translator):
    _, spanish = translated_policy
    client.force_login(greek_translator)

    assert client.post(reverse("submit_translation", args=[spanish.pk])).status_code == 403
    assert workflow_state(spanish) is None


def test_translators_see_the_open_tasks_of_their_language_on_the_admin_home(
    client, translated_policy, spanish_translator, greek_translator, django_capture_on_commit_callbacks
):
    policy, spanish = translated_policy
    publish_new_version(policy, django_capture_on_commit_callbacks)

    client.force_login(spanish_translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="translation-tasks"' in html
    assert 'data-task-language="es"' in html and 'data-task-language="pt"' not in html
    assert reverse("submit_translation", args=[spanish.pk]) in html

    client.force_login(greek_translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-task-language="el"' in html and 'data-task-language="es"' not in html


def test_compliance_sees_how_long_each_language_has_waited(
    client, compliance, editor, translated_policy, django_capture_on_commit_callbacks
):
    policy, _ = translated_policy
    policy = publish_new_version(policy, django_capture_on_commit_callbacks)
    today = timezone.localdate(policy.current_version.published_at) + datetime.timedelta(days=4)

    waits = {wait.language: wait for wait in waiting_by_language(today=today)}

    assert waits["es"].longest_wait_days == 4
    assert [task.version.number for task in waits["es"].open_tasks] == [2]
    client.force_login(compliance)
    response = client.get(reverse("translation_waits"))
    assert response.status_code == 200
    assert 'data-language="es"' in response.content.decode()
    client.force_login(editor)
    assert client.get(reverse("translation_waits")).status_code == 403


def test_days_waited_count_from_the_version_going_live():
    published = timezone.now() - datetime.timedelta(days=3)
    assert days_waited(published, today=timezone.localdate()) == 3
    assert days_waited(timezone.now() + datetime.timedelta(days=2)) == 0
