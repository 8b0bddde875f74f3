"""Every URL pattern of the site, read from the URL resolver, and the outcome class of a request to it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

PROJECT_APPS = ("training", "policy_content", "quizzes")
# The admin viewsets the project registers (training/viewsets.py).
PROJECT_VIEWSETS = (
    "people",
    "teams",
    "requirements",
    "policy_versions",
    "acknowledgements",
    "quiz_attempts",
    "conversation_attempts",
    "provisioning_clients",
)
# Wagtail's own views the project replaces by a route mounted before the admin URLs (training/urls.py).
PROJECT_OVERRIDES = ("admin/login/", "admin/logout/", "admin/account/")


@dataclass(frozen=True)
class UrlPattern:
    key: str  # the qualified URL name, or the route when the pattern has none
    route: str
    project: bool


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace, pattern


def _is_project(route: str, namespace: str, pattern: URLPattern) -> bool:
    if pattern.lookup_str.split(".")[0] in PROJECT_APPS:
        return True
    return namespace.rstrip(":") in PROJECT_VIEWSETS or route in PROJECT_OVERRIDES


def site_patterns() -> list[UrlPattern]:
    """The reachable patterns (the first of two identical routes wins, as in the resolver)."""
    seen, found = set(), []
    for route, namespace, pattern in _walk(get_resolver().url_patterns):
        if route in seen:
            continue
        seen.add(route)
        key = f"{namespace}{pattern.name}" if pattern.name else route
        found.append(UrlPattern(key, route, _is_project(route, namespace, pattern)))
    return found


def page_routes() -> list[tuple[type, str, str]]:
    """(page model, route name, route) of every RoutablePageMixin route of the project's pages."""
    routes = []
    for model in get_page_models():
        if model._meta.app_label in PROJECT_APPS and issubclass(model, RoutablePageMixin):
            for pattern in model.get_subpage_urls():
                routes.append((model, pattern.name or "", str(pattern.pattern)))
    return routes


def fill(route: str, values: dict) -> str:
    """A concrete path: each parameter from `values` (by name), else 1 for numbers and "x" for text."""

    def route_value(match):
        kind, name = match.group(1), match.group(2)
        return str(values.get(name, "1" if kind == "int" else "x"))

    def regex_value(match):
        name, expression = match.group(1), match.group(2)
        return str(values.get(name, "1" if r"\d" in expression else "x"))

    path = re.sub(r"\(\?P<(\w+)>((?:[^()]|\([^()]*\))*)\)", regex_value, route)
    path = re.sub(r"<(?:(\w+):)?(\w+)>", route_value, path)
    for expression, sample in ((r"(\d+)", "1"), (r"(.*)", "file.pdf"), (r"((?:[\w\-]+/)*)", ""), (".*", "no-such")):
        path = path.replace(expression, sample)
    return "/" + path.replace("^", "").replace("$", "").replace("\\.", ".")


# Outcome classes ------------------------------------------------------------------------------

OK, SIGN_IN, UNAUTHORIZED, DENIED, REFUSED, MISSING, NOT_ALLOWED, REDIRECT = (
    "200",
    "sign-in",
    "401",
    "403",
    "refused",
    "404",
    "405",
    "redirect",
)


def outcome(client, path: str) -> str:
    """The class of a GET: 200, a redirect to sign-in, 403, Wagtail's refusal (back to the admin home
    with an error), 404 (including the language redirect that ends in a 404), 405 or another redirect."""
    response = client.get(path)
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if "/accounts/login/" in location:
            return SIGN_IN
        if location.split("?")[0] in ("/admin/", "/admin"):
            return REFUSED
        if location.split("?")[0] == "/en" + path.split("?")[0]:
            return outcome(client, location)
        return REDIRECT
    return {200: OK, 401: UNAUTHORIZED, 403: DENIED, 404: MISSING, 405: NOT_ALLOWED}.get(status, str(status))
