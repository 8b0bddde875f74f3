"""The demo end to end: demo people sign in, pages need sign-in, a manager sees their team's gaps, exports them and reminds someone once."""

import csv
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.training.factories import AuthenticatorFactory
from training.choices import Status
from training.demo.seed import DEMO_PASSWORD
from training.models import User


@pytest.fixture(scope="module")
def seeded_demo(module_db):
    """The demo, seeded once for the module (twice over: the second run must change nothing the tests see)."""
    with module_db.unblock():
        call_command("seed_demo", stdout=io.StringIO())
        call_command("seed_demo", stdout=io.StringIO())  # idempotent


@pytest.fixture
def demo(db, seeded_demo):
    """The seeded demo; what a test writes (sessions, reminders) is undone when it ends."""


def test_demo_shows_every_state_across_two_teams(demo, client, compliance):
    client.force_login(compliance)
    response = client.get(reverse("training_reports:team"))
    statuses = {
        row.person.email.split("@")[0]: {item.status for item in row.standing.items}
        for row in response.context["object_list"]
    }
    assert statuses["ana"] == {Status.DONE}
    assert Status.REACKNOWLEDGE in statuses["james"] | statuses["nikos"]
    assert Status.EXPIRED in statuses["james"]
    assert not any(Status.EXPIRED in held for name, held in statuses.items() if name != "james")
    assert Status.OVERDUE in statuses["sofia"]
    assert statuses["eleni"] == {Status.TODO}
    teams = {summary.team_name for summary in response.context["summaries"]}
    assert teams == {"Contact centre", "Front desk"}


def test_manager_sees_gaps_exports_and_reminds_once(demo):
    manager = AuthenticatorFactory(user=User.objects.get(email="manager@example.com")).user
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)

    report = client.get(reverse("training_reports:team"), {"overdue": "true"})
    overdue = {row.person.email for row in report.context["object_list"]}
    assert overdue
    assert all(User.objects.get(email=email).team.name == "Contact centre" for email in overdue)

    export = client.get(reverse("training_reports:team"), {"overdue": "true", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8"))))[1:]
    assert {row[1] for row in rows} == overdue  # the e-mail column; headings are in the manager's language

    james = User.objects.get(email="james@example.com")
    token = client.cookies["csrftoken"].value
    for _ in range(2):
        response = client.post(reverse("training_reports:remind"), {"person": [james.pk], "csrfmiddlewaretoken": token})
        assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["james@example.com"]]


def test_every_demo_person_can_open_their_dashboard(demo, client, home_page):
    for user in User.objects.filter(email__in=[f"{n}@example.com" for n in ("ana", "james", "eleni", "tom")]):
        client.force_login(user)
        response = client.get(home_page.url)
        assert response.status_code == 200
        assert 'role="progressbar"' in response.content.decode()


def test_demo_people_sign_in_with_the_demo_password(demo, client):
    response = client.post("/en/accounts/login/", {"login": "editor@example.com", "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert client.get("/admin/")["Location"] == "/en/accounts/2fa/totp/activate/", "first, two-factor authentication"


def test_demo_policies_and_quizzes_need_sign_in(demo, client):
    for url in ("/en/policies/", "/en/policies/customer-service-policy/", "/en/quizzes/angry-customers/"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
