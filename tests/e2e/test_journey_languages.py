"""Journey 4: the first steps of the new-hire journey, in Greek and in Spanish, never leaving the language."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from policy_content.demo import POLICY_SLUG
from policy_content.models import Acknowledgement, PolicyPage
from quizzes.models import QuizPage
from tests.e2e.accessibility import assert_accessible
from tests.e2e.steps import sign_in
from tests.e2e.test_journey_new_hire import answer, latest_attempt
from training.demo.seed import DEMO_PASSWORD
from training.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def translated_page(model, slug: str, language: str):
    source = model.objects.get(slug=slug, locale__language_code="en")
    return model.objects.get(translation_key=source.translation_key, locale__language_code=language)


@pytest.mark.parametrize(
    "language, email",
    [pytest.param("el", "eleni@example.com", id="greek"), pytest.param("es", "tom@example.com", id="spanish")],
)
def test_a_new_hire_starts_in_their_own_language(page, screenshot, language, email):
    call_command("seed_demo", stdout=StringIO())
    person = User.objects.get(email=email)
    User.objects.filter(pk=person.pk).update(preferred_language=language)
    policy = translated_page(PolicyPage, POLICY_SLUG, language)
    quiz = translated_page(QuizPage, "angry-customers", language)
    journey = f"journey-4-{language}"

    def _(text: str) -> str:
        with translation.override(language):
            return translation.gettext(text)

    sign_in(page, email=email, password=DEMO_PASSWORD, language=language)
    expect(page).to_have_url(re.compile(f"/{language}/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("main h1")).to_have_text(_("My training"))
    screenshot(page, journey, "01-dashboard")

    page.locator("main").get_by_role("link", name=policy.title).first.click()
    expect(page).to_have_url(re.compile(f"^.*{re.escape(policy.url)}$"))
    expect(page.locator("main h1")).to_have_text(policy.title)
    assert_accessible(page, f"policy page ({language})")
    page.fill("input[name=typed_name]", person.name)
    page.check("input[name=confirm]")
    page.get_by_role("button", name=_("Acknowledge"), exact=True).click()
    expect(page).to_have_url(re.compile(f"/{language}/"))
    expect(page.locator(".messages, [role=status]").first).to_be_visible()
    screenshot(page, journey, "02-acknowledged")
    ack = Acknowledgement.objects.get(user=person)
    assert (ack.version.number, ack.language) == (2, language)
    assert policy.title in ack.statement

    page.goto(quiz.url)
    expect(page.locator("main h1")).to_have_text(quiz.title)
    page.get_by_role("button", name=re.compile(f"{_('Take the quiz again')}|{_('Start the quiz')}")).click()
    answer(page, latest_attempt(email), right=False)
    page.get_by_role("button", name=_("Submit my answers")).click()
    expect(page.get_by_role("heading", name=_("Not passed yet"))).to_be_visible()
    assert_accessible(page, f"quiz result ({language})")
    screenshot(page, journey, "03-feedback")
    page.get_by_role("link", name=_("Read this in the policy")).first.click()
    expect(page).to_have_url(re.compile(f"{re.escape(policy.url)}#[a-z-]+$"))
    expect(page.locator("main h1")).to_have_text(policy.title)
    attempt = latest_attempt(email)
    assert (attempt.language, attempt.quiz.locale.language_code) == (language, "en")
