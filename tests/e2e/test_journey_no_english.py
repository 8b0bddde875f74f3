"""A manager, a policy editor and an employee sign in in Spanish, Portuguese and Greek and meet no English."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail_localize.models import String, StringTranslation

from policy_content.models import PolicyPage
from tests.e2e.steps import sign_in
from tests.english_text import english_words_in_html
from tests.training.admin_screens import names_shown
from tests.training.factories import AuthenticatorFactory, UserFactory
from training.demo.seed import DEMO_PASSWORD
from training.models import Team, User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ["es", "pt", "el"]
# What editors wrote (a policy's summary and text, the Markdown editor with its own toolbar), and the
# calendar of the date filters, whose "Save selected" button the date picker library writes in English.
CONTENT = (".EasyMDEContainer", ".policy-header .lead", ".policy-body", ".xdsoft_datetimepicker")


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
        f"/admin/pages/{policy.pk}/history/",
        "/admin/reports/policy-reviews/",
    ]


def people_speaking(language: str) -> dict[str, str]:
    """A manager of the demo's Contact centre, an editor and an employee who read `language`.

    The manager and the editor are new people for each language: an authenticator code is good once.
    """
    manager = UserFactory(
        name=f"Manager {language}", roles=["Managers", "Employees"], password=DEMO_PASSWORD, preferred_language=language
    )
    Team.objects.get(managers__email="manager@example.com").managers.add(manager)
    editor = UserFactory(
        name=f"Editor {language}", roles=["Policy editors"], password=DEMO_PASSWORD, preferred_language=language
    )
    for person in (manager, editor):
        AuthenticatorFactory(user=person)
    employee = User.objects.get(email="sofia@example.com")
    employee.preferred_language = language
    employee.save()
    return {"manager": manager.email, "editor": editor.email, "employee": employee.email}


def english_met(page, role: str, email: str, language: str, names) -> dict[str, set[str]]:
    page.context.clear_cookies()
    sign_in(page, email=email, password=DEMO_PASSWORD, language=language)
    found = {}
    for url in screens(role, language):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language, url
        found[url] = english_words_in_html(page.content(), language=language, names=names, content=CONTENT)
    return found


def test_manager_editor_and_employee_meet_no_english_in_their_language(page, live_server, screenshot):
    call_command("seed_demo", stdout=StringIO())
    people = {language: people_speaking(language) for language in LANGUAGES}
    names = names_shown() + [name for _code, name in settings.LANGUAGES]
    names += list(String.objects.values_list("data", flat=True))
    names += list(StringTranslation.objects.values_list("data", flat=True))
    english = {}
    for language in LANGUAGES:
        for role, email in people[language].items():
            for url, words in english_met(page, role, email, language, names).items():
                if words:
                    english[f"{role} {language} {url}"] = words
        screenshot(page, "no-english", f"editor-{language}")
    assert english == {}, "\n".join(f"{where}: {sorted(words)}" for where, words in english.items())
