"""Readers are sent to a page on which they can acknowledge: their language when current, else the source."""

import pytest

from policy_content.models import Acknowledgement
from tests.training.auth_helpers import sign_in
from tests.training.factories import TeamFactory, UserFactory

from .translator_helpers import publish_new_version, spanish_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_reader(db):
    return UserFactory(roles=["Employees"], preferred_language="es", team=TeamFactory(name="Front desk"))


def test_the_dashboard_links_the_spanish_translation_while_it_is_current(client, translated_policy, spanish_reader):
    _, spanish = translated_policy
    client.force_login(spanish_reader)

    html = client.get("/es/").content.decode()

    assert f'href="{spanish.url}"' in html


def test_an_out_of_date_translation_sends_the_reader_to_the_english_version_with_a_note(
    client, translated_policy, spanish_reader, django_capture_on_commit_callbacks
):
    policy, spanish = translated_policy
    policy = publish_new_version(policy, django_capture_on_commit_callbacks)
    sign_in(client, spanish_reader)

    html = client.get("/es/").content.decode()
    assert f'href="{policy.url}"' in html and f'href="{spanish.url}"' not in html

    page = client.get(policy.url).content.decode()
    assert 'id="translation-note"' in page and 'lang="es"' in page
    assert "La traducción al español se está actualizando" in page
    version = policy.current_version
    response = client.post(
        policy.url + "acknowledge/", {"version": version.pk, "typed_name": spanish_reader.name, "confirm": "on"}
    )
    assert response.status_code == 302
    assert Acknowledgement.objects.filter(user=spanish_reader, version=version, language="en").exists()


def test_the_spanish_library_links_the_english_version_while_the_translation_is_out_of_date(
    client, translated_policy, spanish_reader, django_capture_on_commit_callbacks
):
    policy, spanish = translated_policy
    policy = publish_new_version(policy, django_capture_on_commit_callbacks)
    client.force_login(spanish_reader)

    html = client.get(spanish.get_parent().url).content.decode()

    assert f'href="{policy.url}"' in html
    assert spanish_page(policy).is_out_of_date


def test_no_note_for_readers_whose_translation_is_current(client, translated_policy, spanish_reader):
    policy, _ = translated_policy
    client.force_login(spanish_reader)

    assert 'id="translation-note"' not in client.get(policy.url).content.decode()
