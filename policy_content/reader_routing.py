"""Where to send a reader of a policy: a page on which they can acknowledge the version in force."""

from __future__ import annotations

import uuid

from django.utils import translation
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from .localized import default_language_code
from .models import PolicyPage

__all__ = ["acknowledgeable_pages", "stale_translation_note"]

# Whole sentences per language, so that each reads naturally (the source pages are in English).
_BEING_UPDATED = {
    "es": _("The Spanish translation is being updated; this is the version in force in English."),
    "pt": _("The Portuguese translation is being updated; this is the version in force in English."),
    "el": _("The Greek translation is being updated; this is the version in force in English."),
}


def acknowledgeable_pages(
    pages: dict[uuid.UUID, Page], *, current_numbers: dict[uuid.UUID, int]
) -> dict[uuid.UUID, Page]:
    """`pages` (by translation key) with each translation that does not show the version in force replaced by
    its source page (at most 2 queries). Keys missing from `current_numbers` are not policies and stay as they are.
    """
    default_locale_id = Locale.get_default().pk
    translated = {
        page.pk: key for key, page in pages.items() if key in current_numbers and page.locale_id != default_locale_id
    }
    if not translated:
        return dict(pages)
    stale = {
        translated[pk]
        for pk, shows in PolicyPage.objects.filter(pk__in=translated).values_list("pk", "renders_version")
        if shows != current_numbers[translated[pk]]
    }
    chosen = dict(pages)
    if stale:
        for source in Page.objects.live().filter(translation_key__in=stale, locale_id=default_locale_id):
            chosen[source.translation_key] = source
    return chosen


def stale_translation_note(*, page: PolicyPage, language: str) -> str:
    """On a policy's source page: in `language`, that its translation there is being updated, if it is."""
    # Source pages are in the default language: no query for a reader of that language.
    if not language or language == default_language_code() or page.pk != page.source_page.pk:
        return ""
    translated = PolicyPage.objects.filter(
        translation_key=page.translation_key, locale__language_code=language, live=True
    ).first()
    if translated is None or not translated.is_out_of_date:
        return ""
    with translation.override(language):
        if language in _BEING_UPDATED:
            return str(_BEING_UPDATED[language])
        return gettext("The %(language)s translation is being updated; this is the version in force.") % {
            "language": get_language_info(language)["name_translated"]
        }
