"""Real identity providers for the single sign-on tests, started on loopback as separate processes.

An OpenID provider built with django-oauth-toolkit (`oidc/`) and a SAML identity provider built with
pysaml2 (`saml_idp.py`), each with the same people. `sso_providers` configures the training site to
use both, the way SSO_PROVIDERS_FILE does.
"""

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from django.test import Client, override_settings
from django.urls import reverse

from training.settings.sso import socialaccount_providers

from .keys import private_key_pem, write_key_and_certificate

ROOT = Path(__file__).resolve().parents[2]
IDP_PASSWORD = "provider-password-1"
STAFF_DOMAIN = "staff.example"
OUTSIDE_DOMAIN = "elsewhere.example"
OIDC_ID = "corp-id"
SAML_ID = "corp-saml"


@dataclass(frozen=True)
class IdPPerson:
    username: str
    email: str
    first_name: str
    last_name: str

    def as_config(self) -> dict:
        return {**self.__dict__, "password": IDP_PASSWORD}


PAT = IdPPerson("pat", f"pat@{STAFF_DOMAIN}", "Pat", "Lopes")
NEW_HIRE = IdPPerson("newhire", f"new.hire@{STAFF_DOMAIN}", "Noa", "Hill")
OUTSIDER = IdPPerson("outsider", f"visitor@{OUTSIDE_DOMAIN}", "Val", "Stone")
PEOPLE = (PAT, NEW_HIRE, OUTSIDER)


@dataclass(frozen=True)
class RunningProvider:
    url: str
    entry: dict


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(module: str, port: int, config: dict, ready_path: str) -> Iterator[str]:
    """Run `python -m module PORT CONFIG` until the block ends; yields its base URL once it answers."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(config.pop("env", {}))
    process = subprocess.Popen([sys.executable, "-m", module, str(port), json.dumps(config)], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{module} stopped with exit code {process.returncode}")
            try:
                if requests.get(base + ready_path, timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{module} did not answer on {base} within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def relying_party_url() -> str:
    """Where the identity providers send people back: `sso_client` (e2e tests use the live server).

    Not Django's "testserver": SAML refuses addresses on a single-label host name other than localhost.
    """
    return "http://localhost"


@pytest.fixture
def sso_client(db) -> Client:
    """Django's test client, as a browser on http://localhost would be."""
    return Client(HTTP_HOST="localhost")


@pytest.fixture(scope="module")
def oidc_provider(relying_party_url, tmp_path_factory) -> Iterator[RunningProvider]:
    folder = tmp_path_factory.mktemp("oidc-provider")
    callback = relying_party_url + reverse("openid_connect_callback", kwargs={"provider_id": OIDC_ID})
    config = {
        "client_id": "training-client",
        "client_secret": "training-client-secret-1",
        "redirect_uri": callback,
        "people": [person.as_config() for person in PEOPLE],
        "env": {"OIDC_PROVIDER_DB": str(folder / "provider.sqlite3"), "OIDC_PROVIDER_KEY": private_key_pem()},
    }
    entry = {
        "protocol": "openid_connect",
        "id": OIDC_ID,
        "name": "Corp ID",
        "client_id": config["client_id"],
        "client_secret": config["client_secret"],
        "domains": [STAFF_DOMAIN],
    }
    with running("tests.identity_providers.oidc.serve", free_port(), config, "/o/.well-known/jwks.json") as url:
        yield RunningProvider(url=url, entry={**entry, "server_url": f"{url}/o"})


@pytest.fixture(scope="module")
def saml_idp(tmp_path_factory) -> Iterator[RunningProvider]:
    folder = tmp_path_factory.mktemp("saml-idp")
    key_file, cert_file = write_key_and_certificate(folder, "Test SAML identity provider")
    config = {
        "key_file": str(key_file),
        "cert_file": str(cert_file),
        "sp_metadata_file": str(folder / "sp-metadata.xml"),
        "people": [person.as_config() for person in PEOPLE],
    }
    with running("tests.identity_providers.saml_idp", free_port(), dict(config), "/metadata") as url:
        entry = {
            "protocol": "saml",
            "id": SAML_ID,
            "name": "Corp SAML",
            "entity_id": f"{url}/metadata",
            "metadata_url": f"{url}/metadata",
            "domains": [STAFF_DOMAIN],
        }
        yield RunningProvider(url=url, entry={**entry, "_sp_metadata_file": config["sp_metadata_file"]})


def provider_settings(*entries: dict) -> dict:
    """SOCIALACCOUNT_PROVIDERS for these entries, as SSO_PROVIDERS_FILE would give them."""
    return socialaccount_providers([{k: v for k, v in entry.items() if not k.startswith("_")} for entry in entries])


@pytest.fixture(scope="module")
def sso_providers(
    oidc_provider, saml_idp, relying_party_url, django_db_setup, django_db_blocker
) -> Iterator[tuple[RunningProvider, RunningProvider]]:
    """The training site signs in through both providers; staff.example may sign up."""
    providers = provider_settings(oidc_provider.entry, saml_idp.entry)
    with override_settings(SOCIALACCOUNT_PROVIDERS=providers, ACCOUNT_SIGNUP_DOMAINS=[STAFF_DOMAIN]):
        # The identity provider learns the training site's SAML addresses from its metadata.
        host = relying_party_url.split("://", 1)[1]
        with django_db_blocker.unblock():
            response = Client(HTTP_HOST=host).get(reverse("saml_metadata", args=[SAML_ID]))
        assert response.status_code == 200, response.content
        Path(saml_idp.entry["_sp_metadata_file"]).write_bytes(response.content)
        yield oidc_provider, saml_idp
