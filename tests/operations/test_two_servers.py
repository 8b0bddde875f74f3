"""Two gunicorn instances on one PostgreSQL database: what one does, the other sees at once."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tests.mfa_helpers import totp_code
from tests.policy_content.factories import PolicyPageFactory, policy_body_data
from tests.training.factories import AuthenticatorFactory, TeamFactory, UserFactory
from training.benchmark.client import Browser
from training.benchmark.server import Gunicorn

BASE_DIR = Path(__file__).resolve().parents[2]
PASSWORD = "two-servers-password"

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="Two servers share one database only on PostgreSQL; SQLite is a single machine's database.",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url() -> str:
    """The test database, as the servers must reach it."""
    config = connection.settings_dict
    credentials = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
    return f"postgres://{credentials}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}/{config['NAME']}"


@pytest.fixture(scope="module")
def servers(tmp_path_factory, django_db_setup, django_db_blocker):
    """Two production servers (one worker each) on loopback, sharing the database, its cache and a key."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "training.settings.production",
        "DATABASE_URL": database_url(),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
    }
    production_cache = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache_table"},
        "pages": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "page_cache"},
    }
    with django_db_blocker.unblock(), override_settings(CACHES=production_cache):
        call_command("createcachetable", verbosity=0)  # tests use a memory cache: make the servers' table
    # Production serves hashed static files from the manifest collectstatic writes, as deployment does.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        env=environment,
        cwd=BASE_DIR,
        check=True,
    )
    logs = tmp_path_factory.mktemp("two-servers")
    started = []
    try:
        for name in ("a", "b"):
            server = Gunicorn(env=environment, workers=1, log=logs / f"gunicorn-{name}.log", cwd=BASE_DIR)
            started.append(server)
        for server in started:
            server.wait_ready("/livez")
        yield started
    finally:
        for server in started:
            server.stop()
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("DROP TABLE cache_table")  # the servers' rate limits and rendered texts
            cursor.execute("DROP TABLE page_cache")  # and their rendered pages


def person(**fields):
    """Someone who signs in with PASSWORD, hashed as production settings check it."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        return UserFactory(password=PASSWORD, **fields)


def browser(server: Gunicorn) -> Browser:
    """A visitor reaching `server` by the name both servers answer to, as behind a proxy."""
    return Browser("127.0.0.1", server.port, host_header="127.0.0.1")


def same_session(visitor: Browser, server: Gunicorn) -> Browser:
    other = browser(server)
    other.cookies = dict(visitor.cookies)
    return other


def sign_in_with_code(visitor: Browser, user) -> None:
    visitor.sign_in(email=user.email, password=PASSWORD)
    page = visitor.get("/en/accounts/2fa/authenticate/")
    answer = visitor.post(
        "/en/accounts/2fa/authenticate/", {"csrfmiddlewaretoken": visitor.csrf_token(page), "code": totp_code(user)}
    )
    assert answer.status == 302, answer.body


def test_a_session_opened_on_one_server_is_signed_in_on_the_other(servers):
    first, second = servers
    reader = person(team=TeamFactory())

    signed_in = browser(first)
    signed_in.sign_in(email=reader.email, password=PASSWORD)
    page = same_session(signed_in, second).get("/en/")

    assert page.status == 200
    assert reader.name in page.body
    assert "/accounts/logout/" in page.body


def test_failed_sign_ins_count_across_both_servers(servers):
    first, second = servers
    reader = person(team=TeamFactory())

    for attempt in range(5):  # the limit is five failures a person in five minutes
        visitor = browser(servers[attempt % 2])
        login = visitor.get("/en/accounts/login/")
        failed = visitor.post(
            "/en/accounts/login/",
            {"csrfmiddlewaretoken": visitor.csrf_token(login), "login": reader.email, "password": "wrong"},
        )
        if failed.status != 200:
            pytest.fail(f"{attempt} {failed.location} {failed.headers}")
    visitor = browser(second)
    login = visitor.get("/en/accounts/login/")
    refused = visitor.post(
        "/en/accounts/login/",
        {"csrfmiddlewaretoken": visitor.csrf_token(login), "login": reader.email, "password": PASSWORD},
    )

    assert refused.status == 200
    assert "sessionid" not in visitor.cookies
    assert "Too many failed login attempts" in refused.body


def test_a_policy_published_on_one_server_shows_at_once_on_the_other(servers):
    first, second = servers
    policy = PolicyPageFactory(required=True, body=policy_body_data(complaint_days="five"))
    reader = person(team=TeamFactory())
    admin = person(is_superuser=True, is_staff=True)
    AuthenticatorFactory(user=admin)
    signed_in = browser(second)
    signed_in.sign_in(email=reader.email, password=PASSWORD)
    for server in servers:  # both have rendered, and cached, the text in force and the whole page
        for _twice in range(2):
            assert "within five working days" in same_session(signed_in, server).get(policy.url).body

    draft = policy.specific
    draft.body = policy_body_data(complaint_days="two")
    revision = draft.save_revision(user=admin)
    editor = browser(first)
    sign_in_with_code(editor, admin)
    bulk = f"/admin/bulk/wagtailcore/page/publish/?id={policy.pk}"
    confirm = editor.get(bulk)
    assert confirm.status == 200, confirm.location
    published = editor.post(bulk, {"csrfmiddlewaretoken": editor.csrf_token(confirm)})
    assert published.status == 302, published.body[:500]
    policy.refresh_from_db()
    assert policy.live_revision_id == revision.pk

    page = signed_in.get(policy.url)
    assert "within two working days" in page.body
    assert "within five working days" not in page.body
