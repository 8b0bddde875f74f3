"""Refreshers due on My training and in the reminder e-mail, in the reader's language, in a fixed number of queries."""

import datetime

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.models import Refresher
from tests.quizzes.quiz_helpers import take
from training.compliance.reminders import run_daily_reminders
from training.models import ReminderSend


def test_my_training_lists_two_due_refreshers_at_a_time(client, world, home_page):
    take(world.quiz, world.tom, right=False, days_ago=2)
    due = list(Refresher.objects.due(timezone.localdate()).filter(user=world.tom))
    assert len(due) > 2
    client.force_login(world.tom)

    html = client.get(home_page.url).content.decode()

    assert "Refreshers due" in html
    links = [f'href="/en/refreshers/{refresher.pk}/"' for refresher in due]
    assert [link in html for link in links] == [True, True] + [False] * (len(due) - 2)


def test_refreshers_not_yet_due_are_not_shown(client, world, home_page):
    take(world.quiz, world.tom, right=False, days_ago=1)
    client.force_login(world.tom)
    assert "Refreshers due" not in client.get(home_page.url).content.decode()


def test_my_training_takes_the_same_queries_however_many_refreshers_are_due(client, world, home_page):
    client.force_login(world.tom)
    client.get(home_page.url)
    with CaptureQueriesContext(connection) as without:
        client.get(home_page.url)
    take(world.quiz, world.tom, right=False, days_ago=2)
    with CaptureQueriesContext(connection) as with_refreshers:
        client.get(home_page.url)
    assert len(with_refreshers) == len(without)


def test_the_reminder_lists_due_refreshers_in_the_recipients_language(world):
    take(world.quiz, world.tom, right=False, days_ago=2)

    outcomes = run_daily_reminders()

    assert world.tom.pk in outcomes["people"].sent
    message = next(m for m in mail.outbox if m.to == [world.tom.email])
    first = Refresher.objects.due(timezone.localdate()).filter(user=world.tom).first()
    assert f"/es/refreshers/{first.pk}/" in message.body
    assert "Tiene preguntas de repaso" in message.body
    assert "Tiene preguntas de repaso" in message.alternatives[0][0]
    assert message.subject == "Recordatorio de formación: preguntas de repaso pendientes"
    assert message.body.count("/es/refreshers/") == 2
    sent = ReminderSend.objects.get(recipient=world.tom)
    assert {"refresher_id": first.pk} in sent.items


def test_refreshers_alone_bring_an_email_only_on_the_day_they_fall_due(world):
    take(world.quiz, world.tom, right=False, days_ago=2)
    today = timezone.localdate()

    run_daily_reminders(today=today + datetime.timedelta(days=1))

    assert world.tom.email not in [address for message in mail.outbox for address in message.to]


def test_people_with_items_due_also_hear_of_their_refreshers(world):
    take(world.quiz, world.james, right=False, days_ago=5)
    run_daily_reminders()
    message = next(m for m in mail.outbox if m.to == [world.james.email])
    assert "These training items need your attention:" in message.body
    assert "/en/refreshers/" in message.body


def test_the_daily_job_reads_everyones_refreshers_in_one_query(world):
    later = timezone.localdate() + datetime.timedelta(days=100)
    take(world.quiz, world.tom, right=False, days_ago=2)
    run_daily_reminders(today=later)  # warms the caches of sites, locales and content types
    ReminderSend.objects.all().delete()
    with CaptureQueriesContext(connection) as one:
        run_daily_reminders(today=later)
    ReminderSend.objects.all().delete()
    for person in (world.ana, world.sofia):
        take(world.quiz, person, right=False, days_ago=2)
    with CaptureQueriesContext(connection) as three:
        run_daily_reminders(today=later)
    assert len(three) == len(one)
