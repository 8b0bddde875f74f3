"""Reminder e-mails: who gets one, at most once a day, in their language, and the report's action."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from training.choices import ReminderKind
from training.compliance.loader import standing_for
from training.compliance.reminders import run_daily_reminders
from training.models import ReminderSend


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_daily_job_reminds_people_with_overdue_or_soon_due_items_and_their_managers(world):
    outcomes = run_daily_reminders()
    people = {world.james.email, world.sofia.email, world.nikos.email}
    managers = {world.cc_manager.email, world.fd_manager.email}
    assert recipients() == sorted(people | managers)
    assert sorted(outcomes["people"].nothing_due) == sorted([world.ana.pk, world.tom.pk])


def test_an_item_due_within_the_reminder_window_is_mentioned(world):
    due = standing_for(world.tom).item_for(world.quiz_requirement.pk).due_date
    run_daily_reminders(today=due - datetime.timedelta(days=3))
    assert world.tom.email in recipients()
    mail.outbox.clear()
    ReminderSend.objects.all().delete()
    run_daily_reminders(today=due - datetime.timedelta(days=4))
    assert world.tom.email not in recipients()


def test_running_twice_on_a_day_sends_nothing_twice(world):
    run_daily_reminders()
    first = len(mail.outbox)
    outcomes = run_daily_reminders()
    assert len(mail.outbox) == first
    assert sorted(outcomes["people"].already_sent) == sorted([world.james.pk, world.sofia.pk, world.nikos.pk])
    assert ReminderSend.objects.filter(kind=ReminderKind.PERSON).count() == 3
    assert ReminderSend.objects.filter(kind=ReminderKind.DIGEST).count() == 2


def test_the_next_day_reminds_again(world):
    today = timezone.localdate()
    run_daily_reminders(today=today)
    first = len(mail.outbox)
    run_daily_reminders(today=today + datetime.timedelta(days=1))
    assert len(mail.outbox) == 2 * first


def test_the_command_reports_what_it_did(world, capsys):
    call_command("send_training_reminders")
    call_command("send_training_reminders")
    output = capsys.readouterr().out
    assert "people: 3 sent" in output
    assert "people: 0 sent, 3 already sent today" in output


def test_emails_are_in_the_recipients_language_with_text_and_html(world):
    run_daily_reminders()
    message = next(m for m in mail.outbox if m.to == [world.sofia.email])
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="es">' in html
    due = standing_for(world.sofia).item_for(world.quiz_requirement.pk).due_date
    with translation.override("es"):
        spanish_date = date_format(due, "DATE_FORMAT")
    assert spanish_date in message.body
    assert spanish_date in html
    english = next(m for m in mail.outbox if m.to == [world.james.email])
    assert '<html lang="en">' in english.alternatives[0][0]


def test_emails_link_to_the_items_with_absolute_urls(world, settings):
    run_daily_reminders()
    message = next(m for m in mail.outbox if m.to == [world.james.email])
    links = re.findall(r"https?://\S+", message.body)
    assert f"{settings.SITE_URL}{world.quiz.url}" in links
    assert all(link.startswith(settings.SITE_URL) for link in links)
    assert "Angry customers" in message.body


def test_manager_digest_lists_their_team_only(world):
    run_daily_reminders()
    digest = next(m for m in mail.outbox if m.to == [world.fd_manager.email])
    assert "Sofía Martín" in digest.body and "Nikos Georgiou" in digest.body
    assert "James Carter" not in digest.body
    assert reverse("training_reports:team") in digest.body


def test_a_failed_send_is_not_recorded(world, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    outcomes = run_daily_reminders()
    assert len(outcomes["people"].failed) == 3
    assert not ReminderSend.objects.exists()


# The "send reminder" action of the team report --------------------------------------------


@pytest.fixture
def csrf_client(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.cc_manager)
    client.get(reverse("training_reports:team"))
    return client


def post_remind(client, people):
    return client.post(
        reverse("training_reports:remind"),
        {"person": [person.pk for person in people], "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )


def test_manager_sends_a_reminder_to_chosen_people_once(csrf_client, world):
    response = post_remind(csrf_client, [world.james, world.ana])
    assert response.status_code == 302
    assert recipients() == [world.james.email]
    log = ReminderSend.objects.get()
    assert (log.recipient, log.sent_by) == (world.james, world.cc_manager)

    post_remind(csrf_client, [world.james])
    assert len(mail.outbox) == 1
    run_daily_reminders()
    assert recipients().count(world.james.email) == 1


def test_reminding_someone_outside_the_managers_teams_is_refused(csrf_client, world):
    assert post_remind(csrf_client, [world.sofia]).status_code == 403
    assert post_remind(csrf_client, [world.james, world.sofia]).status_code == 403
    assert mail.outbox == []


def test_remind_needs_post_and_a_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.cc_manager)
    assert client.get(reverse("training_reports:remind")).status_code == 405
    assert client.post(reverse("training_reports:remind"), {"person": [world.james.pk]}).status_code == 403
    assert mail.outbox == []


@pytest.mark.parametrize(("role", "status"), [("employee", 302), ("editor", 403)])
def test_remind_is_refused_to_people_without_reports(client, world, request, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.post(reverse("training_reports:remind"), {"person": [world.james.pk]}).status_code == status
    assert mail.outbox == []


def test_remind_with_nothing_chosen_explains(client, world):
    client.force_login(world.cc_manager)
    response = client.post(reverse("training_reports:remind"), {"person": ["x"]}, follow=True)
    assert response.status_code == 200
    with translation.override(world.cc_manager.preferred_language):
        expected = translation.gettext("The selection was not understood; choose people again.")
    assert expected in response.content.decode()
    assert mail.outbox == []


def test_the_status_words_in_a_reminder_are_the_recipients_own(world):
    run_daily_reminders()

    message = next(m for m in mail.outbox if m.to == [world.sofia.email])
    item = standing_for(world.sofia).item_for(world.quiz_requirement.pk)
    with translation.override("es"):
        spanish = str(item.get_status_display())
    assert spanish != str(item.get_status_display())
    assert spanish in message.body
    assert str(item.get_status_display()) not in message.body


def test_a_managers_reminder_reaches_each_person_in_their_own_language(csrf_client, world):
    world.cc_manager.preferred_language = "es"
    world.cc_manager.save()
    world.james.preferred_language = "el"
    world.james.save()

    post_remind(csrf_client, [world.james])

    (message,) = mail.outbox
    assert '<html lang="el">' in message.alternatives[0][0]
    item = standing_for(world.james).items[0]
    with translation.override("el"):
        assert str(item.get_status_display()) in message.body


def test_the_daily_jobs_queries_do_not_grow_with_the_people_reminded(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.training.factories import UserFactory

    today = timezone.localdate()
    run_daily_reminders(today=today - datetime.timedelta(days=1))  # creates the settings, caches the site
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as few:
        run_daily_reminders(today=today)
    sent_to_few = len(mail.outbox)
    for language in ("en", "es", "el"):  # titles and links are read once per language
        UserFactory.create_batch(15, team=world.cc, preferred_language=language)
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as many:
        run_daily_reminders(today=today + datetime.timedelta(days=1))

    assert len(mail.outbox) >= sent_to_few + 45
    assert len(many) == len(few)
