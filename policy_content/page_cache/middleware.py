"""Serve a page from the shared cache when nothing it shows has changed since it was rendered."""

from __future__ import annotations

import hashlib
import zlib

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone, translation

from .tokens import CACHE_ALIAS, CONTENT, current_tokens, person_token_key

# Only Wagtail's pages are kept (those that mark themselves cacheable): no other view is looked up.
WAGTAIL_SERVE = "wagtail_serve"


def _pending_messages(request) -> int:
    storage = getattr(request, "_messages", None)
    return len(storage) if storage is not None else 0


def _may_look_up(request) -> bool:
    return (
        request.method == "GET"
        and request.resolver_match.url_name == WAGTAIL_SERVE
        and not _pending_messages(request)  # a page showing a message is shown once
    )


_SECRET_DIGEST = hashlib.sha256(f"page-cache:{settings.SECRET_KEY}".encode()).hexdigest()


def _today():
    return timezone.localdate()


def _keys(request) -> tuple[str, list[str]]:
    """The entry's key and its tokens' keys: a page per reader, session, language and day.

    The reader is read from the session, without loading them: their token changes with anything
    that could end the session's sign-in (password, deactivation, deletion), and the secret key is
    part of the key, so a page is only served from here to a sign-in that still stands.
    """
    session = request.session
    person = session.get(SESSION_KEY)
    parts = (
        _SECRET_DIGEST,
        request.get_host(),
        request.get_full_path(),
        translation.get_language() or "",
        _today().isoformat(),
        str(person),
        session.get(HASH_SESSION_KEY, ""),
        # The page carries a CSRF token: keep it to the session and CSRF cookie it was made for.
        session.session_key or "",
        request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
    )
    entry_key = "p:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return entry_key, [CONTENT, *([person_token_key(person)] if person else [])]


def _new_csrf_secret(request) -> bool:
    """Whether the page's CSRF token is for a secret made in this request: the cookie it goes with
    is only on its way to the browser, and the key above was made without it."""
    secret = request.META.get("CSRF_COOKIE")
    return secret is not None and secret != request.COOKIES.get(settings.CSRF_COOKIE_NAME)


def _may_store(request, response) -> bool:
    return (
        getattr(response, "page_cache", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not _new_csrf_secret(request)
        and not request.session.modified
        and not _pending_messages(request)
    )


def _entry(response, tokens: tuple) -> dict:
    headers = {name: value for name, value in response.headers.items() if name.lower() != "content-length"}
    return {"tokens": tokens, "content": zlib.compress(response.content, 1), "headers": headers}


def _response(entry: dict) -> HttpResponse:
    response = HttpResponse(zlib.decompress(entry["content"]))
    for name, value in entry["headers"].items():
        response.headers[name] = value
    return response


class PersonalPageCacheMiddleware:
    """Last in MIDDLEWARE: sessions, language, CSRF, authentication and two-factor have all had their say.

    The look-up happens once the URL is resolved (`process_view`), so only Wagtail's pages are looked up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        missed = getattr(request, "page_cache_miss", None)
        if missed is not None and _may_store(request, response):
            key, tokens = missed
            caches[CACHE_ALIAS].set(key, _entry(response, tokens), timeout=settings.PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _may_look_up(request):
            return None
        cache = caches[CACHE_ALIAS]
        key, token_keys = _keys(request)
        found = cache.get_many([key, *token_keys])
        # Read before rendering: a change made while the page renders leaves the entry already out of date.
        tokens = current_tokens(cache, token_keys, found)
        entry = found.get(key)
        if entry is not None and entry["tokens"] == tokens:
            return _response(entry)
        request.page_cache_miss = (key, tokens)
        return None
