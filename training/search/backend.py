"""Wagtail's database search backend, stemming each page in its own language on PostgreSQL.

On PostgreSQL each object is indexed with the text search configuration of its locale's language
(`SEARCH_CONFIGS`, e.g. Spanish pages with ``spanish``) and a query is parsed with the configuration of the
active language (the reader's on the front end, the editor's in the admin); records without a locale are
indexed and searched in the default language. A language whose configuration the server lacks falls back to
``simple`` (whole words, no stemming). Other databases get Wagtail's own database backend, which matches
whole words.
"""

from __future__ import annotations

import copy
from collections import defaultdict

from django.conf import settings
from django.db import connections, router
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.conf import get_app_config
from wagtail.models import Locale, TranslatableMixin

__all__ = ["LanguageSearchBackend", "SearchBackend", "text_search_config"]

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)
FALLBACK_CONFIG = "simple"
_available: dict[str, frozenset[str]] = {}


def _available_configs() -> frozenset[str]:
    """The text search configurations the index's database has (asked once per process)."""
    alias = router.db_for_read(IndexEntry)
    if alias not in _available:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_catalog.pg_ts_config")
            _available[alias] = frozenset(row[0] for row in cursor.fetchall())
    return _available[alias]


def text_search_config(language: str | None, configs: dict[str, str]) -> str:
    """The configuration for a language code ("es-ar" counts as "es"), or ``simple`` when PostgreSQL has none."""
    code = (language or settings.LANGUAGE_CODE).lower()
    wanted = configs.get(code) or configs.get(code.split("-")[0])
    return wanted if wanted in _available_configs() else FALLBACK_CONFIG


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        # Records without a locale (people, teams, documents) are indexed in the default language.
        translatable = issubclass(self.queryset.model, TranslatableMixin)
        return text_search_config(get_language() if translatable else None, backend.language_configs)


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        languages = _languages_by_locale()
        groups = defaultdict(list)
        for obj in objs:
            locale_id = getattr(obj, "locale_id", None)
            language = languages.get(locale_id) if locale_id else None
            groups[text_search_config(language, self.backend.language_configs)].append(obj)
        for config, group in groups.items():
            index = copy.copy(self)
            index.backend = copy.copy(self.backend)
            index.backend.config = config
            PostgresIndex.add_items(index, model, group)


def _languages_by_locale() -> dict[int, str]:
    return dict(Locale.objects.values_list("pk", "language_code"))


class LanguageSearchBackend(PostgresSearchBackend):
    """PostgreSQL full-text search with one text search configuration per content language."""

    query_compiler_class = LanguageQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        params = dict(params)
        self.language_configs = {code.lower(): name for code, name in params.pop("SEARCH_CONFIGS", {}).items()}
        super().__init__(params)


def SearchBackend(params):  # Wagtail looks the backend up by this name
    """PostgreSQL: per-language stemming; any other database: Wagtail's database backend."""
    if connections[router.db_for_read(IndexEntry)].vendor == "postgresql":
        return LanguageSearchBackend(params)
    return DatabaseSearchBackend({key: value for key, value in params.items() if key != "SEARCH_CONFIGS"})
