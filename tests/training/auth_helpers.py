"""What the sign-in tests share: the address of each allauth page, the session, links in e-mails, and
signing in as allauth counts it (signing a policy needs an authentication allauth recorded recently)."""

import re

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.internal.flows.login import record_authentication
from django.contrib.auth import SESSION_KEY
from django.test import RequestFactory

LOGIN_URL = "/en/accounts/login/"
SIGNUP_URL = "/en/accounts/signup/"
RESET_URL = "/en/accounts/password/reset/"
REAUTHENTICATE_URL = "/en/accounts/reauthenticate/"


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def link_in(message) -> str:
    """The first link of the site in an e-mail body, as a path the test client can follow."""
    match = re.search(r"http://testserver(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def sign_in(client, user, *, minutes_ago: float = 0) -> None:
    """Sign `user` in as a password sign-in `minutes_ago` minutes ago, recorded by allauth in the session.

    `client.force_login` alone gives a session without allauth's record of how the person authenticated,
    so signing a policy would first ask for the password again.
    """
    client.force_login(user)
    session = client.session
    request = RequestFactory().get("/")
    request.session, request.user = session, user
    record_authentication(request, user, method="password", email=user.email)
    age_authentications(session, minutes=minutes_ago)


def age_authentications(session, *, minutes: float) -> None:
    """Move every authentication allauth recorded in `session` `minutes` further into the past, and save it."""
    records = session.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{**record, "at": record["at"] - minutes * 60} for record in records]
    session.save()
