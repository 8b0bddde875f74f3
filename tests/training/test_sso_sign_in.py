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
