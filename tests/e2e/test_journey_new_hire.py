"""Journey 1: a new hire reads and acknowledges the policy, fails a quiz, follows its feedback, passes."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from quizzes.models import QuizAttempt
from tests.e2e.accessibility import assert_accessible, assert_no_horizontal_scroll
from tests.e2e.steps import PHONE, sign_in
from training.demo.seed import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def latest_attempt(email: str) -> QuizAttempt:
    return QuizAttempt.objects.filter(user__email=email, quiz__slug="angry-customers").latest("started_at")


def answer(page, attempt: QuizAttempt, *, right: bool, keyboard: bool = False) -> None:
    """Tick the answers, taking what is right from the stored snapshot, never from the page."""
    for question in attempt.snapshot["questions"]:
        if question["type"] == "ordering":
            order = question["correct_order"] if right else list(reversed(question["correct_order"]))
            for position, step_id in enumerate(order, start=1):
                page.select_option(f"#q-{question['id']}-pos-{step_id}", str(position))
            continue
        correct = [o["id"] for o in question["choices"] if o["correct"]]
        wrong = [o["id"] for o in question["choices"] if not o["correct"]]
        for option_id in correct if right else wrong[:1]:
            field = page.locator(f"#q-{question['id']}-{option_id}")
            if keyboard:
                field.focus()
                page.keyboard.press("Space")
            else:
                field.check()
            expect(field).to_be_checked()


def new_hire_journey(page, screenshot, journey: str) -> None:
    """Journey 1, checking on every page that nothing needs horizontal scrolling."""
    call_command("seed_demo", stdout=StringIO())
    email = "tom@example.com"
    sign_in(page, email=email, password=DEMO_PASSWORD)
    expect(page.locator("main h1")).to_have_text("My training")
    expect(page.get_by_text("Customer service policy").first).to_be_visible()
    assert_accessible(page, "dashboard")
    assert_no_horizontal_scroll(page)
    screenshot(page, journey, "01-dashboard")

    page.goto("/en/policies/customer-service-policy/")
    expect(page.locator("main h1")).to_have_text("Customer service policy")
    assert_accessible(page, "policy page")
    assert_no_horizontal_scroll(page)
    page.fill("input[name=typed_name]", "Tom Baker")
    page.check("input[name=confirm]")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.get_by_text(re.compile(r"Your acknowledgement of version 2 is recorded"))).to_be_visible()
    screenshot(page, journey, "02-acknowledged")

    page.goto("/en/quizzes/angry-customers/")
    page.get_by_role("button", name=re.compile("Take the quiz again|Start the quiz")).click()
    expect(page.get_by_role("button", name="Submit my answers")).to_be_visible()
    assert_accessible(page, "quiz questions")
    assert_no_horizontal_scroll(page)
    answer(page, latest_attempt(email), right=False)
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("heading", name="Not passed yet")).to_be_visible()
    assert_accessible(page, "quiz result")
    assert_no_horizontal_scroll(page)
    screenshot(page, journey, "03-failed-with-feedback")

    link = page.get_by_role("link", name="Read this in the policy").first
    href = link.get_attribute("href")
    link.click()
    anchor = href.split("#", 1)[1]
    expect(page).to_have_url(re.compile(f"/en/policies/customer-service-policy/#{anchor}$"))
    expect(page.locator(f"#{anchor}")).to_be_visible()
    page.go_back()

    page.get_by_role("button", name="Take the quiz again").click()
    expect(page.get_by_role("button", name="Submit my answers")).to_be_visible()
    answer(page, latest_attempt(email), right=True, keyboard=True)
    page.get_by_role("button", name="Submit my answers").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Passed")).to_be_visible()
    screenshot(page, journey, "04-passed")

    page.goto("/en/")
    expect(page.get_by_text("2 of 4 items done")).to_be_visible()
    assert_no_horizontal_scroll(page)
    screenshot(page, journey, "05-dashboard-progress")
    attempts = QuizAttempt.objects.filter(user__email=email, quiz__slug="angry-customers").order_by("started_at")
    assert [attempt.passed for attempt in attempts] == [False, False, True]
    assert all(attempt.snapshot["questions"] for attempt in attempts)


def test_new_hire_acknowledges_fails_reads_feedback_and_passes(page, live_server, screenshot):
    new_hire_journey(page, screenshot, "new-hire-journey")


@pytest.mark.browser_context_args(**PHONE)
def test_the_new_hire_journey_works_on_a_phone(page, live_server, screenshot):
    new_hire_journey(page, screenshot, "new-hire-journey-phone")
