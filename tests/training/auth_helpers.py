"""What the sign-in tests share: the address of each allauth page, the session, links in e-mails."""

import re

from django.contrib.auth import SESSION_KEY

LOGIN_URL = "/en/accounts/login/"
SIGNUP_URL = "/en/accounts/signup/"
RESET_URL = "/en/accounts/password/reset/"


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def link_in(message) -> str:
    """The first link of the site in an e-mail body, as a path the test client can follow."""
    match = re.search(r"http://testserver(/\S+)", message.body)
    assert match, message.body
    return match.group(1)
