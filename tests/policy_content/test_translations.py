"""A version is one policy version in every language; an out-of-date translation cannot be acknowledged."""

import pytest

from policy_content.models import Acknowledgement
from tests.policy_content.factories import AcknowledgementFactory, PolicyPageFactory
from tests.training.auth_helpers import sign_in
from tests.translation_helpers import translate

from .policy_helpers import publish_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return PolicyPageFactory(required=True)


def acknowledge(client, page, person, version):
    return client.post(page.url + "acknowledge/", {"version": version.pk, "typed_name": person.name, "confirm": "on"})


def test_a_translation_says_which_version_it_renders(policy):
    spanish = translate(policy, "es")

    assert spanish.live
    assert spanish.url.startswith("/es/")
    assert spanish.renders_version == 1
    assert spanish.current_version == policy.current_version
    assert not spanish.is_out_of_date


def test_acknowledging_a_current_translation_counts_for_the_version(client, employee, policy):
    spanish = translate(policy, "es")
    sign_in(client, employee)

    response = acknowledge(client, spanish, employee, policy.current_version)

    assert response.status_code == 302
    assert response.url == spanish.url
    ack = Acknowledgement.objects.get()
    assert ack.version == policy.current_version
    assert ack.language == "es"
    assert "versión 1" in ack.statement
    assert "[es] " in ack.statement  # the title the person read


def test_a_new_version_leaves_existing_translations_out_of_date(client, employee, policy):
    spanish = translate(policy, "es")
    publish_change(policy, new_version=True, summary="Complaints answered in two days.")
    sign_in(client, employee)

    response = client.get(spanish.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="out-of-date"' in html
    assert "Esta traducción muestra la versión 1" in html
    assert f'href="{policy.url}"' in html  # the version in force, in English
    assert 'id="acknowledge"' not in html and "typed_name" not in html


def test_acknowledging_through_an_out_of_date_translation_is_refused(client, employee, policy):
    spanish = translate(policy, "es")
    updated = publish_change(policy, new_version=True, summary="Complaints answered in two days.")
    sign_in(client, employee)

    response = acknowledge(client, spanish, employee, updated.current_version)

    assert response.status_code == 409
    assert "versión en vigor" in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_only_languages_showing_the_version_in_force_are_offered(client, employee, policy):
    spanish = translate(policy, "es")
    publish_change(policy, new_version=True, summary="Complaints answered in two days.")
    portuguese = translate(policy, "pt")
    sign_in(client, employee)

    html = client.get(spanish.url).content.decode()

    assert portuguese.renders_version == 2
    assert f'href="{portuguese.url}"' in html and "Português" in html
    assert f'href="{policy.url}"' in html
    assert f'<a href="{spanish.url}"' not in html.split('id="out-of-date"')[1].split("</div>")[0]


def test_bringing_a_translation_up_to_date_makes_it_acknowledgeable_again(client, employee, policy):
    translate(policy, "es")
    updated = publish_change(policy, new_version=True, summary="Complaints answered in two days.")

    spanish = translate(updated, "es")
    sign_in(client, employee)
    response = acknowledge(client, spanish, employee, updated.current_version)

    assert spanish.renders_version == 2 and not spanish.is_out_of_date
    assert response.status_code == 302
    assert Acknowledgement.objects.get().version.number == 2


def test_a_correction_keeps_the_version_a_translation_renders(policy):
    translate(policy, "es")

    corrected = publish_change(policy, new_version=False)

    assert corrected.renders_version == 1
    assert corrected.current_version.number == 1
    spanish = type(policy).objects.get(translation_key=policy.translation_key, locale__language_code="es")
    assert not spanish.is_out_of_date


def test_the_change_summary_is_shown_in_the_language_of_the_translation(client, employee, policy):
    translate(policy, "es")
    updated = publish_change(policy, new_version=True, summary="Complaints answered in two days.")
    spanish = translate(updated, "es")
    sign_in(client, employee)

    html = client.get(spanish.url).content.decode()

    assert updated.version_summary == "Complaints answered in two days."
    assert spanish.version_summary == "[es] Complaints answered in two days."
    changelog = html.split('id="changelog"')[1]
    assert "[es] Complaints answered in two days." in changelog


def changes_seen_on_the_new_spanish_version(client, reader, policy) -> str:
    """Publish version 2, translate it into Spanish, and return what that page tells `reader` changed."""
    updated = publish_change(policy, new_version=True, summary="Complaints answered in two days.")
    spanish = translate(updated, "es")
    sign_in(client, reader)
    html = client.get(spanish.url).content.decode()
    return html.split('id="what-changed"')[1].split("</section>")[0]


def test_a_reader_of_a_translation_sees_what_changed_in_that_language(client, employee, policy):
    translate(policy, "es")
    AcknowledgementFactory(user=employee, version=policy.current_version, language="es")

    changes = changes_seen_on_the_new_spanish_version(client, employee, policy)

    assert '<div lang="es">' in changes
    assert "<del>five</del><ins>two</ins>" in changes
    assert "[es] " in changes  # the translated lines, not the English ones
    assert "se muestran en el idioma" not in changes


def test_without_the_translation_of_the_old_version_the_changes_are_shown_as_written(client, employee, policy):
    AcknowledgementFactory(user=employee, version=policy.current_version)

    changes = changes_seen_on_the_new_spanish_version(client, employee, policy)

    assert "los cambios se muestran en el idioma en que está escrita la política: Inglés" in changes
    assert '<div lang="en">' in changes
    assert "<del>five</del><ins>two</ins>" in changes
    assert "[es] " not in changes.split('<div lang="en">')[1]
