"""Wagtail's and wagtail-localize's generic admin endpoints list no person or evidence beyond the reader's scope."""

import pytest
from django.urls import reverse
from wagtail.log_actions import log

from policy_content.models import Acknowledgement
from quizzes.models import QuizAttempt
from tests.security.url_matrix import MISSING, REFUSED, outcome
from tests.training.world import build_world

ADMIN_ROLES = ["own_manager", "other_manager", "editor", "compliance"]
RECORD_MODELS = ["policy_content/acknowledgement", "quizzes/quizattempt", "training/user", "training/team"]


@pytest.fixture
def world(home_page):
    return build_world()


@pytest.fixture
def reader(request, world, editor, compliance):
    return {
        "own_manager": world.cc_manager,
        "other_manager": world.fd_manager,
        "editor": editor,
        "compliance": compliance,
    }[request.param]


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode()


@pytest.mark.parametrize("reader", ADMIN_ROLES, indirect=True)
@pytest.mark.parametrize("model", RECORD_MODELS)
def test_the_translation_chooser_api_lists_no_people_or_evidence(client, world, reader, model):
    client.force_login(reader)
    assert outcome(client, f"/admin/localize/api/snippets/{model}/") == MISSING
    assert outcome(client, f"/admin/localize/api/snippets/{model}/1/") == MISSING


@pytest.mark.parametrize("reader", ADMIN_ROLES, indirect=True)
@pytest.mark.parametrize("model", ["policy_content/acknowledgement", "quizzes/quizattempt", "training/team"])
@pytest.mark.parametrize("action", ["delete", "set_active_state"])
def test_bulk_action_pages_do_not_exist_for_evidence_and_teams(client, world, reader, model, action):
    client.force_login(reader)
    assert outcome(client, f"/admin/bulk/{model}/{action}/?id=1&id=2&id=3") == MISSING


@pytest.mark.parametrize("reader", ADMIN_ROLES, indirect=True)
@pytest.mark.parametrize("action", ["delete", "set_active_state", "assign_role"])
def test_bulk_actions_on_people_are_refused_to_everyone_but_administrators(client, world, reader, action):
    client.force_login(reader)
    url = f"/admin/bulk/training/user/{action}/?id={world.sofia.pk}&id={world.ana.pk}"
    assert outcome(client, url) == REFUSED
    assert "Sofía" not in body(client.get(url, follow=True))


def test_an_editor_lists_and_exports_no_acknowledgement_or_attempt(client, world, editor):
    client.force_login(editor)
    for url in (
        "/admin/acknowledgements/",
        "/admin/acknowledgements/?export=csv",
        "/admin/acknowledgements/?export=xlsx",
    ):
        response = client.get(url)
        assert response.status_code == 200
        if "xlsx" not in url:
            assert "Ana Costa" not in body(response) and "Sofía" not in body(response)
    ack = Acknowledgement.objects.filter(user=world.sofia).get()
    assert outcome(client, reverse("acknowledgements:inspect", args=[ack.pk])) == MISSING
    attempt = QuizAttempt.objects.filter(user=world.ana).first()
    assert outcome(client, reverse("quiz_attempts:inspect", args=[attempt.pk])) == MISSING


def test_compliance_exports_the_acknowledgements_of_every_team_with_their_e_mail(client, world, compliance):
    client.force_login(compliance)
    response = client.get("/admin/acknowledgements/?export=csv")
    assert response.status_code == 200
    exported = body(response)
    assert "Ana Costa" in exported and "Sofía Martín" in exported
    assert world.sofia.email in exported
    assert client.get("/admin/acknowledgements/?export=xlsx").status_code == 200


def test_administrators_export_every_quiz_attempt_with_the_e_mail(client, world, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/quiz-attempts/?export=csv")
    assert response.status_code == 200
    exported = body(response)
    assert world.ana.email in exported and world.james.email in exported


@pytest.mark.parametrize("reader", ["own_manager", "other_manager"], indirect=True)
def test_managers_reach_evidence_and_people_only_through_their_team_reports(client, world, reader):
    client.force_login(reader)
    for url in ("/admin/acknowledgements/?export=csv", "/admin/quiz-attempts/?export=csv", "/admin/people/?export=csv"):
        assert outcome(client, url) == REFUSED


@pytest.mark.parametrize("reader", ADMIN_ROLES, indirect=True)
def test_the_admin_search_and_site_history_name_no_person(client, world, reader, superuser):
    log(instance=world.sofia, action="wagtail.edit", user=superuser)
    client.force_login(reader)
    for url in ("/admin/pages/search/?q=Martin", "/admin/reports/site-history/results/"):
        assert "Sofía Martín" not in body(client.get(url, follow=True))
