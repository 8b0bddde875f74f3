"""The demo's refreshers: people with refreshers due, a few already answered, and the report that counts them."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from quizzes.models import Refresher, RefresherAnswer
from tests.training.factories import AuthenticatorFactory
from training.models import User


@pytest.fixture(scope="module")
def seeded_demo(module_db):
    with module_db.unblock():
        call_command("seed_demo", stdout=io.StringIO())
        call_command("seed_demo", stdout=io.StringIO())  # idempotent


@pytest.fixture
def demo(db, seeded_demo):
    """The seeded demo; what a test writes is undone when it ends."""


def test_tom_who_failed_a_quiz_two_days_ago_has_refreshers_due_on_my_training(demo, client):
    tom = User.objects.get(email="tom@example.com")
    client.force_login(tom)

    html = client.get("/en/").content.decode()

    assert "Refreshers due" in html
    first = Refresher.objects.filter(user=tom).order_by("due_on", "pk").first()
    assert client.get(reverse("refreshers:answer", args=[first.pk])).status_code == 200


def test_the_demo_answers_a_refresher_each_for_james_and_ana_once_however_often_it_runs(demo):
    answers = RefresherAnswer.objects.order_by("user__email")
    assert [(answer.user.email, answer.correct) for answer in answers] == [
        ("ana@example.com", True),
        ("james@example.com", False),
    ]
    assert not Refresher.objects.filter(retired_on__isnull=False).exists()


def test_the_refresher_report_shows_the_demo_answers_to_compliance(demo, client):
    compliance = AuthenticatorFactory(user=User.objects.get(email="compliance@example.com")).user
    client.force_login(compliance)

    response = client.get("/admin/reports/refresher-answers/")

    assert response.status_code == 200
    answered = [(row.answered, row.right) for row in response.context["object_list"] if row.answered]
    assert sorted(answered) == [(1, 0), (1, 1)]
