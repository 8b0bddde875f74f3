"""The tokens that say whether a cached page still shows the truth."""

from __future__ import annotations

import uuid

from django.core.cache import caches
from django.db import transaction

CACHE_ALIAS = "pages"
# Tokens sort after the pages ("p:…"): a database cache that culls the first keys drops pages first.
CONTENT = "t:content"


def person_token_key(person_id: int) -> str:
    return f"t:person:{person_id}"


def _replace(keys: list[str]) -> None:
    caches[CACHE_ALIAS].set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)


def _changed(keys: list[str]) -> None:
    # Now, so this process never serves a page older than its own write; and again once the write is
    # committed, so a page another process rendered from the data before the commit is dropped too.
    _replace(keys)
    transaction.on_commit(lambda: _replace(keys))


def content_changed() -> None:
    """Something every page may show changed: a page, a requirement, a team, a setting."""
    _changed([CONTENT])


def person_changed(*person_ids: int) -> None:
    """Something of these people changed: their profile, role, answers, acknowledgements."""
    if person_ids:
        _changed([person_token_key(pk) for pk in set(person_ids)])


def current_tokens(cache, keys: list[str], found: dict) -> tuple[str, ...]:
    """The tokens under `keys` (read already into `found`), creating any the cache lost or never had."""
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, uuid.uuid4().hex, timeout=None)
    if missing:
        found = {**found, **cache.get_many(missing)}
    return tuple(found.get(key) for key in keys)
