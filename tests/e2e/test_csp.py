"""Under the Content-Security-Policy the admin and the front end work, and the browser reports no violation."""

import pytest
from playwright.sync_api import expect

from tests.e2e.csp import watch
from tests.e2e.steps import authenticate
from tests.policy_content.factories import PolicyPageFactory
from tests.quizzes.factories import QuizPageFactory
from tests.training.factories import RequirementFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def policy(db):
    return PolicyPageFactory(title="Complaints policy", slug="complaints-policy")


def test_the_admin_works_under_the_policy_with_no_violation(page, context, base_url, policy, home_page, superuser):
    quiz = QuizPageFactory(policy=policy)
    authenticate(context, superuser, base_url=base_url)
    watched = watch(page)

    page.goto("/admin/")
    expect(page.locator("#wagtail-sidebar")).to_be_attached()
    expect(page.locator("main h1")).to_be_visible()
    watched.collect()

    page.goto(f"/admin/pages/{policy.pk}/edit/")
    expect(page.locator(".EasyMDEContainer").first).to_be_visible()
    expect(page.locator(".editor-toolbar button.preview").first).to_be_visible()
    expect(page.locator("[data-contentpath=body] [data-streamfield-stream-container]")).to_be_attached()
    page.locator("#id_review_due").click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)  # the date picker started
    page.keyboard.press("Escape")
    page.locator("[data-side-panel-toggle=preview]").click()  # Wagtail's live preview of the page
    expect(page.frame_locator("#w-preview-iframe").locator("main")).to_contain_text("Complaints policy")
    watched.collect()

    page.goto(f"/admin/pages/{quiz.pk}/edit/")
    expect(page.locator("[data-contentpath=question_bank]")).to_be_attached()
    page.locator("#id_policy-chooser .w-dropdown__toggle").click()
    page.locator("[data-chooser-action-choose]:visible").first.click()  # the policy chooser started
    expect(page.locator(".modal-dialog")).to_be_visible()
    watched.collect()

    page.goto("/admin/reports/policy-reviews/")
    expect(page.locator("main h1")).to_be_visible()
    watched.collect()

    page.goto("/admin/training/team/")
    expect(page.locator("main")).to_be_visible()
    watched.collect()

    page.goto(f"/admin/pages/{policy.pk}/history/")
    expect(page.locator("main")).to_be_visible()
    watched.assert_clean()


def test_the_front_end_and_sign_in_pages_report_no_violation(page, context, base_url, policy, password):
    watched = watch(page)

    page.goto("/en/accounts/login/")
    expect(page.locator("input[name=login]")).to_be_visible()
    watched.collect()
    page.goto("/en/accounts/password/reset/")
    watched.collect()

    RequirementFactory(page=policy)
    employee = UserFactory(roles=["Employees"], password=password, team=TeamFactory())
    authenticate(context, employee, base_url=base_url)
    page.goto("/en/")
    expect(page.locator(".progress__bar rect")).to_have_attribute("width", "0")  # drawn without a style attribute
    assert page.locator(".progress").bounding_box()["width"] > 100
    watched.collect()
    page.goto(policy.url)
    expect(page.locator("main")).to_contain_text("Complaints policy")
    watched.collect()
    page.goto("/en/accounts/2fa/")
    expect(page.locator("main h1")).to_be_visible()
    watched.assert_clean()
