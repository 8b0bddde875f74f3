"""The team report and its export take the same number of queries for 10 people as for 1,000."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.policy_content.factories import AcknowledgementFactory
from tests.quizzes.factories import QuizAttemptFactory
from tests.training.factories import TeamFactory
from training.models import User


def add_people(team, count):
    today = timezone.localdate()
    User.objects.bulk_create(
        User(
            email=f"bulk{index}-{team.pk}@example.com",
            name=f"Bulk {index:04d}",
            team=team,
            job_title="Support agent",
            start_date=today - datetime.timedelta(days=index % 300),
        )
        for index in range(count)
    )
    return User.objects.filter(team=team)


@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_team_report_queries_do_not_grow_with_people(client, compliance, world, export):
    small, large = TeamFactory(name="Ten"), TeamFactory(name="Thousand")
    for team, count in ((small, 10), (large, 1000)):
        for user in add_people(team, count)[:5]:
            AcknowledgementFactory(user=user, version=world.v2, age=1)
            QuizAttemptFactory(user=user, quiz=world.quiz, percent=90)
    client.force_login(compliance)
    client.get(reverse("training_reports:team"))  # settings row, session, admin profile

    counts = {}
    for team in (small, large):
        params = {"team": team.pk, **({"export": export} if export else {})}
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("training_reports:team"), params)
            if export:
                body = b"".join(response.streaming_content)
                assert body
        assert response.status_code == 200
        counts[team.name] = len(queries)
    assert counts["Ten"] == counts["Thousand"]
