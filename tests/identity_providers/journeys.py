"""Sign-ins through the real identity providers with Django's test client on the training side."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import requests
from django.test import Client
from django.urls import reverse

from .fixtures import IDP_PASSWORD, OIDC_ID, SAML_ID, IdPPerson


class _Forms(HTMLParser):
    """The action and the fields of each form on a page."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attributes.get("action", ""), "fields": {}})
        elif tag == "input" and self.forms and attributes.get("name"):
            self.forms[-1]["fields"][attributes["name"]] = attributes.get("value") or ""


def forms_of(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def _local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sign_in_with_oidc(client: Client, person: IdPPerson, *, next_url: str = "", process: str = "login"):
    """Press the provider's button, sign in at the provider, and return the training site's answer."""
    button = {"process": process, **({"next": unquote(next_url)} if next_url else {})}
    start = client.post(reverse("openid_connect_login", kwargs={"provider_id": OIDC_ID}), button)
    assert start.status_code == 302, start
    provider = requests.Session()
    authorize = start["Location"]
    to_login = provider.get(authorize, allow_redirects=False)
    login_url = urljoin(authorize, to_login.headers["Location"])
    provider.get(login_url)
    signed_in = provider.post(
        login_url,
        data={
            "username": person.username,
            "password": IDP_PASSWORD,
            "csrfmiddlewaretoken": provider.cookies["provider_csrf"],
        },
        allow_redirects=False,
    )
    back = provider.get(urljoin(login_url, signed_in.headers["Location"]), allow_redirects=False)
    assert "code=" in back.headers["Location"], back.headers["Location"]
    return client.get(_local(back.headers["Location"]))


def sign_in_with_saml(client: Client, person: IdPPerson):
    """Press the provider's button, sign in at the identity provider, post its answer back, follow it."""
    start = client.post(reverse("saml_login", kwargs={"organization_slug": SAML_ID}), {"process": "login"})
    assert start.status_code == 302, start
    sso_url = start["Location"]
    query = {key: values[0] for key, values in parse_qs(urlsplit(sso_url).query).items()}
    answer = requests.post(
        urljoin(sso_url, "/sso/login"),
        data={**query, "username": person.username, "password": IDP_PASSWORD},
        timeout=10,
    )
    (form,) = forms_of(answer.text)
    posted = client.post(_local(form["action"]), form["fields"])
    assert posted.status_code == 302, posted
    return client.get(posted["Location"])
