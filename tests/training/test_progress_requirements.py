"""Requirements are set in the admin by Compliance, on source-locale policy or quiz pages."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.quizzes.factories import QuizPageFactory
from training.choices import Audience, ItemKind
from training.models import Requirement, TrainingSettings


@pytest.fixture
def quiz(db):
    return QuizPageFactory()


def test_compliance_creates_a_requirement_for_chosen_teams(client, compliance, quiz):
    from tests.training.factories import TeamFactory

    team = TeamFactory(name="Front desk")
    client.force_login(compliance)
    response = client.post(
        reverse("requirements:add"),
        {
            "page": quiz.pk,
            "audience": Audience.TEAMS,
            "teams": [team.pk],
            "new_hire_due_days": "7",
            "new_version_due_days": "",
            "active_from": datetime.date.today().isoformat(),
            "active": "on",
            "sort_order": "0",
        },
    )
    assert response.status_code == 302
    requirement = Requirement.objects.get()
    assert requirement.kind == ItemKind.QUIZ
    assert list(requirement.teams.all()) == [team]
    assert requirement.new_version_due_days is None


def test_a_translated_page_is_refused_with_a_message(client, compliance, quiz):
    spanish = quiz.copy_for_translation(Locale.objects.get(language_code="es"), copy_parents=True)
    client.force_login(compliance)
    response = client.post(
        reverse("requirements:add"),
        {"page": spanish.pk, "audience": Audience.EVERYONE, "active_from": "2025-01-01", "sort_order": "0"},
    )
    assert response.status_code == 200
    assert "default language" in response.content.decode()
    assert not Requirement.objects.exists()


@pytest.mark.parametrize("role", ["editor", "manager"])
def test_others_cannot_change_requirements(client, request, role, quiz):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("requirements:add"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_compliance_edits_the_training_settings(client, compliance):
    client.force_login(compliance)
    url = reverse("wagtailsettings:edit", args=["training", "trainingsettings", TrainingSettings.load().pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "new_hire_due_days": "21",
            "new_version_due_days": "10",
            "new_hire_window_days": "60",
            "reminder_days_ahead": "2",
            "validity_months": "0",
            "expiry_warning_days": "30",
        },
    )
    assert response.status_code == 302
    settings = TrainingSettings.load()
    assert (settings.new_hire_due_days, settings.new_version_due_days) == (21, 10)
