"""Every interface message exists in Spanish, Portuguese and Greek, and the compiled catalogues match."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
# The project's messages, then the translations of Wagtail's and its companions' own.
LOCALE_DIRS = [Path(path) for path in settings.LOCALE_PATHS]
LANGUAGES = ["es", "pt", "el"]


def catalogue(language: str, root: Path = LOCALE_DIR) -> polib.POFile:
    return polib.pofile(str(root / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("root", LOCALE_DIRS, ids=lambda root: root.name)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_is_untranslated_or_fuzzy(language, root):
    po = catalogue(language, root)
    missing = [entry.msgid for entry in po if not entry.translated() or "fuzzy" in entry.flags]
    assert len(po) > 100
    assert missing == [], f"{len(missing)} message(s) need a {language} translation: {missing[:10]}"


@pytest.mark.parametrize("root", LOCALE_DIRS, ids=lambda root: root.name)
@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language, root):
    po = catalogue(language, root)
    mo = polib.mofile(str(root / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    stale = [
        entry.msgid
        for entry in po.translated_entries()
        if compiled.get((entry.msgctxt, entry.msgid)) != (entry.msgstr or entry.msgstr_plural)
    ]
    assert stale == [], f"run `manage.py compilemessages -l {language}`: {stale[:5]}"


@pytest.mark.parametrize("root", LOCALE_DIRS, ids=lambda root: root.name)
@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language, root):
    import re

    pattern = re.compile(r"%\((\w+)\)[sd]|\{\{ *\w+ *\}\}|\{\w+\}")
    broken = []
    for entry in catalogue(language, root).translated_entries():
        if entry.msgstr_plural:
            pairs = [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        if any(sorted(pattern.findall(text)) != sorted(pattern.findall(source)) for source, text in pairs):
            broken.append(entry.msgid)
    assert broken == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_sign_in_page_speaks_the_language_of_its_url(client, language):
    with translation.override(language):
        heading = translation.gettext("Sign in")
    assert heading != "Sign in"
    response = client.get(f"/{language}/accounts/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert heading in html


@pytest.mark.parametrize(
    ("language", "message", "shown"),
    [
        ("es", "Search all pages…", "Buscar en todas las páginas…"),
        ("pt", "Show filters", "Mostrar filtros"),
        ("el", "Skip to main content", "Μετάβαση στο κύριο περιεχόμενο"),
    ],
)
def test_a_wagtail_message_its_catalogue_lacks_is_translated_by_the_project(language, message, shown):
    with translation.override(language):
        assert translation.gettext(message) == shown


def test_plural_and_context_messages_of_django_are_translated_too():
    with translation.override("el"):
        assert translation.ngettext("%(num)d week", "%(num)d weeks", 2) % {"num": 2} == "2 εβδομάδες"
        weeks = translation.npgettext("naturaltime-past", "%(num)d week", "%(num)d weeks", 2)
    assert weeks % {"num": 2} == "2 εβδομάδες"
