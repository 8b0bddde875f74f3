"""Single sign-on rules: password sign-in for SSO-only domains, two-factor authentication, provider settings."""

import json
import re

import pytest
from allauth.socialaccount.models import SocialApp
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation

from policy_content.models import Acknowledgement
from tests.identity_providers.fixtures import OUTSIDER, PAT, STAFF_DOMAIN, provider_settings
from tests.identity_providers.journeys import sign_in_with_oidc, sign_in_with_saml
from tests.policy_content.factories import PolicyPageFactory
from tests.training.auth_helpers import REAUTHENTICATE_URL, age_authentications
from tests.training.factories import AuthenticatorFactory, UserFactory
from training.people import sso
from training.settings.sso import providers_from_file, socialaccount_providers

OIDC_ENTRY = {
    "protocol": "openid_connect",
    "id": "corp-id",
    "name": "Corp ID",
    "server_url": "https://id.staff.example",
    "client_id": "training",
    "client_secret": "secret",
    "domains": ["Staff.Example"],
}


def _signed_in_id(client):
    return client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_password_sign_in_is_refused_for_an_address_whose_domain_signs_in_through_sso_only(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers([{**OIDC_ENTRY, "password_sign_in": False}])
    person = UserFactory(email=PAT.email, password="a-good-password-1")

    response = client.post(reverse("account_login"), {"login": person.email, "password": "a-good-password-1"})

    assert response.status_code == 200
    assert response.context["form"].errors["__all__"] == [
        "Addresses of staff.example sign in with Corp ID: use its button below, not a password."
    ]
    assert _signed_in_id(client) is None


@pytest.mark.django_db
def test_password_sign_in_stays_open_to_other_domains_and_to_providers_that_allow_it(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers([OIDC_ENTRY])
    person = UserFactory(email=PAT.email, password="a-good-password-1")
    other = UserFactory(email="lee@example.com", password="a-good-password-1")

    assert (
        client.post(reverse("account_login"), {"login": person.email, "password": "a-good-password-1"}).status_code
        == 302
    )
    client.logout()
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers([{**OIDC_ENTRY, "password_sign_in": False}])
    assert (
        client.post(reverse("account_login"), {"login": other.email, "password": "a-good-password-1"}).status_code
        == 302
    )
    assert _signed_in_id(client) == str(other.pk)


@pytest.mark.parametrize("sign_in", [sign_in_with_oidc, sign_in_with_saml], ids=["openid-connect", "saml"])
def test_a_person_with_an_authenticator_app_gives_its_code_after_a_provider_that_does_not_ask_for_one(
    sso_client, sso_providers, sign_in
):
    AuthenticatorFactory(user=UserFactory(email=PAT.email))

    response = sign_in(sso_client, PAT)

    assert response["Location"] == reverse("mfa_authenticate")
    assert _signed_in_id(sso_client) is None


@pytest.mark.parametrize("sign_in", [sign_in_with_oidc, sign_in_with_saml], ids=["openid-connect", "saml"])
def test_a_provider_that_asks_for_a_second_factor_itself_is_not_followed_by_the_local_one(
    sso_client, sso_providers, settings, sign_in
):
    oidc, saml = sso_providers
    settings.SOCIALACCOUNT_PROVIDERS = provider_settings(
        {**oidc.entry, "second_factor_at_idp": True}, {**saml.entry, "second_factor_at_idp": True}
    )
    person = AuthenticatorFactory(user=UserFactory(email=PAT.email)).user

    response = sign_in(sso_client, PAT)

    assert response["Location"] == "/en/"
    assert _signed_in_id(sso_client) == str(person.pk)


@pytest.mark.parametrize("vouches", [True, False])
def test_a_manager_opens_the_admin_without_a_local_authenticator_only_after_a_provider_that_asks_for_one(
    sso_client, sso_providers, settings, vouches
):
    oidc, saml = sso_providers
    settings.SOCIALACCOUNT_PROVIDERS = provider_settings({**oidc.entry, "second_factor_at_idp": vouches}, saml.entry)
    UserFactory(email=PAT.email, roles=["Managers", "Employees"])

    sign_in_with_oidc(sso_client, PAT)
    response = sso_client.get("/admin/")

    if vouches:
        assert response.status_code == 200
    else:
        assert response["Location"] == reverse("mfa_activate_totp")


def test_button_labels_come_from_the_provider_or_are_ours_in_the_readers_language():
    (app_settings,) = socialaccount_providers([OIDC_ENTRY])["openid_connect"]["APPS"]
    ours = SocialApp(provider="openid_connect", name="Corp ID", settings=app_settings["settings"])
    theirs = SocialApp(
        provider="openid_connect",
        name="Corp ID",
        settings={"label": {"en": "Staff login", "es": "Acceso del personal"}},
    )
    with translation.override("es"):
        assert sso.button_label(ours) == "Iniciar sesión con Corp ID"
        assert sso.button_label(theirs) == "Acceso del personal"
    with translation.override("el"):
        assert sso.button_label(theirs) == "Staff login"
    assert sso.app_domains(ours) == {STAFF_DOMAIN}


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"protocol": "openid_connect"}, "must hold a JSON list"),
        ([{**OIDC_ENTRY, "protocol": "ldap"}], "`protocol` must be one of openid_connect, saml"),
        ([{k: v for k, v in OIDC_ENTRY.items() if k != "client_id"}], "SSO provider 1: `client_id` is required"),
        ([OIDC_ENTRY, OIDC_ENTRY], "SSO provider 2: `id` must be a unique slug"),
        ([{**OIDC_ENTRY, "domains": "staff.example"}], "`domains` must be a list"),
        ([{"protocol": "saml", "id": "x", "name": "X", "entity_id": "e"}], "SSO provider 1: `sso_url` is required"),
    ],
)
def test_a_wrong_providers_file_stops_the_site_with_what_is_wrong(tmp_path, entries, message):
    path = tmp_path / "sso.json"
    path.write_text(json.dumps(entries))

    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        providers_from_file(str(path))


def test_a_providers_file_that_is_not_json_is_named(tmp_path):
    path = tmp_path / "sso.json"
    path.write_text("{not json")

    with pytest.raises(ImproperlyConfigured, match="cannot be read as JSON"):
        providers_from_file(str(path))
    assert providers_from_file("") == {}


def test_a_person_without_a_password_reauthenticates_to_sign_through_the_provider_they_use(sso_client, sso_providers):
    person = UserFactory(email=PAT.email, name="Pat Lopes")
    person.set_unusable_password()
    person.save(update_fields=["password"])
    policy = PolicyPageFactory(required=True)
    sign_in_with_oidc(sso_client, PAT)
    age_authentications(sso_client.session, minutes=60)
    signing = {"version": policy.current_version.pk, "typed_name": person.name, "confirm": "on"}

    asked = sso_client.post(policy.url + "acknowledge/", signing)
    page = sso_client.get(asked.url).content.decode()

    assert asked.url.startswith(REAUTHENTICATE_URL)
    assert 'name="password"' not in page
    assert 'action="/accounts/oidc/corp-id/login/"' in page
    assert 'action="/accounts/saml/corp-saml/login/"' not in page
    assert not Acknowledgement.objects.exists()
    assert 'name="process" value="reauthenticate"' in page

    resumed = sign_in_with_oidc(sso_client, PAT, next_url=asked.url.split("next=", 1)[1], process="reauthenticate")

    assert resumed.status_code == 302 and resumed.url == policy.url
    ack = Acknowledgement.objects.get(user=person)
    assert ack.typed_name == "Pat Lopes"
    assert ack.authentication_method == "reauthentication:socialaccount"


def test_a_provider_is_not_matched_to_people_outside_its_domains_whatever_it_says(sso_client, sso_providers):
    someone = UserFactory(email=OUTSIDER.email)

    response = sign_in_with_oidc(sso_client, OUTSIDER)

    assert response.status_code == 403
    assert _signed_in_id(sso_client) is None
    assert not someone.socialaccount_set.exists()
