"""Translating pages with wagtail-localize from catalogues of finished strings (PO files).

Editors translate in the Wagtail admin; this is the same machinery driven from files, so the demo
content arrives in every language through the path an editor's translation takes.
"""

from collections.abc import Iterable, Mapping
from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

__all__ = [
    "DEMO_CATALOGUES",
    "MissingContentTranslation",
    "catalogue_template",
    "instance_strings",
    "load_catalogue",
    "source_strings",
    "translate_pages",
]

DEMO_CATALOGUES = Path(__file__).resolve().parent / "catalogues"
# Addresses stay the same in every language: links and bookmarks survive a language switch.
_UNTRANSLATED_PATHS = {"slug"}


class MissingContentTranslation(LookupError):
    """A page holds text that the catalogue does not translate."""

    def __init__(self, locale: str, missing: list[str]):
        self.missing = missing
        super().__init__(f"{len(missing)} strings have no {locale} translation, first: {missing[0]!r}")


def load_catalogue(path: Path) -> dict[str, str]:
    """English text → translation, for the finished (translated, not fuzzy) entries of a PO file."""
    if not path.is_file():
        raise FileNotFoundError(f"No catalogue at {path}")
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.fuzzy and not entry.obsolete
    }


def _plain(segment: StringSegment) -> str:
    """Catalogues hold plain text with real line breaks; wagtail-localize stores escaped HTML."""
    return StringValue(segment.string.data).render_text()


def _synced_source(page: Page) -> TranslationSource:
    source, created = TranslationSource.get_or_create_from_instance(page.specific)
    if not created:
        source.update_from_db()
    return source


def _string_segments(source: TranslationSource):
    return (
        StringSegment.objects.filter(source=source)
        .exclude(context__path__in=_UNTRANSLATED_PATHS)
        .select_related("string", "context")
        .order_by("order")
    )


def source_strings(pages: Iterable[Page]) -> list[str]:
    """Every distinct text of `pages` a translator must translate, in reading order."""
    seen: dict[str, None] = {}
    for page in pages:
        for segment in _string_segments(_synced_source(page)):
            seen.setdefault(_plain(segment), None)
    return list(seen)


def instance_strings(instance) -> list[str]:
    """The texts of a page state that is not the live one (an earlier version's revision), without storing it."""
    return [
        segment.string.render_text()
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue) and segment.path not in _UNTRANSLATED_PATHS
    ]


def catalogue_template(pages: Iterable[Page], *, earlier: Iterable[Page] = ()) -> polib.POFile:
    """A PO template of the texts of `pages`, then those only found in the `earlier` states of pages."""
    template = polib.POFile(wrapwidth=100)
    template.metadata = {"MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8"}
    texts = dict.fromkeys(source_strings(pages))
    for instance in earlier:
        texts.update(dict.fromkeys(text for text in instance_strings(instance) if text not in texts))
    for text in texts:
        template.append(polib.POEntry(msgid=text, msgstr=""))
    return template


def translate_pages(pages: Iterable[Page], locale: Locale, catalogue: Mapping[str, str], *, user=None) -> list[Page]:
    """Translate and publish `pages` (parents before children) into `locale`, all or nothing."""
    pages = list(pages)
    with transaction.atomic():
        plans = []
        missing: list[str] = []
        for page in pages:
            source = _synced_source(page)
            segments = list(_string_segments(source))
            missing += [_plain(segment) for segment in segments if _plain(segment) not in catalogue]
            plans.append((source, segments))
        if missing:
            raise MissingContentTranslation(locale.language_code, missing)
        for source, segments in plans:
            translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
            for segment in segments:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={
                        "data": StringValue.from_plaintext(catalogue[_plain(segment)]).data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                        "last_translated_by": user,
                        "has_error": False,
                        "field_error": "",
                    },
                )
            # wagtail-localize would publish on commit, from an in-memory copy of each page: a parent
            # published that way after its children were added forgets it has children.
            translation.save_target(user=user, publish=False)
            target = source.get_translated_instance(locale)
            target.get_latest_revision().publish(user=user)
    return [page.get_translation(locale) for page in pages]
