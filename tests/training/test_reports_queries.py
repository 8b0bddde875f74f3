"""The team report takes the same number of queries for 10 people as for 1,000; its export, one per batch."""

import datetime
import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.policy_content.factories import AcknowledgementFactory
from tests.quizzes.factories import QuizAttemptFactory
from tests.training.factories import TeamFactory
from training.compliance.loader import STANDINGS_BATCH
from training.models import TrainingSettings, User


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
    TrainingSettings.load()  # its row exists in any real site; creating it changes every standing
    client.get(reverse("training_reports:team"))  # session, admin profile, the standings table filled

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
    if export:  # the rows stream out of the standings table a batch of people at a time: one query a batch
        assert counts["Thousand"] == counts["Ten"] + (math.ceil(1000 / STANDINGS_BATCH) - 1)
    else:
        assert counts["Ten"] == counts["Thousand"]


@pytest.mark.parametrize("page", [1, 3])
def test_each_page_of_the_team_report_shows_its_own_people_and_the_summary_counts_everyone(
    client, compliance, world, page
):
    team = TeamFactory(name="Many")
    add_people(team, 120)
    client.force_login(compliance)
    response = client.get(reverse("training_reports:team"), {"team": team.pk, "p": page})
    rows = response.context["object_list"]
    assert [row.name for row in rows] == [f"Bulk {index:04d}" for index in range((page - 1) * 50, min(page * 50, 120))]
    assert response.context["paginator"].count == 120
    assert sum(summary.people for summary in response.context["summaries"]) == 120
