"""Signing in through the real OpenID provider and SAML identity provider started for these tests."""

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount

from tests.identity_providers.fixtures import NEW_HIRE, OUTSIDER, PAT
from tests.identity_providers.journeys import sign_in_with_oidc, sign_in_with_saml
from tests.training.factories import UserFactory
from training.models import User

pytestmark = pytest.mark.django_db

SIGN_INS = [pytest.param(sign_in_with_oidc, id="openid-connect"), pytest.param(sign_in_with_saml, id="saml")]


@pytest.mark.parametrize("sign_in", SIGN_INS)
def test_an_existing_person_signs_in_through_the_provider_by_their_address(sso_client, sso_providers, sign_in):
    pat = UserFactory(email=PAT.email, preferred_language="pt")

    response = sign_in(sso_client, PAT)

    assert response.status_code == 302
    assert response["Location"] == "/pt/"
    assert sso_client.get("/pt/").context["user"] == pat
    assert SocialAccount.objects.get(user=pat).provider in {"corp-id", "corp-saml"}
    assert User.objects.filter(email__iexact=PAT.email).count() == 1


@pytest.mark.parametrize("sign_in", SIGN_INS)
def test_a_new_person_of_a_sign_up_domain_gets_an_account_with_the_address_verified(sso_client, sso_providers, sign_in):
    response = sign_in(sso_client, NEW_HIRE)

    assert response.status_code == 302
    person = User.objects.get(email__iexact=NEW_HIRE.email)
    assert person.name == "Noa Hill"
    assert person.has_usable_password() is False
    assert EmailAddress.objects.get(user=person).verified is True
    assert response["Location"] == "/en/"
    assert sso_client.get(response["Location"]).context["user"] == person


@pytest.mark.parametrize("sign_in", SIGN_INS)
def test_a_person_of_another_domain_is_refused_with_a_clear_message(sso_client, sso_providers, sign_in):
    response = sign_in(sso_client, OUTSIDER)

    assert response.status_code == 403
    assert "visitor@elsewhere.example" in response.content.decode()
    assert "cannot create one" in response.content.decode()
    assert not User.objects.filter(email__iexact=OUTSIDER.email).exists()
    assert sso_client.get("/en/").context["user"].is_authenticated is False


def test_the_sign_in_page_shows_one_button_per_provider_in_the_readers_language(sso_client, sso_providers):
    page = sso_client.get("/el/accounts/login/").content.decode()

    assert "Σύνδεση με Corp ID" in page
    assert "Σύνδεση με Corp SAML" in page
    assert 'action="/accounts/oidc/corp-id/login/"' in page
    assert 'action="/accounts/saml/corp-saml/login/"' in page
