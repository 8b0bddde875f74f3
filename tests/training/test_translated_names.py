"""Team names and job titles are shown in the reader's language, falling back on the name as typed."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from tests.training.factories import TeamFactory, UserFactory
from training.models import Team, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_desk():
    return TeamFactory(name="Front desk", name_translations={"es": "Recepción", "el": "Υποδοχή"})


def test_a_name_falls_back_on_the_one_typed_when_a_language_has_none(front_desk):
    assert front_desk.name_in("es") == "Recepción"
    assert front_desk.name_in("pt") == "Front desk"
    with translation.override("el"):
        assert front_desk.local_name == "Υποδοχή"


def test_an_administrator_gives_a_team_its_names_in_the_other_languages(client, superuser):
    client.force_login(superuser)
    data = {"name": "Contact centre", "name_es": " Centro  de contacto ", "name_pt": "", "name_el": "Κέντρο"}

    response = client.post(reverse("teams:add"), data)

    assert response.status_code == 302, response.content.decode()[:1500]
    assert Team.objects.get(name="Contact centre").name_translations == {"es": "Centro de contacto", "el": "Κέντρο"}
    team = Team.objects.get(name="Contact centre")
    assert 'value="Centro de contacto"' in client.get(reverse("teams:edit", args=[team.pk])).content.decode()


def test_an_administrator_sets_a_job_title_per_language_and_translator_languages(client, superuser):
    client.force_login(superuser)
    translators = Group.objects.get(name="Translators")

    response = client.post(
        "/admin/users/new/",
        {
            "email": "lucia@example.com",
            "name": "Lucía Navarro",
            "job_title": "Translator",
            "job_title_es": "Traductora",
            "start_date": "2026-11-20",
            "preferred_language": "es",
            "translation_languages": ["es", "pt"],
            "password1": "a-long-enough-password-91",
            "password2": "a-long-enough-password-91",
            "groups": [translators.pk],
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="lucia@example.com")
    assert person.job_title_translations == {"es": "Traductora"}
    assert person.translation_languages == ["es", "pt"]
    assert person.job_title_in("pt") == "Translator"


def test_the_dashboard_shows_the_team_and_job_title_in_the_readers_language(client, front_desk):
    reader = UserFactory(
        roles=["Employees"],
        team=front_desk,
        job_title="Receptionist",
        job_title_translations={"es": "Recepcionista"},
        preferred_language="es",
    )
    client.force_login(reader)

    assert "Recepcionista · Recepción" in client.get("/es/").content.decode()
    assert "Receptionist · Front desk" in client.get("/en/").content.decode()


def test_the_team_report_names_teams_and_job_titles_in_the_readers_language(client, compliance, front_desk):
    UserFactory(
        roles=["Employees"], team=front_desk, job_title="Receptionist", job_title_translations={"es": "Recepcionista"}
    )
    compliance.preferred_language = "es"
    compliance.save()
    client.force_login(compliance)

    html = client.get(reverse("training_reports:team")).content.decode()

    assert "Recepción" in html and "Recepcionista" in html
