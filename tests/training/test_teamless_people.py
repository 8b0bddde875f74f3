"""People left without a team (their team deleted) stay visible to Compliance, never to managers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.policy_content.factories import AcknowledgementFactory
from tests.training.world import build_world
from training.models import TrainingSettings, User


@pytest.fixture
def world(home_page):
    world = build_world()
    world.fd.delete()  # Sofía and Nikos are left without a team
    return world


def names(response):
    return {row.person.name for row in response.context["object_list"]}


@pytest.mark.parametrize("role", ["compliance", "superuser"])
def test_compliance_finds_the_people_of_a_deleted_team_under_no_team(client, world, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("training_reports:team"), {"team": "none"})
    assert response.status_code == 200
    shown = {row.person.id for row in response.context["object_list"]}
    # By id: a generated name of a teamless admin may well be "James Carter" too.
    assert {world.sofia.pk, world.nikos.pk} <= shown
    assert not {world.ana.pk, world.james.pk, world.tom.pk} & shown
    assert "No team" in response.content.decode()


def test_the_team_filter_offers_no_team_to_compliance_only(client, world, compliance):
    client.force_login(compliance)
    assert '<option value="none">No team</option>' in client.get(reverse("training_reports:team")).content.decode()
    client.force_login(world.cc_manager)
    assert "No team" not in client.get(reverse("training_reports:team")).content.decode()


def test_the_no_team_export_names_the_people_without_a_team(client, world, compliance):
    client.force_login(compliance)
    response = client.get(reverse("training_reports:team"), {"team": "none", "export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8")
    assert "Sofía Martín" in body
    assert "Ana Costa" not in body


def test_compliance_opens_a_person_without_a_team_with_their_history(client, world, compliance):
    client.force_login(compliance)
    response = client.get(reverse("training_reports:person", args=[world.sofia.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "No team" in html
    assert world.policy.title in html, "Sofía's acknowledgement stays on record"


@pytest.mark.parametrize("manager", ["fd_manager", "cc_manager"])
def test_managers_never_see_people_without_a_team(client, world, manager):
    client.force_login(getattr(world, manager))
    response = client.get(reverse("training_reports:team"), {"team": "none"})
    assert response.status_code == 200
    assert not {"Sofía Martín", "Nikos Georgiou"} & names(response)
    assert client.get(reverse("training_reports:person", args=[world.sofia.pk])).status_code == 403


def test_the_no_team_listing_takes_as_many_queries_for_1000_people_as_for_10(client, world, compliance):
    client.force_login(compliance)
    TrainingSettings.load()  # its row exists in any real site; creating it changes every standing
    client.get(reverse("training_reports:team"))  # session, admin profile
    today = timezone.localdate()
    counts = []
    for total in (10, 1000):
        User.objects.bulk_create(
            User(email=f"teamless{index}-of-{total}@example.com", name=f"Teamless {index:04d}", start_date=today)
            for index in range(total)
        )
        for person in User.objects.filter(email__endswith=f"-of-{total}@example.com")[:5]:
            AcknowledgementFactory(user=person, version=world.v2)
        client.get(reverse("training_reports:team"), {"team": "none"})  # the new people's standings computed
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("training_reports:team"), {"team": "none"})
        assert response.status_code == 200
        assert response.context["paginator"].count >= total
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_compliance_still_finds_the_signatures_and_results_of_people_whose_team_was_deleted(client, world, compliance):
    client.force_login(compliance)

    acknowledgements = client.get(reverse("training_reports:acknowledgements"))
    results = client.get(reverse("training_reports:quiz_results"))

    assert "Sofía Martín" in acknowledgements.content.decode()
    assert results.status_code == 200


def test_a_manager_sees_no_signature_of_a_person_without_a_team(client, world):
    client.force_login(world.cc_manager)

    acknowledgements = client.get(reverse("training_reports:acknowledgements"))

    assert "Sofía Martín" not in acknowledgements.content.decode()
