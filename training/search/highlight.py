"""Which words of a text match a query, as the search index matched them, and the text with them marked."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["QueryTerms", "highlight", "query_terms"]

# The Snowball stemmers PostgreSQL's configurations use, by language code.
STEMMERS = {"en": "english", "es": "spanish", "pt": "portuguese", "el": "greek"}
SNIPPET_CHARACTERS = 240
_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    """Lower case without accents ("Automática" -> "automatica", "Απάντηση" -> "απαντηση")."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=8)
def _stemmer(language: str):
    name = STEMMERS.get(language.split("-")[0])
    return snowballstemmer.stemmer(name) if name else None


class QueryTerms:
    """The words of a query, compared with a text's words by stem in the given language."""

    def __init__(self, words: list[str], *, language: str):
        self.language = language
        self.keys = frozenset(self.key(word) for word in words)

    def key(self, word: str) -> str:
        stemmer = _stemmer(self.language)
        stem = stemmer.stemWord(word.lower()) if stemmer else word
        return _fold(stem)

    def matches(self, word: str) -> bool:
        return self.key(word) in self.keys

    def found_in(self, text: str) -> frozenset[str]:
        """The query's words (as stems) that `text` contains."""
        return self.keys.intersection(self.key(word) for word in _WORD.findall(text))

    def __bool__(self) -> bool:
        return bool(self.keys)


def query_terms(query: str, *, language: str) -> QueryTerms:
    """The words of what a reader typed (quotes and operators are not words)."""
    return QueryTerms(_WORD.findall(query), language=language)


def highlight(text: str, terms: QueryTerms, *, length: int = SNIPPET_CHARACTERS) -> SafeString:
    """`text` escaped, cut to about `length` characters around the first match, each match in <mark>."""
    spans = [match.span() for match in _WORD.finditer(text) if terms.matches(match.group())]
    start, end = 0, len(text)
    if len(text) > length:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - length // 3, len(text) - length))
        end = start + length
        # Cut between words, keeping the first match.
        space = text.find(" ", start, first)
        start = space + 1 if start and space != -1 else start
        space = text.rfind(" ", start, end)
        end = space if end < len(text) and space > (spans[0][1] if spans else start) else end
    pieces = ["…" if start else ""]
    position = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces += [escape(text[position:span_start]), "<mark>", escape(text[span_start:span_end]), "</mark>"]
        position = span_end
    pieces += [escape(text[position:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(pieces))  # every piece of the text went through escape()
