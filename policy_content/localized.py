"""A page across languages: its source page, and its title and link in the reader's language.

Policies and quizzes attach their records (versions, acknowledgements, attempts) to the page in the
default language; readers see the translation in theirs. These are the one place both are looked up.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.conf import settings
from django.utils.functional import cached_property
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

__all__ = ["TranslatedPageMixin", "default_language_code", "pages_in_language", "source_ids", "titles_in_language"]


class TranslatedPageMixin:
    """For page models whose records attach to the default-language page."""

    @cached_property
    def source_page(self):
        """This page in the default language (itself when it is), to which records attach."""
        default_locale_id = Locale.get_default().pk
        if self.locale_id == default_locale_id:
            return self
        source = type(self).objects.filter(translation_key=self.translation_key, locale_id=default_locale_id).first()
        return source or self


def default_language_code() -> str:
    """The language of source pages, as Wagtail's default locale has it (no query)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def source_ids(pages: Iterable[Page]) -> dict[int, int]:
    """The id of each page's default-language page, keyed by page id (one query when any is translated)."""
    pages = list(pages)
    default_locale_id = Locale.get_default().pk
    ids = {page.pk: page.pk for page in pages if page.locale_id == default_locale_id}
    translated = [page for page in pages if page.locale_id != default_locale_id]
    if translated:
        by_key = dict(
            Page.objects.filter(
                translation_key__in={page.translation_key for page in translated}, locale_id=default_locale_id
            ).values_list("translation_key", "pk")
        )
        for page in translated:
            ids[page.pk] = by_key.get(page.translation_key, page.pk)
    return ids


def pages_in_language(keys: Iterable[uuid.UUID], *, language: str) -> dict[uuid.UUID, Page]:
    """The live page of each translation key in `language`, else in the default language (one query).

    Its `title` and `get_url()` are what a reader of that language is shown and sent to.
    """
    keys = {key for key in keys if key}
    if not keys:
        return {}
    default_language = default_language_code()
    pages = (
        Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code__in={language, default_language})
        .select_related("locale")
    )
    by_key: dict[uuid.UUID, Page] = {}
    for page in pages:
        if page.locale.language_code == language or page.translation_key not in by_key:
            by_key[page.translation_key] = page
    return by_key


def titles_in_language(pages: Iterable[Page], *, language: str) -> dict[uuid.UUID, str]:
    """Each page's title as a reader of `language` sees it, by translation key (one query)."""
    pages = list(pages)
    shown = pages_in_language({page.translation_key for page in pages}, language=language)
    return {
        page.translation_key: shown[page.translation_key].title if page.translation_key in shown else page.title
        for page in pages
    }
