"""Sign-in, sign-out, the rate limit and the admin's way in, all through allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from tests.mfa_helpers import totp_code
from tests.training.auth_helpers import LOGIN_URL, RESET_URL, SIGNUP_URL, signed_in_user_id
from tests.training.factories import UserFactory


@pytest.mark.django_db
def test_login_page_asks_for_email_and_offers_no_sign_up(client):
    response = client.get(LOGIN_URL)

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields) == ["login", "password", "remember"]
    assert form.fields["login"].widget.input_type == "email"
    html = response.content.decode()
    assert SIGNUP_URL not in html
    assert "Your administrator creates one for you" in html
    assert html.count(RESET_URL) == 1, "one link to the password reset, not two"
    assert '<html lang="en">' in html, "allauth pages render inside the site's base.html"


@pytest.mark.django_db
def test_person_signs_in_with_email_and_lands_in_their_language(client, password):
    person = UserFactory(email="lucia@example.com", preferred_language="es", password=password)

    response = client.post(LOGIN_URL, {"login": "Lucia@Example.com", "password": password})

    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert signed_in_user_id(client) == str(person.pk)
    assert client.get("/es/").status_code == 200


@pytest.mark.django_db
def test_sign_in_follows_next(client, employee, password):
    response = client.post(
        f"{LOGIN_URL}?next=/en/accounts/password/change/", {"login": employee.email, "password": password}
    )

    assert response["Location"] == "/en/accounts/password/change/"


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_form_error(client, employee):
    response = client.post(LOGIN_URL, {"login": employee.email, "password": "not-the-password"})

    assert response.status_code == 200
    assert response.context["form"].errors["__all__"]
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_inactive_person_cannot_sign_in(client, password):
    person = UserFactory(password=password, is_active=False)

    response = client.post(LOGIN_URL, {"login": person.email, "password": password})

    assert response["Location"] == reverse("account_inactive")
    assert signed_in_user_id(client) is None
    assert "This account is inactive." in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_sign_out_needs_a_post(client, employee):
    client.force_login(employee)

    confirm = client.get("/en/accounts/logout/")
    assert confirm.status_code == 200
    assert signed_in_user_id(client) == str(employee.pk), "a GET only asks for confirmation"
    assert 'method="post"' in confirm.content.decode()

    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_header_sign_out_form_posts_with_csrf(client, employee):
    client.force_login(employee)

    html = client.get("/en/").content.decode()

    form = re.search(r'<form method="post" action="/en/accounts/logout/"[^>]*>(.*?)</form>', html, re.S)
    assert form, "the header has a sign-out form"
    assert "csrfmiddlewaretoken" in form.group(1)


@pytest.mark.django_db
def test_failed_logins_are_rate_limited_with_a_form_error(client, employee, password):
    for _ in range(5):
        failed = client.post(LOGIN_URL, {"login": employee.email, "password": "wrong-password"})
        assert "Too many failed login attempts" not in str(failed.context["form"].errors)

    response = client.post(LOGIN_URL, {"login": employee.email, "password": password})

    assert response.status_code == 200, "allauth answers with the form, not a 429"
    assert "Too many failed login attempts" in str(response.context["form"].errors)
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_rate_limit_is_per_address(client, employee, password):
    colleague = UserFactory(roles=["Employees"], password=password)
    for _ in range(6):
        client.post(LOGIN_URL, {"login": employee.email, "password": "wrong-password"})

    response = client.post(LOGIN_URL, {"login": colleague.email, "password": password})

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(colleague.pk)


@pytest.mark.django_db
def test_admin_login_goes_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/admin/pages/"


@pytest.mark.django_db
def test_admin_login_refuses_a_password_post(client, editor, password):
    response = client.post("/admin/login/", {"username": editor.email, "password": password})

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_editor_signs_in_through_allauth_and_reaches_the_admin(client, editor, password):
    to_login = client.get("/admin/")
    assert to_login["Location"] == "/en/accounts/login/?next=/admin/"

    response = client.post(to_login["Location"], {"login": editor.email, "password": password})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    response = client.post(response["Location"], {"code": totp_code(editor)})

    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_admin_log_out_signs_out_at_once(client, editor):
    client.force_login(editor)

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert signed_in_user_id(client) is None
    assert client.get("/admin/")["Location"] == f"{LOGIN_URL}?next=/admin/"


@pytest.mark.django_db
def test_admin_log_out_by_get_only_asks_for_confirmation(client, editor):
    client.force_login(editor)

    response = client.get("/admin/logout/")

    assert response.status_code == 200
    assert signed_in_user_id(client) == str(editor.pk)
    assert 'action="/en/accounts/logout/"' in response.content.decode()


@pytest.mark.django_db
def test_changing_someones_address_moves_their_sign_in(client, password):
    person = UserFactory(email="old@example.com", password=password)
    person.email = "new@example.com"
    person.save()

    assert client.post(LOGIN_URL, {"login": "old@example.com", "password": password}).status_code == 200
    assert signed_in_user_id(client) is None
    assert client.post(LOGIN_URL, {"login": "new@example.com", "password": password}).status_code == 302
    assert signed_in_user_id(client) == str(person.pk)
    newcomer = UserFactory(email="old@example.com")
    assert EmailAddress.objects.get(email="old@example.com").user == newcomer


@pytest.mark.django_db
def test_saving_a_person_keeps_one_primary_verified_address(employee):
    employee.name = "Renamed"
    employee.save()
    employee.save(update_fields=["last_login"])

    addresses = EmailAddress.objects.filter(user=employee)
    assert [(a.email, a.verified, a.primary) for a in addresses] == [(employee.email, True, True)]


ALLAUTH_PAGES_SIGNED_OUT = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
    "account_inactive",
]
ALLAUTH_PAGES_SIGNED_IN = [
    "account_logout",
    "account_change_password",
    "account_email",
    "account_reauthenticate",
    "account_login",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ALLAUTH_PAGES_SIGNED_OUT)
def test_allauth_pages_render_inside_the_site_layout(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "page-account" in html
    assert "Sign Up" not in html, "no sign-up link or heading while sign-up is closed"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ALLAUTH_PAGES_SIGNED_IN)
def test_allauth_pages_for_signed_in_people_render_inside_the_site_layout(client, employee, name):
    client.force_login(employee)

    response = client.get(reverse(name))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert 'class="form' in html, "allauth's forms use the site's form styles"
    assert 'class="button' in html


@pytest.mark.django_db
def test_allauth_pages_in_another_language(client):
    response = client.get("/es/accounts/password/reset/")

    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()


@pytest.mark.django_db
def test_signed_in_person_without_admin_access_sees_why_on_the_login_page(client, employee):
    client.force_login(employee)

    response = client.get("/admin/", follow=True)

    assert response.redirect_chain == [("/en/accounts/login/?next=/admin/", 302)]
    assert response.status_code == 200
    html = response.content.decode()
    assert "You do not have permission to access the admin." in html
    assert "You are signed in as" in html


def described_by_ids_missing(html: str) -> set[str]:
    """Ids named by aria-describedby that no element on the page carries."""
    referenced = {name for value in re.findall(r'aria-describedby="([^"]+)"', html) for name in value.split()}
    present = set(re.findall(r'\sid="([^"]+)"', html))
    return referenced - present


@pytest.mark.django_db
def test_form_errors_and_help_are_tied_to_their_fields(client, settings):
    settings.ACCOUNT_SIGNUP_DOMAINS = ["example.com"]

    response = client.post(SIGNUP_URL, {"email": "someone@gmail.com", "password1": "short", "password2": "other"})

    html = response.content.decode()
    assert 'aria-describedby="id_password1_helptext id_password1_error"' in html
    assert described_by_ids_missing(html) == set()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["account_login", "account_change_password"])
def test_allauth_forms_name_only_ids_that_exist(client, employee, name):
    if name == "account_change_password":
        client.force_login(employee)

    html = client.get(reverse(name)).content.decode()

    assert "aria-describedby" in html
    assert described_by_ids_missing(html) == set()


@pytest.mark.django_db
def test_wagtails_own_password_reset_is_closed(client, employee):
    response = client.post("/admin/password_reset/", {"email": employee.email}, follow=True)

    assert response.status_code == 404
    assert mail.outbox == []


@pytest.mark.django_db
def test_wagtail_account_page_does_not_change_the_sign_in_address(client, editor):
    client.force_login(editor)

    response = client.get("/admin/account/")

    assert response.status_code == 200
    assert 'name="name_email-email"' not in response.content.decode()
