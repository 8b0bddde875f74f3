"""Password reset through allauth: the e-mailed link, once, in the person's language, revealing nothing."""

import pytest
from allauth.account.adapter import get_adapter
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.training.auth_helpers import LOGIN_URL, RESET_URL, SIGNUP_URL, link_in, signed_in_user_id
from tests.training.factories import UserFactory


@pytest.mark.django_db
def test_password_reset_mail_link_sets_a_new_password(client, employee):
    page = client.get(RESET_URL)
    assert page.status_code == 200

    response = client.post(RESET_URL, {"email": employee.email.upper()})

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [employee.email]
    assert message.subject.startswith("[Service Training] ")
    assert "Service Training" in message.body

    key_page = client.get(link_in(message), follow=True)
    assert key_page.status_code == 200
    assert "password1" in key_page.context["form"].fields
    set_password_path = key_page.redirect_chain[-1][0]
    done = client.post(
        set_password_path, {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )

    assert done.status_code == 302
    assert client.get(done["Location"]).status_code == 200
    employee.refresh_from_db()
    assert employee.check_password("a-brand-new-passphrase")
    client.logout()
    signed_in = client.post(LOGIN_URL, {"login": employee.email, "password": "a-brand-new-passphrase"})
    assert signed_in.status_code == 302
    assert signed_in_user_id(client) == str(employee.pk)


@pytest.mark.django_db
def test_used_reset_link_is_refused(client, employee):
    client.post(RESET_URL, {"email": employee.email})
    path = link_in(mail.outbox[0])
    key_page = client.get(path, follow=True)
    client.post(
        key_page.redirect_chain[-1][0], {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"}
    )

    again = client.get(path, follow=True)

    assert again.status_code == 200
    assert again.context["token_fail"]
    assert 'name="password1"' not in again.content.decode()


@pytest.mark.django_db
def test_password_reset_mail_comes_in_the_persons_language(client):
    person = UserFactory(preferred_language="es")

    client.post(RESET_URL, {"email": person.email})

    with translation.override("es"):
        expected = str(get_adapter().format_email_subject(translation.gettext("Password Reset Email")))
    assert expected != "[Service Training] Password Reset Email", "allauth ships a Spanish subject"
    assert mail.outbox[0].subject == expected


@pytest.mark.django_db
def test_password_reset_for_unknown_address_reveals_nothing_and_offers_no_sign_up(client):
    response = client.post(RESET_URL, {"email": "nobody@example.com"})

    assert response["Location"] == reverse("account_reset_password_done"), "same answer as for a known address"
    [message] = mail.outbox
    assert message.to == ["nobody@example.com"]
    assert "/accounts/password/reset/key/" not in message.body
    assert SIGNUP_URL not in message.body
    assert "Accounts are created by your administrator" in message.body


@pytest.mark.django_db
def test_unknown_address_mail_offers_sign_up_when_it_is_open(client, settings):
    settings.ACCOUNT_SIGNUP_DOMAINS = ["example.com"]

    client.post(RESET_URL, {"email": "nobody@example.com"})

    assert SIGNUP_URL in mail.outbox[0].body


@pytest.mark.django_db
def test_password_reset_works_whatever_the_sign_up_domains(client, settings, employee):
    settings.ACCOUNT_SIGNUP_DOMAINS = ["another-company.test"]

    response = client.post(RESET_URL, {"email": employee.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
