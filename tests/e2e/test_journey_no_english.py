"""A manager, a policy editor and an employee sign in in Spanish, Portuguese and Greek and meet no English."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail_localize.models import String

from policy_content.models import PolicyPage
from tests.e2e.steps import sign_in
from tests.english_text import english_words_in_html
from tests.training.admin_screens import names_shown
from tests.training.factories import AuthenticatorFactory
from training.demo.seed import DEMO_PASSWORD
from training.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ["es", "pt", "el"]


def screens(role: str, language: str) -> list[str]:
    """What each of them opens after signing in."""
    if role == "employee":
        policy = PolicyPage.objects.get(locale__language_code=language)
        return [f"/{language}/", policy.url, f"/{language}/evidence/"]
    if role == "manager":
        return [
            "/admin/",
            "/admin/training/team/",
            "/admin/training/acknowledgements/",
            "/admin/training/quiz-results/",
        ]
    policy = PolicyPage.objects.get(locale__language_code="en")
    return [
        "/admin/",
        f"/admin/pages/{policy.get_parent().pk}/",
        f"/admin/pages/{policy.pk}/edit/",
        f"/admin/pages/{policy.pk}/history/",
        "/admin/reports/policy-reviews/",
    ]


def english_met(page, role: str, email: str, language: str, names) -> dict[str, set[str]]:
    person = User.objects.get(email=email)
    person.preferred_language = language
    person.save()
    page.context.clear_cookies()
    sign_in(page, email=email, password=DEMO_PASSWORD, language=language)
    found = {}
    for url in screens(role, language):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language, url
        found[url] = english_words_in_html(page.content(), language=language, names=names)
    return found


def test_manager_editor_and_employee_meet_no_english_in_their_language(page, live_server, screenshot):
    call_command("seed_demo", stdout=StringIO())
    people = {"manager": "manager@example.com", "editor": "editor@example.com", "employee": "sofia@example.com"}
    for role in ("manager", "editor"):
        AuthenticatorFactory(user=User.objects.get(email=people[role]))
    names = names_shown() + [name for _code, name in settings.LANGUAGES]
    names += list(String.objects.values_list("data", flat=True))
    english = {}
    for language in LANGUAGES:
        for role, email in people.items():
            for url, words in english_met(page, role, email, language, names).items():
                if words:
                    english[f"{role} {language} {url}"] = words
        screenshot(page, "no-english", f"editor-{language}")
    assert english == {}
