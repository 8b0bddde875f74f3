"""Signing in and out keeps people in their language."""

from django.contrib.messages import get_messages

from tests.training.factories import UserFactory


def test_the_signed_in_message_is_in_the_persons_language_whatever_the_form(client, db, password):
    person = UserFactory(preferred_language="es", password=password)

    response = client.post("/en/accounts/login/", {"login": person.email, "password": password})

    assert response.status_code == 302
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert texts and "Successfully signed in" not in " ".join(texts)
    assert any("sesión" in text for text in texts), texts


def test_signing_out_from_a_spanish_page_lands_on_the_spanish_home_page(client, db, password):
    person = UserFactory(preferred_language="es", password=password)
    client.force_login(person)

    response = client.post("/es/accounts/logout/")

    assert response.status_code == 302
    assert response.url == "/es/"
