"""The demo in four languages: every text translated, every key page served in its reader's language."""

import io

import polib
import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale, Page

from policy_content.models import PolicyPage
from quizzes.models import QuizAttempt, QuizPage
from training.demo.seed import DEMO_LANGUAGES
from training.demo.translations import DEMO_CATALOGUES, load_catalogue, source_strings
from training.models import User

pytestmark = pytest.mark.django_db

# A Greek new hire, a Spanish colleague, a Portuguese colleague.
READERS = {"el": "eleni@example.com", "es": "sofia@example.com", "pt": "ana@example.com"}


@pytest.fixture(scope="module")
def seeded_demo(module_db):
    """The demo, seeded in every language once for the module: its tests only read it."""
    with module_db.unblock():
        call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def demo(seeded_demo, home_page):
    """The English demo pages."""
    return [page.specific for page in home_page.get_descendants(inclusive=True).order_by("path")]


@pytest.mark.parametrize("language", DEMO_LANGUAGES)
def test_demo_catalogues_translate_every_text_of_the_demo_pages(demo, language):
    catalogue = load_catalogue(DEMO_CATALOGUES / f"{language}.po")
    texts = source_strings(demo)

    assert [text for text in texts if text not in catalogue] == []
    assert not [entry.msgid for entry in polib.pofile(str(DEMO_CATALOGUES / f"{language}.po")) if entry.fuzzy]
    unchanged = [text for text in texts if catalogue[text] == text and len(text) > 20]
    assert unchanged == [], "long texts left in English"


@pytest.mark.parametrize("language", DEMO_LANGUAGES)
def test_every_demo_page_is_live_in_every_language(demo, language):
    locale = Locale.objects.get(language_code=language)
    for page in demo:
        translated = page.get_translation_or_none(locale)
        assert translated is not None and translated.live, f"{page.title} has no live {language} translation"
        assert translated.title != page.title or page.title == "Service Training"


def test_the_demo_policy_translations_render_the_version_in_force(demo):
    policy = next(page for page in demo if isinstance(page, PolicyPage))
    translations = PolicyPage.objects.filter(translation_key=policy.translation_key).exclude(pk=policy.pk)
    assert {page.locale.language_code: page.renders_version for page in translations} == dict.fromkeys(
        DEMO_LANGUAGES, policy.current_version.number
    )


@pytest.mark.parametrize("language", sorted(READERS))
def test_key_pages_are_served_in_the_readers_language(demo, client, language):
    person = User.objects.get(email=READERS[language])
    client.force_login(person)
    locale = Locale.objects.get(language_code=language)
    policy = next(page for page in demo if isinstance(page, PolicyPage)).get_translation(locale)
    quiz = next(page for page in demo if isinstance(page, QuizPage)).get_translation(locale)
    with translation.override(language):
        expected = {
            f"/{language}/": translation.gettext("My training"),
            policy.url: translation.gettext("Contents"),
            quiz.url: translation.gettext("Trains:"),
        }

    for url, heading in expected.items():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in html, url
        assert heading in html, f"{url} lacks “{heading}”"
    assert policy.title in client.get(policy.url).content.decode()
    assert quiz.title in client.get(quiz.url).content.decode()


def test_demo_attempts_were_taken_in_each_persons_language(demo):
    languages = dict(QuizAttempt.objects.values_list("user__email", "language"))
    assert languages["ana@example.com"] == "pt"
    for attempt in QuizAttempt.objects.filter(language="pt"):
        source = Page.objects.get(pk=attempt.quiz_id)
        assert source.locale.language_code == "en"  # counted for the quiz itself


def test_a_greek_reader_of_version_1_sees_what_changed_in_greek(demo, client):
    nikos = User.objects.get(email="nikos@example.com")  # acknowledged version 1, in Greek
    policy = next(page for page in demo if isinstance(page, PolicyPage))
    greek = policy.get_translation(Locale.objects.get(language_code="el"))
    client.force_login(nikos)

    changes = client.get(greek.url).content.decode().split('id="what-changed"')[1].split("</section>")[0]

    assert '<div lang="el">' in changes
    assert "<del>πέντε</del><ins>δύο</ins>" in changes  # complaints acknowledged within two working days
    assert "<ins>Περίπου</ins>" in changes and "<del>ωρών</del>" in changes  # social media: about 60 minutes
    assert "Within" not in changes and "Aggressive" not in changes


def test_demo_strings_lists_the_texts_of_the_pages_and_of_earlier_policy_versions(demo, tmp_path, monkeypatch):
    import shutil

    from training.management.commands import demo_strings

    for language in DEMO_LANGUAGES:
        shutil.copy(DEMO_CATALOGUES / f"{language}.po", tmp_path)
    spanish = polib.pofile(str(tmp_path / "es.po"))
    spanish.remove(spanish.find("Within 2 hours"))  # a text only version 1 had
    spanish.save()
    monkeypatch.setattr(demo_strings, "DEMO_CATALOGUES", tmp_path)
    out = io.StringIO()

    call_command("demo_strings", stdout=out)

    template = polib.pofile(str(tmp_path / "demo.pot"))
    assert template.find("Within 2 hours") and template.find("About 60 minutes")
    total = len(template)
    assert f"es.po: {total - 1} of {total} translated." in out.getvalue()
    assert f"el.po: {total} of {total} translated." in out.getvalue()
    assert polib.pofile(str(tmp_path / "es.po")).find("Within 2 hours").msgstr == ""
