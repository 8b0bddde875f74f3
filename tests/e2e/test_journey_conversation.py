"""Playing a conversation scenario in a real browser to each kind of ending: resolved, escalated, lost."""

import re

import pytest
from playwright.sync_api import expect

from policy_content.demo import policy_body
from quizzes.conversation_demo_content import LATE_REFUND
from quizzes.models import ConversationAttempt
from tests.e2e.accessibility import assert_accessible, assert_no_horizontal_scroll
from tests.e2e.csp import watch
from tests.e2e.steps import PHONE, sign_in
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import ConversationPageFactory
from tests.training.factories import TeamFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"


def set_up(page):
    """The demo's phone conversation and a person signed in; returns the conversation."""
    policy = PolicyPageFactory(body=policy_body(2))
    conversation = ConversationPageFactory(script=LATE_REFUND, policy=policy, title=LATE_REFUND["title"])
    person = UserFactory(password=PASSWORD, team=TeamFactory())
    sign_in(page, email=person.email, password=PASSWORD)
    page.goto(conversation.url)
    page.get_by_role("button", name="Start the conversation").click()
    expect(page.get_by_role("group", name="Choose your reply")).to_be_visible()
    return conversation


def reply_text(conversation, target_key: str) -> str:
    """The reply at the current step that leads to `target_key`, read from the stored attempt, never the page."""
    from quizzes.conversation_taking import position_of

    attempt = ConversationAttempt.objects.filter(conversation=conversation).latest("started_at")
    snapshot = attempt.snapshot
    keys = {node_id: data["key"] for part in ("steps", "endings") for node_id, data in snapshot[part].items()}
    step = position_of(snapshot, attempt.turns.order_by("number")).step
    return next(option["text"] for option in step["options"] if keys[option["target"]] == target_key)


def choose(page, conversation, target_key: str, *, keyboard: bool = False) -> None:
    button = page.get_by_role("button", name=reply_text(conversation, target_key), exact=True)
    if keyboard:
        button.focus()
        page.keyboard.press("Enter")
    else:
        button.click()


def test_a_caller_is_resolved_by_keyboard_with_the_chat_growing_in_place(page, live_server, screenshot):
    watched = watch(page)
    conversation = set_up(page)
    chat_url = page.url
    expect(page.get_by_role("log")).to_contain_text(LATE_REFUND["opening"])
    assert_accessible(page, "conversation chat")
    screenshot(page, "conversation-resolved", "01-opening")

    choose(page, conversation, "checking", keyboard=True)
    expect(page.get_by_role("log")).to_contain_text("It's 48213.")
    assert page.url.split("#")[0] == chat_url  # the reply was sent without leaving the page
    expect(page.get_by_role("button", name=reply_text(conversation, "closing"), exact=False).first).to_be_focused()
    screenshot(page, "conversation-resolved", "02-customer-answers")

    choose(page, conversation, "closing", keyboard=True)
    expect(page.get_by_role("log")).to_contain_text("Is that everything, then?")
    page.get_by_role("button", name=re.compile("^Yes: your refund of €89")).focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Passed")).to_be_visible()
    expect(page.get_by_text("How it ended:")).to_be_visible()
    expect(page.locator(".outcome")).to_contain_text("Resolved")
    expect(page.get_by_text("You took it.")).to_be_visible()
    assert_accessible(page, "conversation result")
    screenshot(page, "conversation-resolved", "03-result")
    watched.assert_clean()
    attempt = ConversationAttempt.objects.get(conversation=conversation)
    assert (attempt.outcome, attempt.percent, attempt.turns.count()) == ("resolved", 100, 3)


@pytest.mark.browser_context_args(**PHONE)
def test_a_caller_who_asks_for_a_manager_is_escalated_on_a_phone(page, live_server, screenshot):
    conversation = set_up(page)
    assert_no_horizontal_scroll(page)
    choose(page, conversation, "angrier")
    expect(page.get_by_role("log")).to_contain_text("I want your manager, now.")
    assert_no_horizontal_scroll(page)
    screenshot(page, "conversation-escalated-phone", "01-angrier")
    choose(page, conversation, "escalated")

    expect(page.get_by_role("heading", name="Not passed yet")).to_be_visible()
    expect(page.locator(".outcome")).to_contain_text("Escalated correctly")
    expect(page.get_by_role("heading", name="The best path")).to_be_visible()
    assert_no_horizontal_scroll(page)
    screenshot(page, "conversation-escalated-phone", "02-result")
    assert ConversationAttempt.objects.get(conversation=conversation).outcome == "escalated"


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_a_caller_told_to_calm_down_is_lost_with_plain_form_posts(page, live_server, screenshot):
    conversation = set_up(page)
    choose(page, conversation, "lost")

    expect(page.get_by_role("heading", name="Not passed yet")).to_be_visible()
    expect(page.locator(".outcome")).to_contain_text("Customer lost")
    expect(page.get_by_text("Telling an upset caller to calm down sounds like blame")).to_be_visible()
    link = page.get_by_role("link", name="Read this in the policy").first
    expect(link).to_have_attribute("href", re.compile(r"/policies/.+#"))
    screenshot(page, "conversation-lost-no-script", "01-result")
    attempt = ConversationAttempt.objects.get(conversation=conversation)
    assert (attempt.outcome, attempt.percent, attempt.passed) == ("lost", 0, False)
