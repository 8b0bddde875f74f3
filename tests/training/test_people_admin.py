"""People and teams in the Wagtail admin: search, filters, export, and adding a person."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.training.factories import TeamFactory, UserFactory
from training.models import Team, User

PEOPLE = "/admin/people/"
TEAMS = "/admin/teams/"


@pytest.fixture
def people(db):
    front_desk = TeamFactory(name="Front desk")
    contact_centre = TeamFactory(name="Contact centre")
    return {
        "ana": UserFactory(
            name="Ana Costa",
            email="ana.costa@example.com",
            team=front_desk,
            job_title="Receptionist",
            preferred_language="pt",
            start_date=datetime.date(2026, 1, 5),
        ),
        "james": UserFactory(
            name="James Carter",
            email="james@example.com",
            team=contact_centre,
            job_title="Support agent",
            start_date=datetime.date(2020, 3, 1),
        ),
        "nikos": UserFactory(
            name="Nikos Georgiou",
            email="nikos@example.com",
            team=front_desk,
            job_title="Senior receptionist",
            preferred_language="el",
            is_active=False,
            start_date=datetime.date(2019, 6, 1),
        ),
    }


def listed(client, query: str = "", url: str = PEOPLE) -> set[str]:
    response = client.get(url + query)
    assert response.status_code == 200
    return {str(obj) for obj in response.context["object_list"]}


@pytest.fixture
def admin_client(client, superuser):
    superuser.name = "Alex Admin"
    superuser.start_date = None
    superuser.save()
    client.force_login(superuser)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?q=ana", {"Ana Costa"}),
        ("?q=COSTA", {"Ana Costa"}),
        ("?q=james%40example", {"James Carter"}),
        ("?q=georg", {"Nikos Georgiou"}),
        ("?q=nobody-matches", set()),
    ],
)
def test_people_search_by_name_or_email(admin_client, people, query, expected):
    assert listed(admin_client, query) == expected


@pytest.mark.django_db
def test_people_filters(admin_client, people):
    front_desk = Team.objects.get(name="Front desk")

    assert listed(admin_client, f"?team={front_desk.pk}") == {"Ana Costa", "Nikos Georgiou"}
    assert listed(admin_client, "?preferred_language=el") == {"Nikos Georgiou"}
    assert listed(admin_client, "?is_active=false") == {"Nikos Georgiou"}
    assert listed(admin_client, "?job_title__icontains=recept") == {"Ana Costa", "Nikos Georgiou"}
    assert listed(admin_client, "?start_date__gte=2025-01-01") == {"Ana Costa"}
    assert listed(admin_client, "?start_date__lte=2020-12-31") == {"James Carter", "Nikos Georgiou"}
    assert listed(admin_client, f"?team={front_desk.pk}&is_active=true&q=a") == {"Ana Costa"}


@pytest.mark.django_db
def test_people_filter_form_is_shown(admin_client, people):
    response = admin_client.get(PEOPLE)

    fields = set(response.context["filters"].form.fields)
    assert {
        "team",
        "job_title__icontains",
        "preferred_language",
        "is_active",
        "start_date__gte",
        "start_date__lte",
    } <= fields


@pytest.mark.django_db
def test_people_listing_query_count_does_not_grow_with_people(admin_client, people, django_assert_max_num_queries):
    admin_client.get(PEOPLE)
    for number in range(20):
        UserFactory(team=people["ana"].team, name=f"Extra {number}")

    with django_assert_max_num_queries(40):
        response = admin_client.get(PEOPLE)
    assert response.status_code == 200


@pytest.mark.django_db
def test_people_export_as_csv(admin_client, people):
    response = admin_client.get(PEOPLE + "?export=csv&team=" + str(people["ana"].team_id))

    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "ana.costa@example.com" in body
    assert "james@example.com" not in body


@pytest.mark.django_db
def test_team_listing_searches_and_counts_members(admin_client, people):
    manager = UserFactory(name="Marta Gómez")
    Team.objects.get(name="Front desk").managers.add(manager)

    assert listed(admin_client, "?q=front", url=TEAMS) == {"Front desk"}
    html = admin_client.get(TEAMS).content.decode()
    assert "Marta Gómez" in html


@pytest.mark.django_db
def test_inspecting_a_person(admin_client, people):
    response = admin_client.get(f"{PEOPLE}inspect/{people['ana'].pk}/")

    assert response.status_code == 200
    assert "ana.costa@example.com" in response.content.decode()


@pytest.mark.django_db
def test_admin_adds_a_person_who_can_then_reset_their_password(admin_client, client, people):
    team = Team.objects.get(name="Front desk")

    response = admin_client.post(
        f"{PEOPLE}new/",
        {
            "name": "Beatriz Lima",
            "email": "Beatriz@Example.com",
            "team": team.pk,
            "job_title": "Receptionist",
            "start_date": "2026-02-02",
            "preferred_language": "pt",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    person = User.objects.get(email="beatriz@example.com")
    assert (person.team, person.preferred_language) == (team, "pt")
    assert EmailAddress.objects.get(user=person).verified
    admin_client.logout()
    client.post("/en/accounts/password/reset/", {"email": "beatriz@example.com"})
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


@pytest.mark.django_db
def test_admin_cannot_add_a_second_person_with_the_same_address(admin_client, people):
    response = admin_client.post(
        f"{PEOPLE}new/",
        {"name": "Copy", "email": "ANA.COSTA@example.com", "preferred_language": "en", "is_active": "on"},
    )

    assert response.status_code == 200
    assert User.objects.filter(email__iexact="ana.costa@example.com").count() == 1
    assert response.context["form"].errors


@pytest.mark.django_db
def test_admin_changes_an_address_and_the_old_one_is_free_again(admin_client, people):
    ana = people["ana"]

    response = admin_client.post(
        f"{PEOPLE}edit/{ana.pk}/",
        {
            "name": ana.name,
            "email": "ana@example.com",
            "team": ana.team_id,
            "job_title": ana.job_title,
            "start_date": "2026-01-05",
            "preferred_language": "pt",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    assert list(EmailAddress.objects.filter(user=ana).values_list("email", flat=True)) == ["ana@example.com"]
    newcomer = UserFactory(email="ana.costa@example.com")
    assert EmailAddress.objects.get(email="ana.costa@example.com").user == newcomer
