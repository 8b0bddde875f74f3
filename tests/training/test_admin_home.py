"""The admin home of managers shows their teams' training; Compliance finds the reports; editors neither."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.training.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADING = "Your teams' training"


def admin_home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_manager_sees_their_teams_completion_and_no_one_elses(client, world):
    with translation.override("en"):
        world.fd_manager.preferred_language = "en"
        world.fd_manager.save(update_fields=["preferred_language"])
        html = admin_home(client, world.fd_manager)

    assert HEADING in html
    assert "Front desk" in html
    assert "Contact centre" not in html
    # Sofía has the policy and not the quiz, Nikos neither: one item done of four.
    assert "25%" in html
    assert reverse("training_reports:team") in html


def test_the_panel_speaks_the_managers_language(client, world):
    html = admin_home(client, world.cc_manager)  # Marta reads Spanish

    with translation.override("es"):
        assert translation.gettext(HEADING) in html
    assert HEADING not in html


def test_compliance_gets_the_reports_without_summing_every_team(client, world, compliance):
    admin_home(client, compliance)  # sessions and caches warm
    with CaptureQueriesContext(connection) as few:
        html = admin_home(client, compliance)
    UserFactory.create_batch(20, team=world.cc)
    with CaptureQueriesContext(connection) as more:
        admin_home(client, compliance)

    assert "Training across the company" in html
    assert reverse("training_reports:acknowledgements") in html
    assert len(more) == len(few)


def test_editors_and_employees_get_no_training_panel(client, world, editor):
    assert "team-training-heading" not in admin_home(client, editor)
