"""A conversation scenario required like a quiz: standing, My training, reports and reminders."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.quizzes.conversation_helpers import play
from tests.quizzes.factories import ConversationPageFactory, QuizPageFactory
from tests.quizzes.test_conversation_taking import BEST, LOST
from tests.training.factories import RequirementFactory, TeamFactory, UserFactory
from training.choices import Status
from training.compliance.loader import load_requirements, load_standings, standing_for
from training.compliance.reminders import run_daily_reminders
from training.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(home_page):
    return ConversationPageFactory(title="A late refund", attempts_allowed=2, pass_mark=75)


@pytest.fixture
def requirement(conversation):
    return RequirementFactory(page=conversation, active_from=timezone.localdate())


def test_a_requirement_on_a_conversation_is_of_the_conversation_kind(requirement):
    requirement.full_clean()
    assert requirement.kind == "conversation"


def test_the_standing_counts_attempts_and_the_first_pass_as_for_a_quiz(client, employee, requirement, conversation):
    item = standing_for(employee).item_for(requirement.pk)
    assert (item.status, item.attempts_used, item.attempts_left, item.is_scored) == (Status.TODO, 0, 2, True)

    client.force_login(employee)
    play(client, conversation, LOST)
    item = standing_for(employee).item_for(requirement.pk)
    assert (item.status, item.best_percent, item.attempts_used, item.attempts_left) == (Status.TODO, 0, 1, 1)

    passed = play(client, conversation, BEST)
    item = standing_for(employee).item_for(requirement.pk)
    assert (item.status, item.best_percent, item.completed_at) == (Status.DONE, 100, passed.submitted_at)


def test_used_attempts_without_a_pass_leave_no_attempts(client, employee, requirement, conversation):
    client.force_login(employee)
    play(client, conversation, LOST)
    play(client, conversation, LOST)
    assert standing_for(employee).item_for(requirement.pk).status == Status.NO_ATTEMPTS_LEFT


def test_my_training_offers_the_conversation_and_shows_its_result(
    client, employee, requirement, conversation, home_page
):
    client.force_login(employee)
    html = client.get(home_page.url).content.decode()
    assert "Play the conversation: A late refund" in html
    assert f'href="{conversation.url}"' in html
    play(client, conversation, BEST)
    response = client.get(home_page.url)
    results = response.context["dashboard"].latest_results
    assert [(result.kind, result.title, result.percent) for result in results] == [
        ("conversation", "A late refund", 100)
    ]
    assert "A late refund: 100%" in response.content.decode()


def test_the_team_report_export_has_the_conversations_best_score(
    client, compliance, employee, requirement, conversation
):
    client.force_login(employee)
    play(client, conversation, [("opening", "listening"), ("listening", "escalated")])
    client.force_login(compliance)
    response = client.get(reverse("training_reports:team"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    header, *rows = text.splitlines()
    assert "A late refund: best score (%)" in header
    assert any(employee.email in row and ",75," in row for row in rows)


def test_reminders_name_an_overdue_conversation(employee, requirement):
    requirement.active_from = timezone.localdate() - datetime.timedelta(days=60)
    requirement.save()
    run_daily_reminders()
    message = next(message for message in mail.outbox if employee.email in message.to)
    assert "A late refund" in message.body


def test_the_standing_of_many_people_takes_a_query_for_the_people_and_one_per_kind_of_scenario(home_page, requirement):
    quiz_requirement = RequirementFactory(page=QuizPageFactory())
    team = TeamFactory()
    UserFactory.create_batch(3, team=team)
    requirements = load_requirements()
    assert {r.id for r in requirements} == {requirement.id, quiz_requirement.id}
    with CaptureQueriesContext(connection) as few:
        load_standings(User.objects.filter(team=team), requirements=requirements)
    UserFactory.create_batch(20, team=team)
    with CaptureQueriesContext(connection) as many:
        standings = load_standings(User.objects.filter(team=team), requirements=requirements)
    assert len(few) == len(many) == 3  # people, quiz attempts, conversation attempts
    assert len(standings) == 23
