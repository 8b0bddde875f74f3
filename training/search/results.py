"""What a reader's search finds: policy sections and quizzes they may open, in their language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import override
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from policy_content.comparison import section_texts
from policy_content.localized import default_language_code
from policy_content.models import PolicyPage
from quizzes.models import QuizPage

from .highlight import QueryTerms, highlight, query_terms

__all__ = ["MAX_QUERY_LENGTH", "Hit", "SearchOutcome", "search_site"]

MAX_QUERY_LENGTH = 100
MAX_WORDS = 10
MAX_PAGES = 20
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Hit:
    """One result: a policy section (or a quiz), with the matching text marked."""

    page_title: str
    heading: SafeString
    url: str
    snippet: SafeString
    language: str
    is_quiz: bool = False


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    hits: list[Hit] = field(default_factory=list)
    problem: str = ""  # "empty" or "too_long": nothing was searched


def search_site(*, query: str, request, language: str) -> SearchOutcome:
    """The policy sections and quizzes matching every word of `query`, for this reader in `language`."""
    query = " ".join((query or "").split())
    if len(query) > MAX_QUERY_LENGTH:
        return SearchOutcome(query=query[:MAX_QUERY_LENGTH], problem="too_long")
    words = _WORD.findall(query)
    if not words:
        return SearchOutcome(query=query, problem="empty")
    if len(words) > MAX_WORDS:
        return SearchOutcome(query=query, problem="too_long")
    hidden = _hidden_paths(request)
    hits: list[Hit] = []
    for model, hits_of in ((PolicyPage, _policy_hits), (QuizPage, _quiz_hits)):
        for page_language, page_ids in _pages_by_language(model, hidden=hidden, language=language).items():
            with override(page_language):
                pages = get_search_backend().search(" ".join(words), model.objects.filter(id__in=page_ids))[:MAX_PAGES]
                terms = query_terms(query, language=page_language)
                for page in pages:
                    hits += hits_of(page, terms=terms, request=request, language=page_language)
    return SearchOutcome(query=query, hits=hits)


def _hidden_paths(request) -> list[str]:
    """Tree paths under a view restriction the request does not pass (sign-in, groups, password)."""
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return [restriction.page.path for restriction in restrictions if not restriction.accept_request(request)]


def _pages_by_language(model: type[Page], *, hidden: list[str], language: str) -> dict[str, list[int]]:
    """Ids of the live pages a reader may open, in their language, else in the source language (one query)."""
    source_language = default_language_code()
    rows = model.objects.live().filter(locale__language_code__in={language, source_language})
    for path in hidden:
        rows = rows.exclude(path__startswith=path)
    rows = list(rows.values_list("pk", "translation_key", "locale__language_code"))
    translated = {key for _pk, key, code in rows if code == language}
    chosen: dict[str, list[int]] = {}
    for pk, key, code in rows:
        if code == language or key not in translated:
            chosen.setdefault(code, []).append(pk)
    return chosen


def _policy_hits(page: PolicyPage, *, terms: QueryTerms, request, language: str) -> list[Hit]:
    """The sections holding the most of the query's words (all of them, when one does), each at its best line."""
    url = page.get_url(request)
    scored = []
    for anchor, heading, lines in section_texts(page):
        found = terms.found_in(" ".join([heading, *lines]))
        if found:
            best = max(lines, key=lambda line: len(terms.found_in(line)), default="")
            scored.append((len(found), anchor, heading, best))
    most = max((score for score, *_rest in scored), default=0)
    hits = [
        Hit(page.title, highlight(heading, terms), f"{url}#{anchor}", highlight(line, terms), language)
        for score, anchor, heading, line in scored
        if score == most
    ]
    if not hits:  # matched by its title or summary
        hits.append(Hit(page.title, highlight(page.title, terms), url, highlight(page.summary, terms), language))
    return hits


def _quiz_hits(page: QuizPage, *, terms: QueryTerms, request, language: str) -> list[Hit]:
    heading = highlight(page.title, terms)
    return [Hit(page.title, heading, page.get_url(request), highlight(page.intro, terms), language, is_quiz=True)]
