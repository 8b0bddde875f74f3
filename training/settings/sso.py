"""Single sign-on providers read from a JSON file (SSO_PROVIDERS_FILE) into allauth's SOCIALACCOUNT_PROVIDERS."""

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

PROTOCOLS = ("openid_connect", "saml")
# Keys of ours kept in each allauth app's settings, read by training.people.sso.
OUR_KEYS = ("domains", "password_sign_in", "second_factor_at_idp", "label")


def _required(entry: dict, key: str, where: str) -> Any:
    value = entry.get(key)
    if not value:
        raise ImproperlyConfigured(f"{where}: `{key}` is required.")
    return value


def _ours(entry: dict, where: str) -> dict:
    domains = entry.get("domains", [])
    if not isinstance(domains, list) or not all(isinstance(d, str) and d for d in domains):
        raise ImproperlyConfigured(f"{where}: `domains` must be a list of e-mail domains.")
    label = entry.get("label")
    if label is not None and not isinstance(label, str | dict):
        raise ImproperlyConfigured(f"{where}: `label` must be a text or an object of texts by language code.")
    return {
        "domains": [d.strip().lower() for d in domains],
        "password_sign_in": bool(entry.get("password_sign_in", True)),
        "second_factor_at_idp": bool(entry.get("second_factor_at_idp", False)),
        "label": label,
    }


def _oidc_app(entry: dict, where: str) -> dict:
    return {
        "provider_id": entry["id"],
        "name": entry["name"],
        "client_id": _required(entry, "client_id", where),
        "secret": entry.get("client_secret", ""),
        "settings": {
            "server_url": _required(entry, "server_url", where),
            "oauth_pkce_enabled": bool(entry.get("pkce", True)),
            **({"token_auth_method": entry["token_auth_method"]} if entry.get("token_auth_method") else {}),
            **_ours(entry, where),
        },
    }


def _saml_idp(entry: dict, where: str) -> dict:
    if entry.get("metadata_url"):
        return {"entity_id": _required(entry, "entity_id", where), "metadata_url": entry["metadata_url"]}
    return {
        "entity_id": _required(entry, "entity_id", where),
        "sso_url": _required(entry, "sso_url", where),
        "x509cert": _required(entry, "x509cert", where),
    }


def _saml_app(entry: dict, where: str) -> dict:
    app_settings = {"idp": _saml_idp(entry, where), **_ours(entry, where)}
    if entry.get("attribute_mapping"):
        app_settings["attribute_mapping"] = entry["attribute_mapping"]
    if entry.get("sp_entity_id"):
        app_settings["sp"] = {"entity_id": entry["sp_entity_id"]}
    return {"provider_id": entry["id"], "client_id": entry["id"], "name": entry["name"], "settings": app_settings}


def socialaccount_providers(entries: list[dict]) -> dict:
    """allauth's SOCIALACCOUNT_PROVIDERS for a list of provider entries (the file's format, see README)."""
    if not isinstance(entries, list):
        raise ImproperlyConfigured("SSO providers: the file must hold a JSON list of providers.")
    apps: dict[str, list[dict]] = {protocol: [] for protocol in PROTOCOLS}
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        where = f"SSO provider {index}"
        if not isinstance(entry, dict):
            raise ImproperlyConfigured(f"{where}: must be a JSON object.")
        protocol = entry.get("protocol")
        if protocol not in PROTOCOLS:
            raise ImproperlyConfigured(f"{where}: `protocol` must be one of {', '.join(PROTOCOLS)}.")
        slug = _required(entry, "id", where)
        if not isinstance(slug, str) or not slug.replace("-", "").replace("_", "").isalnum() or slug in seen:
            raise ImproperlyConfigured(f"{where}: `id` must be a unique slug (letters, digits, - and _).")
        seen.add(slug)
        _required(entry, "name", where)
        build = _oidc_app if protocol == "openid_connect" else _saml_app
        apps[protocol].append(build(entry, where))
    return {protocol: {"APPS": protocol_apps} for protocol, protocol_apps in apps.items() if protocol_apps}


def providers_from_file(path: str) -> dict:
    """SOCIALACCOUNT_PROVIDERS from the JSON file at `path`; none when no file is named."""
    if not path:
        return {}
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImproperlyConfigured(f"SSO_PROVIDERS_FILE {path!r} cannot be read as JSON: {exc}") from exc
    return socialaccount_providers(entries)
