"""The admin screens a manager, a policy editor and Compliance use show no English in Spanish, Portuguese or Greek."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from wagtail.models import PageLogEntry
from wagtail_localize.models import String, StringTranslation

from tests.english_text import english_words, english_words_in_html
from tests.training.admin_screens import ROLES, admin_screens, names_shown
from tests.training.factories import AuthenticatorFactory
from training.models import User

LANGUAGES = ["es", "pt", "el"]
# Shown as stored, not interface: an attempt's raw answer record (its keys are English) and a revision
# of a page as its readers saw it.
SHOWN_AS_STORED = ("/admin/quiz-attempts/inspect/", "/view/")
# What editors wrote, in the page's language: the comparison of two revisions, the questions analysed.
CONTENT = ("td.comparison", "td.quiz-content")
# Filter labels wagtail-localize builds from field names that have no translatable verbose name.
UNTRANSLATABLE = {"/admin/localize/reports/translations/": {"source", "target", "locale"}}


@pytest.fixture(scope="module")
def seeded_demo(module_db):
    with module_db.unblock():
        call_command("seed_demo", stdout=io.StringIO())
        for email in ROLES.values():
            AuthenticatorFactory(user=User.objects.get(email=email))


@pytest.fixture
def names(db, seeded_demo):
    """People, teams, pages and their texts, language names, and a view restriction a log entry recorded in English."""
    restrictions = [
        entry.data.get("restriction", {}).get("title", "")
        for entry in PageLogEntry.objects.filter(action="wagtail.view_restriction.create")
    ]
    texts = list(String.objects.values_list("data", flat=True))
    texts += list(StringTranslation.objects.values_list("data", flat=True))
    return names_shown() + [name for _code, name in settings.LANGUAGES] + restrictions + texts


def signed_in(role: str, language: str) -> Client:
    person = User.objects.get(email=ROLES[role])
    person.preferred_language = language
    person.save()
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(person)
    return client


def english_on_screens(role: str, language: str, *, shown_in: str, names) -> dict[str, set[str]]:
    """English words on each screen of `role` shown in `shown_in`, looked for with `language`'s vocabulary."""
    client = signed_in(role, shown_in)
    found = {}
    for url in admin_screens(role):
        if any(part in url for part in SHOWN_AS_STORED):
            continue
        response = client.get(url)
        assert response.status_code == 200, f"{role} {url}: {response.status_code}"
        html = response.content.decode()
        found[url] = english_words_in_html(html, language=language, names=names, content=CONTENT)
        if shown_in != "en":
            found[url] -= UNTRANSLATABLE.get(url, set())
    return found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_screen_of_the_role_speaks_the_language(role, language, names):
    found = english_on_screens(role, language, shown_in=language, names=names)
    assert len(found) >= 6
    assert {url: words for url, words in found.items() if words} == {}


@pytest.mark.parametrize("role", ROLES)
def test_the_same_check_finds_the_english_of_the_english_screens(role, names):
    found = english_on_screens(role, "es", shown_in="en", names=names)
    quiet = [url for url, words in found.items() if len(words) < 3]
    assert quiet == []
    assert {"filters", "sort"} <= set().union(*found.values()) or role == "manager"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_vocabulary_holds_english_words_and_not_the_languages_own(language, db):
    words = english_words(language)
    assert {"filters", "schedule", "publish", "weeks", "sort", "ascending"} <= words
    with translation.override(language):
        own = translation.gettext("Search all pages…").lower().split()
    assert not set(own) & words
    assert "wagtail" not in words
