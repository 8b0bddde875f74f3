"""Sign-up: closed by default, open only to the listed domains, with e-mail confirmation."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from tests.training.auth_helpers import LOGIN_URL, SIGNUP_URL, link_in, signed_in_user_id
from training.models import User


@pytest.mark.django_db
def test_sign_up_is_closed_by_default(client):
    page = client.get(SIGNUP_URL)
    assert page.status_code == 200
    assert "Sign-up closed" in page.content.decode()
    assert "form" not in page.context or page.context.get("form") is None

    response = client.post(
        SIGNUP_URL, {"email": "new@example.com", "password1": "a-long-passphrase", "password2": "a-long-passphrase"}
    )

    assert "Sign-up closed" in response.content.decode()
    assert not User.objects.filter(email="new@example.com").exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_sign_up_open_to_listed_domain_sends_confirmation(client, settings):
    settings.ACCOUNT_SIGNUP_DOMAINS = ["example.com"]
    page = client.get(SIGNUP_URL)
    assert page.status_code == 200
    assert "example.com" in page.content.decode()
    assert SIGNUP_URL in client.get(LOGIN_URL).content.decode(), "the login page offers sign-up when it is open"

    response = client.post(
        SIGNUP_URL,
        {"email": "New.Hire@example.com", "password1": "a-long-passphrase", "password2": "a-long-passphrase"},
    )

    assert response.status_code == 302
    person = User.objects.get(email="new.hire@example.com")
    address = EmailAddress.objects.get(user=person)
    assert not address.verified, "a self-made account must confirm its address"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.hire@example.com"]
    assert mail.outbox[0].subject.startswith("[Service Training] ")

    confirm_path = link_in(mail.outbox[0])
    assert client.get(confirm_path).status_code == 200
    client.post(confirm_path)
    address.refresh_from_db()
    assert address.verified


@pytest.mark.django_db
def test_sign_up_refuses_other_domains(client, settings):
    settings.ACCOUNT_SIGNUP_DOMAINS = ["example.com"]

    response = client.post(
        SIGNUP_URL, {"email": "someone@gmail.com", "password1": "a-long-passphrase", "password2": "a-long-passphrase"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "Sign-up is open only to addresses of the company's own domains."
    ]
    assert not User.objects.filter(email="someone@gmail.com").exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_unconfirmed_sign_up_cannot_sign_in(client, settings):
    settings.ACCOUNT_SIGNUP_DOMAINS = ["example.com"]
    client.post(
        SIGNUP_URL, {"email": "new@example.com", "password1": "a-long-passphrase", "password2": "a-long-passphrase"}
    )
    client.logout()

    response = client.post(LOGIN_URL, {"login": "new@example.com", "password": "a-long-passphrase"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert signed_in_user_id(client) is None
