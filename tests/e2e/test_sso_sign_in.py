"""Single sign-on in a real browser, through the OpenID provider and the SAML identity provider the tests start."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible
from tests.e2e.steps import sign_in_url
from tests.identity_providers.fixtures import IDP_PASSWORD, OUTSIDER, PAT, IdPPerson
from tests.training.factories import UserFactory
from training.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PROVIDERS = [
    pytest.param("Sign in with Corp ID", "Log in to the identity provider", id="openid-connect"),
    pytest.param("Sign in with Corp SAML", "Log in to the SAML identity provider", id="saml"),
]


@pytest.fixture(scope="module")
def relying_party_url(live_server) -> str:
    """The providers send the browser back to the live server."""
    return live_server.url


def sign_in_at_provider(page: Page, person: IdPPerson, *, button: str, provider_submit: str) -> None:
    """Press the provider's button on the sign-in page, then sign in on the provider's own page."""
    page.goto(sign_in_url())
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("button", name=provider_submit)).to_be_visible()
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Password").fill(IDP_PASSWORD)
    page.get_by_role("button", name=provider_submit).click()


@pytest.mark.parametrize(("button", "provider_submit"), PROVIDERS)
def test_a_person_signs_in_through_their_company_provider_and_lands_on_my_training(
    page, live_server, sso_providers, screenshot, button, provider_submit
):
    person = UserFactory(email=PAT.email, name="Pat Lopes", preferred_language="en", roles=["Employees"])
    page.goto(sign_in_url())
    assert_accessible(page, "Sign-in page with single sign-on buttons")
    screenshot(page, "single-sign-on", "01-sign-in-with-providers")

    sign_in_at_provider(page, PAT, button=button, provider_submit=provider_submit)

    expect(page).to_have_url(f"{live_server.url}/en/")
    expect(page.locator("main h1")).to_have_text("My training")
    expect(page.locator("header")).to_contain_text("Pat Lopes")
    assert person.socialaccount_set.count() == 1
    screenshot(page, "single-sign-on", f"02-my-training-{button.rsplit(' ', 1)[-1].lower()}")


@pytest.mark.parametrize(("button", "provider_submit"), PROVIDERS)
def test_a_person_of_a_domain_that_may_not_sign_up_is_refused_with_a_clear_message(
    page, sso_providers, screenshot, button, provider_submit
):
    sign_in_at_provider(page, OUTSIDER, button=button, provider_submit=provider_submit)

    expect(page.locator("main h1")).to_have_text("No account for this address")
    expect(page.get_by_role("alert")).to_contain_text(f"signed you in as {OUTSIDER.email}")
    expect(page.get_by_role("alert")).to_contain_text("cannot create one")
    assert_accessible(page, "Single sign-on refused")
    screenshot(page, "single-sign-on", f"03-refused-{button.rsplit(' ', 1)[-1].lower()}")
    page.goto("/en/")
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    assert not User.objects.filter(email__iexact=OUTSIDER.email).exists()
