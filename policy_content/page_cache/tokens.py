"""The tokens that say whether a cached page still shows the truth."""

from __future__ import annotations

import uuid

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import transaction
from django.dispatch import Signal

CACHE_ALIAS = "pages"
# Tokens sort after the pages ("p:…"): a database cache that culls the first keys drops pages first.
CONTENT = "t:content"

records_changed = Signal()
"""Sent, inside the writing transaction, for every change the page cache hears of: with the
`person_ids` whose records changed, or None when content every person's standing may depend on
changed. Everything else kept from the records (the standings table) listens to the same events."""


def person_token_key(person_id: int) -> str:
    return f"t:person:{person_id}"


def _replace(keys: list[str]) -> None:
    caches[CACHE_ALIAS].set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)


class _Pending:
    """The tokens a transaction replaced: replaced once more, together, when it commits."""

    def __init__(self):
        self.keys: set[str] = set()

    def commit(self) -> None:
        _replace(sorted(self.keys))


def _pending(connection) -> _Pending:
    """This transaction's pending tokens; a new set when a rollback dropped the last one's commit callback."""
    pending = getattr(connection, "page_cache_pending", None)
    if pending is None or not any(callback == pending.commit for _ids, callback, _robust in connection.run_on_commit):
        pending = connection.page_cache_pending = _Pending()
        transaction.on_commit(pending.commit)
    return pending


def _changed(keys: list[str]) -> None:
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _replace(keys)  # the write is committed already
        return
    # At the commit, so a page another process renders from the data before it is dropped. A cache
    # outside the database (memory, Redis) is written now as well, so this process never serves a
    # page older than its own write; the database cache would keep that write invisible until the
    # commit anyway, and writing it there once per commit saves five queries a token.
    if not isinstance(caches[CACHE_ALIAS], DatabaseCache):
        _replace(keys)
    _pending(connection).keys.update(keys)


def content_changed() -> None:
    """Something every page may show changed: a page, a requirement, a team, a setting."""
    _changed([CONTENT])
    records_changed.send(sender=None, person_ids=None)


def person_changed(*person_ids: int) -> None:
    """Something of these people changed: their profile, role, answers, acknowledgements."""
    if person_ids:
        _changed([person_token_key(pk) for pk in set(person_ids)])
        records_changed.send(sender=None, person_ids=frozenset(person_ids))


def current_tokens(cache, keys: list[str], found: dict) -> tuple[str, ...]:
    """The tokens under `keys` (read already into `found`), creating any the cache lost or never had."""
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, uuid.uuid4().hex, timeout=None)
    if missing:
        found = {**found, **cache.get_many(missing)}
    return tuple(found.get(key) for key in keys)
