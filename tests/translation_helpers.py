"""Translating test pages the way the demo is translated: through wagtail-localize, from a catalogue."""

from wagtail.models import Locale

from training.demo.translations import source_strings, translate_pages


def marked_catalogue(pages, language: str) -> dict[str, str]:
    """Every text of `pages` with a visible language mark, so tests can tell which text was served."""
    return {text: f"[{language}] {text}" for text in source_strings(pages)}


def translate(page, language: str):
    """Translate `page` and its ancestors below the root into `language` and publish them; returns the translation."""
    pages = [ancestor.specific for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=1)]
    locale = Locale.objects.get(language_code=language)
    translate_pages(pages, locale, marked_catalogue(pages, language))
    return type(page.specific).objects.get(translation_key=page.translation_key, locale=locale)
