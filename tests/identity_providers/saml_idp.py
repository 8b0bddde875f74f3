"""A small SAML 2.0 identity provider (pysaml2) that the single sign-on tests start on loopback.

    python -m tests.identity_providers.saml_idp PORT CONFIG_JSON

CONFIG_JSON: {"key_file", "cert_file", "sp_metadata_file", "people": [{"username", "password", "email",
"first_name", "last_name"}]}. The service provider's metadata is read from its file at each sign-in, so
the tests may write it after the provider has started.
"""

import html
import json
import sys
from pathlib import Path
from urllib.parse import parse_qs

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

from tests.identity_providers.wsgi_server import serve


def idp_config(base: str, config: dict, *, with_sp: bool) -> IdPConfig:
    metadata_file = Path(config["sp_metadata_file"])
    return IdPConfig().load(
        {
            "entityid": f"{base}/metadata",
            "service": {
                "idp": {
                    "name": "Test SAML identity provider",
                    "endpoints": {"single_sign_on_service": [(f"{base}/sso/redirect", BINDING_HTTP_REDIRECT)]},
                    "policy": {"default": {"lifetime": {"minutes": 5}, "name_form": NAME_FORMAT_URI}},
                    "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                    "want_authn_requests_signed": False,
                }
            },
            "key_file": config["key_file"],
            "cert_file": config["cert_file"],
            "xmlsec_binary": "/usr/bin/xmlsec1",
            "metadata": {"local": [str(metadata_file)]} if with_sp and metadata_file.exists() else {},
        }
    )


def _page(title: str, body: str, status: str = "200 OK") -> tuple[str, str]:
    return (
        status,
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>',
    )


def _login_form(saml_request: str, relay_state: str, error: str = "") -> tuple[str, str]:
    fields = "".join(
        f'<input type="hidden" name="{name}" value="{html.escape(value)}">'
        for name, value in (("SAMLRequest", saml_request), ("RelayState", relay_state))
    )
    return _page(
        "Test SAML identity provider",
        f"<h1>Test SAML identity provider</h1><p>{html.escape(error)}</p>"
        f'<form method="post" action="/sso/login">{fields}'
        '<p><label>Username <input name="username"></label></p>'
        '<p><label>Password <input type="password" name="password"></label></p>'
        '<button type="submit">Log in to the SAML identity provider</button></form>',
    )


def _respond(base: str, config: dict, form: dict) -> tuple[str, str]:
    server = Server(config=idp_config(base, config, with_sp=True))
    request = server.parse_authn_request(form["SAMLRequest"], BINDING_HTTP_REDIRECT)
    people = {person["username"]: person for person in config["people"]}
    person = people.get(form.get("username", ""))
    if person is None or person["password"] != form.get("password"):
        return _login_form(form["SAMLRequest"], form.get("RelayState", ""), "Wrong username or password.")
    args = server.response_args(request.message, [BINDING_HTTP_POST])
    response = server.create_authn_response(
        {"mail": [person["email"]], "givenName": [person["first_name"]], "sn": [person["last_name"]]},
        in_response_to=args["in_response_to"],
        destination=args["destination"],
        sp_entity_id=args["sp_entity_id"],
        name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=person["username"]),
        authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"},
        sign_response=True,
        sign_assertion=True,
        sign_alg=SIG_RSA_SHA256,
        digest_alg=DIGEST_SHA256,
    )
    http_args = server.apply_binding(
        BINDING_HTTP_POST, str(response), args["destination"], form.get("RelayState", ""), response=True
    )
    return "200 OK", http_args["data"]


def application(base: str, config: dict):
    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        content_type = "text/html; charset=utf-8"
        if path == "/metadata":
            status, body = "200 OK", create_metadata_string(None, config=idp_config(base, config, with_sp=False))
            body, content_type = body.decode() if isinstance(body, bytes) else body, "text/xml"
        elif path == "/sso/redirect" and method == "GET":
            query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
            status, body = _login_form(query.get("SAMLRequest", ""), query.get("RelayState", ""))
        elif path == "/sso/login" and method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length).decode()).items()}
            status, body = _respond(base, config, form)
        else:
            status, body = _page("Not found", "<h1>Not found</h1>", "404 Not Found")
        start_response(status, [("Content-Type", content_type)])
        return [body.encode()]

    return app


if __name__ == "__main__":
    port = int(sys.argv[1])
    serve(application(f"http://127.0.0.1:{port}", json.loads(sys.argv[2])), port)
