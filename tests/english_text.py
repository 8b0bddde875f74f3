"""English left on a screen shown in another language.

The vocabulary is built from the interface itself: the words of the English messages of every catalogue
the site uses (the project's, Wagtail's, wagtail-localize's, allauth's, Django's) that no translation
into the reader's language uses. A word of that vocabulary on a Spanish screen is English the reader
was not meant to see; a word such as "Total" or "Email", which Spanish translations use too, is not.
Names of people, teams and pages are taken out of the text first: they are data, not interface.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

import polib
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.utils.translation import trans_real

__all__ = ["english_words", "english_words_in_html", "english_words_in_text", "visible_text"]

# Words shorter than this are too often shared by the languages ("no", "a", "de") to tell anything.
MIN_LENGTH = 3
WORD = re.compile(r"[^\W\d_]+")
EMAIL = re.compile(r"\S+@\S+")
URL = re.compile(r"https?://\S+")
# Evidence digests (SHA-256 in hex) shown on evidence screens: "3fa9dec2…" is no English "dec".
DIGEST = re.compile(r"\b[0-9a-fA-F]{16,}\b")
# Product, format and standard names, and keyboard keys, that stay as they are in every language.
BRAND_WORDS = frozenset(
    "wagtail localize markdown csv xlsx pdf zip url urls html json sha utc totp webauthn passkey passkeys "
    "allauth django python svg png jpeg gif webp avif ico alt ctrl cmd shift".split()
)
INVISIBLE = ("script", "style", "textarea", "noscript", "svg", "select", "head")


def _english_catalogues() -> Iterable[Path]:
    """The English catalogue of every installed app that ships one, Django's own, and the project's."""
    roots = [Path(app.path) / "locale" for app in apps.get_app_configs()]
    roots.append(Path(trans_real.__file__).resolve().parents[2] / "conf" / "locale")
    for root in roots:
        candidate = root / "en" / "LC_MESSAGES" / "django.po"
        if candidate.exists():
            yield candidate
    for root in settings.LOCALE_PATHS:
        for language in ("es", "pt", "el"):
            candidate = Path(root) / language / "LC_MESSAGES" / "django.po"
            if candidate.exists():
                yield candidate


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text) if len(word) >= MIN_LENGTH and word.isascii()}


@functools.cache
def _message_words() -> frozenset[str]:
    words: set[str] = set()
    for path in _english_catalogues():
        for entry in polib.pofile(str(path)):
            words |= _words(entry.msgid) | _words(entry.msgid_plural or "")
    return frozenset(words)


@functools.cache
def english_words(language: str) -> frozenset[str]:
    """Words of the interface's English messages that no message translated into `language` uses."""
    translated: set[str] = set()
    for message in trans_real.translation(language)._catalog.items():
        translated |= _words(message[1])
    return frozenset(_message_words() - translated - BRAND_WORDS)


def visible_text(html: str, *, content: Iterable[str] = ()) -> str:
    """The interface text a reader can see or hear: text, placeholders, labels and titles, not code or form values.

    `content` names CSS selectors of what editors wrote (a comparison of two revisions), left out.
    """
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(INVISIBLE):
        element.decompose()
    for selector in content:
        for element in soup.select(selector):
            element.decompose()
    parts = [soup.get_text(" ")]
    for attribute in ("placeholder", "aria-label", "title", "alt", "data-w-tooltip-content-value"):
        parts.extend(element[attribute] for element in soup.find_all(attrs={attribute: True}))
    parts.extend(element.get("value", "") for element in soup.find_all("input", type=("submit", "button")))
    return " ".join(parts)


def english_words_in_text(text: str, *, language: str, names: Iterable[str] = ()) -> set[str]:
    """The English interface words in `text`, once `names` (people, teams, pages) are taken out."""
    text = DIGEST.sub(" ", URL.sub(" ", EMAIL.sub(" ", text)))
    for name in sorted({name for name in names if name}, key=len, reverse=True):
        text = text.replace(name, " ")
    return _words(text) & english_words(language)


def english_words_in_html(
    html: str, *, language: str, names: Iterable[str] = (), content: Iterable[str] = ()
) -> set[str]:
    return english_words_in_text(visible_text(html, content=content), language=language, names=names)
