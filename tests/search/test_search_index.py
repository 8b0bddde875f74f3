"""The search index follows what is published, holds the text readers see, and serves the admin's search too."""

import pytest
from django.db import connection

from tests.policy_content.factories import PolicyPageFactory, policy_body_data
from training.search.backend import FALLBACK_CONFIG, text_search_config

pytestmark = pytest.mark.django_db


def found(client, query: str, language: str = "en") -> str:
    return client.get(f"/{language}/search/", {"q": query}).content.decode()


def test_the_index_holds_the_text_readers_see_without_markdown(db):
    policy = PolicyPageFactory()

    assert "We help every customer with respect and patience." in policy.search_text()
    assert "**" not in policy.search_text()
    assert "Service standards" in policy.search_text() and "Within one working day" in policy.search_text()


def test_publishing_a_change_puts_its_words_in_the_search_and_a_draft_does_not(client, employee):
    policy = PolicyPageFactory()
    client.force_login(employee)
    body = policy_body_data()
    body[0][1]["body"] = "We answer every customer with patience, even on a zanzibar holiday."
    policy.body = body

    policy.save_revision()
    assert "#purpose" not in found(client, "zanzibar")

    policy.get_latest_revision().publish()
    assert f'href="{policy.get_url()}#purpose"' in found(client, "zanzibar")


def test_an_unpublished_policy_is_not_found(client, employee):
    policy = PolicyPageFactory()
    client.force_login(employee)
    policy.unpublish()

    assert "search-result__heading" not in found(client, "patience")


def test_the_admin_page_search_finds_a_phrase_from_the_policy_body(client, editor):
    policy = PolicyPageFactory(title="Conduct")
    client.force_login(editor)

    response = client.get("/admin/pages/search/", {"q": "respect and patience"})

    assert response.status_code == 200
    assert f"/admin/pages/{policy.pk}/edit/" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="text search configurations are PostgreSQL's")
def test_on_postgresql_each_language_has_its_stemmer_and_an_unknown_one_falls_back_to_whole_words(db):
    configs = {"en": "english", "es": "spanish", "pt": "portuguese", "el": "greek", "xx": "no_such_config"}

    assert [text_search_config(code, configs) for code in ("en", "es-ar", "pt", "el")] == [
        "english",
        "spanish",
        "portuguese",
        "greek",
    ]
    assert text_search_config("xx", configs) == FALLBACK_CONFIG
    assert text_search_config("fr", configs) == FALLBACK_CONFIG


@pytest.mark.skipif(connection.vendor != "postgresql", reason="text search configurations are PostgreSQL's")
def test_on_postgresql_records_without_a_language_are_found_whatever_the_language_of_the_admin(db):
    from django.utils import translation
    from wagtail.search.backends import get_search_backend

    from tests.training.factories import UserFactory
    from training.models import User

    person = UserFactory(name="Sofía Martín", job_title="Recepcionista")
    for language in ("en", "es", "el"):
        with translation.override(language):
            assert person in list(get_search_backend().search("Martín", User)), language


def test_the_search_backend_follows_the_database(db):
    from wagtail.search.backends import get_search_backend

    from training.search.backend import LanguageSearchBackend

    backend = get_search_backend()

    if connection.vendor == "postgresql":
        assert isinstance(backend, LanguageSearchBackend)
    else:
        assert not isinstance(backend, LanguageSearchBackend)
        assert type(backend).__module__.startswith("modelsearch.backends.database.sqlite")
