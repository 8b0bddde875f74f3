"""Two-factor authentication: required for administrators and the admin roles, optional for employees."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.apps import apps
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from tests.mfa_helpers import totp_code, totp_code_for_secret
from tests.training.factories import AuthenticatorFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/en/accounts/login/"
MFA_STEP_URL = "/en/accounts/2fa/authenticate/"
ENROL_URL = "/en/accounts/2fa/totp/activate/"
MFA_URL = "/en/accounts/2fa/"
REAUTHENTICATE_URL = "/en/accounts/reauthenticate/"
ADMIN_PAGES = ["/admin/", "/admin/training/reports/team/", "/admin/account/", "/admin/pages/"]
REQUIRED = {
    "manager": {"roles": ["Managers", "Employees"]},
    "editor": {"roles": ["Policy editors"]},
    "compliance": {"roles": ["Compliance"]},
    "administrator": {"is_superuser": True, "is_staff": True},
}


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def sign_in(client, user, password, next_url=""):
    url = f"{LOGIN_URL}?next={next_url}" if next_url else LOGIN_URL
    return client.post(url, {"login": user.email, "password": password})


def reauthenticate(client, password):
    """allauth asks for the password again before a second factor is added or removed."""
    assert client.post(REAUTHENTICATE_URL, {"password": password}).status_code == 302


@pytest.fixture
def unenrolled_manager(password):
    return UserFactory(roles=["Managers", "Employees"], password=password)


@pytest.mark.parametrize("who", REQUIRED)
def test_a_person_who_must_use_mfa_and_has_not_set_it_up_is_sent_to_enrolment(client, password, who):
    person = UserFactory(password=password, **REQUIRED[who])
    sign_in(client, person, password)

    for url in ADMIN_PAGES:
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, ENROL_URL), url

    confirm = client.get(ENROL_URL, follow=True)
    assert confirm.redirect_chain == [(f"{REAUTHENTICATE_URL}?next=%2Fen%2Faccounts%2F2fa%2Ftotp%2Factivate%2F", 302)]
    assert "Your role requires two-factor authentication." in confirm.content.decode()
    reauthenticate(client, password)
    page = client.get(ENROL_URL)
    assert page.status_code == 200
    assert 'class="site-header"' in page.content.decode()


def test_an_unenrolled_manager_cannot_reach_the_admin_even_with_a_session_made_without_the_sign_in_page(
    client, unenrolled_manager
):
    client.force_login(unenrolled_manager)

    assert client.get("/admin/")["Location"] == ENROL_URL
    assert client.get("/admin/training/reports/team/")["Location"] == ENROL_URL


def test_a_manager_sets_up_an_authenticator_app_and_then_opens_the_admin(client, unenrolled_manager, password):
    sign_in(client, unenrolled_manager, password, next_url="/admin/")
    assert client.get("/admin/")["Location"] == ENROL_URL
    reauthenticate(client, password)
    setup = client.get(ENROL_URL)
    secret = setup.context["form"].secret
    assert secret in setup.content.decode(), "the secret is shown for apps that cannot scan the QR code"

    response = client.post(ENROL_URL, {"code": totp_code_for_secret(secret)})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/recovery-codes/", "recovery codes are shown at once"
    assert Authenticator.objects.filter(user=unenrolled_manager, type="totp").exists()
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_set_up_the_app(client, unenrolled_manager, password):
    sign_in(client, unenrolled_manager, password)
    reauthenticate(client, password)
    client.get(ENROL_URL)

    response = client.post(ENROL_URL, {"code": "000000"})

    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert client.get("/admin/")["Location"] == ENROL_URL


def test_a_manager_signing_in_must_pass_the_totp_step(client, manager, password):
    response = sign_in(client, manager, password, next_url="/admin/")

    assert response["Location"] == MFA_STEP_URL
    assert signed_in_user_id(client) is None, "a password alone signs nobody in"
    assert client.get("/admin/")["Location"] == "/en/accounts/login/?next=/admin/"

    wrong = client.post(MFA_STEP_URL, {"code": "123456"})
    assert "Incorrect code." in wrong.content.decode()
    assert signed_in_user_id(client) is None

    response = client.post(MFA_STEP_URL, {"code": totp_code(manager)})

    assert response["Location"] == "/admin/"
    assert signed_in_user_id(client) == str(manager.pk)
    assert client.get("/admin/").status_code == 200


def test_a_totp_code_cannot_be_used_twice(client, manager, password):
    code = totp_code(manager)
    sign_in(client, manager, password)
    client.post(MFA_STEP_URL, {"code": code})
    client.post("/en/accounts/logout/")

    sign_in(client, manager, password)
    response = client.post(MFA_STEP_URL, {"code": code})

    assert "Incorrect code." in response.content.decode()
    assert signed_in_user_id(client) is None


def test_a_recovery_code_signs_in_once(client, manager, password):
    codes = RecoveryCodes.activate(manager).generate_codes()

    sign_in(client, manager, password)
    assert client.post(MFA_STEP_URL, {"code": codes[0]})["Location"] == "/en/"
    assert signed_in_user_id(client) == str(manager.pk)
    client.post("/en/accounts/logout/")

    sign_in(client, manager, password)
    reused = client.post(MFA_STEP_URL, {"code": codes[0]})
    assert "Incorrect code." in reused.content.decode()
    assert signed_in_user_id(client) is None

    assert client.post(MFA_STEP_URL, {"code": codes[1]})["Location"] == "/en/"
    assert signed_in_user_id(client) == str(manager.pk)


def test_wrong_codes_are_rate_limited(client, manager, password):
    sign_in(client, manager, password)
    for _ in range(5):
        client.post(MFA_STEP_URL, {"code": "000000"})

    response = client.post(MFA_STEP_URL, {"code": totp_code(manager)})

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert signed_in_user_id(client) is None


def test_an_employee_signs_in_without_mfa(client, employee, password):
    response = sign_in(client, employee, password)

    assert response["Location"] == "/en/"
    assert signed_in_user_id(client) == str(employee.pk)
    assert client.get("/en/").status_code == 200


def test_an_employee_finds_two_factor_authentication_in_the_account_menu(client, employee):
    client.force_login(employee)

    html = client.get("/en/").content.decode()

    assert f'<a href="{MFA_URL}">Two-factor authentication</a>' in html
    page = client.get(MFA_URL)
    assert page.status_code == 200
    assert 'class="site-header"' in page.content.decode()


def test_an_employee_who_sets_up_an_app_is_asked_for_a_code_at_sign_in(client, employee, password):
    AuthenticatorFactory(user=employee)

    assert sign_in(client, employee, password)["Location"] == MFA_STEP_URL


def test_a_person_who_must_use_mfa_cannot_switch_it_off(client, manager, password):
    sign_in(client, manager, password)
    client.post(MFA_STEP_URL, {"code": totp_code(manager)})
    reauthenticate(client, password)

    page = client.get("/en/accounts/2fa/totp/deactivate/")
    assert "You cannot deactivate two-factor authentication." in page.content.decode()
    client.post("/en/accounts/2fa/totp/deactivate/")

    assert Authenticator.objects.filter(user=manager, type="totp").exists()


def test_a_manager_with_a_passkey_may_switch_the_app_off(client, manager, password):
    AuthenticatorFactory(user=manager, type="webauthn", data={"name": "Laptop", "credential": {}})
    sign_in(client, manager, password)
    client.post(MFA_STEP_URL, {"code": totp_code(manager)})
    reauthenticate(client, password)

    client.post("/en/accounts/2fa/totp/deactivate/")

    assert not Authenticator.objects.filter(user=manager, type="totp").exists()
    assert client.get("/admin/").status_code == 200, "a passkey is a second factor too"


def test_an_employee_may_switch_mfa_off(client, employee, password):
    AuthenticatorFactory(user=employee)
    sign_in(client, employee, password)
    client.post(MFA_STEP_URL, {"code": totp_code(employee)})
    reauthenticate(client, password)

    client.post("/en/accounts/2fa/totp/deactivate/")

    assert not Authenticator.objects.filter(user=employee).exists()


def test_the_sign_in_page_offers_passkeys(client):
    html = client.get(LOGIN_URL).content.decode()

    assert 'id="passkey_login"' in html
    assert 'action="/en/accounts/2fa/webauthn/login/"' in html


def test_a_password_posted_to_the_admin_login_signs_nobody_in(client, unenrolled_manager, password):
    response = client.post("/admin/login/", {"username": unenrolled_manager.email, "password": password})

    assert response["Location"].startswith(LOGIN_URL)
    assert signed_in_user_id(client) is None


def test_djangos_own_admin_and_its_password_login_are_not_installed():
    assert not apps.is_installed("django.contrib.admin")


def test_the_required_roles_are_a_setting(client, settings, unenrolled_manager):
    settings.TRAINING_MFA_REQUIRED_ROLES = ["Compliance"]
    client.force_login(unenrolled_manager)

    assert client.get("/admin/").status_code == 200


def test_an_unknown_required_role_stops_the_checks(settings):
    settings.TRAINING_MFA_REQUIRED_ROLES = ["Managers", "Managerz"]

    with pytest.raises(SystemCheckError, match="Managerz"):
        call_command("check")
