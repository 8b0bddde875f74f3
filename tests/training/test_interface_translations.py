"""Every interface message exists in Spanish, Portuguese and Greek, and the compiled catalogues match."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["es", "pt", "el"]


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_is_untranslated_or_fuzzy(language):
    po = catalogue(language)
    missing = [entry.msgid for entry in po if not entry.translated() or "fuzzy" in entry.flags]
    assert len(po) > 300
    assert missing == [], f"{len(missing)} message(s) need a {language} translation: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    stale = [
        entry.msgid
        for entry in po.translated_entries()
        if compiled.get((entry.msgctxt, entry.msgid)) != (entry.msgstr or entry.msgstr_plural)
    ]
    assert stale == [], f"run `manage.py compilemessages -l {language}`: {stale[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    import re

    pattern = re.compile(r"%\((\w+)\)[sd]|\{\{ *\w+ *\}\}")
    broken = []
    for entry in catalogue(language).translated_entries():
        wanted = sorted(pattern.findall(entry.msgid))
        found = entry.msgstr_plural.values() if entry.msgstr_plural else [entry.msgstr]
        if any(sorted(pattern.findall(text)) != wanted for text in found if text):
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
