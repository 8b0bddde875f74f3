"""Settings come from environment variables; production refuses to start without a secret key."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
SETTINGS_DIR = BASE_DIR / "training" / "settings"
STRONG_KEY = "k7-Qz9vR2mWx4pL8sT1nY6bC3fH0jD5gA-eU_oI2rV9wN4xZ7qM1"
ENV_READ = re.compile(r"env_(?:str|bool|int|list|required|secret_key)\(\s*\"([A-Z_]+)\"")


def settings_variables() -> set[str]:
    """Every environment variable the settings modules read (dj-database-url reads DATABASE_URL)."""
    names = {"DATABASE_URL"}
    for module in SETTINGS_DIR.glob("*.py"):
        names.update(ENV_READ.findall(module.read_text()))
    return names


def clean_environment(**overrides: str) -> dict[str, str]:
    """The test process's environment without anything the settings read, plus the overrides."""
    env = {key: value for key, value in os.environ.items() if key not in settings_variables()}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(overrides)
    return env


def load_settings(module: str, names: list[str], **env: str) -> subprocess.CompletedProcess:
    """Import a settings module in a fresh interpreter and print the named settings as JSON."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}, default=str))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean_environment(DJANGO_SETTINGS_MODULE=module, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def loaded(module: str, names: list[str], **env: str) -> dict:
    result = load_settings(module, names, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_variable_the_settings_read_is_documented_in_env_example():
    documented = {
        line.split("=", 1)[0].strip()
        for line in (BASE_DIR / ".env.example").read_text().splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    }

    assert len(settings_variables()) > 10, "the pattern finds the variables"
    assert settings_variables() - documented == set()


def test_production_refuses_to_start_without_secret_key():
    result = load_settings("training.settings.production", ["DEBUG"])

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_an_empty_secret_key():
    result = load_settings("training.settings.production", ["DEBUG"], SECRET_KEY="")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_production_with_secret_key_is_secure_and_ignores_debug():
    values = loaded(
        "training.settings.production",
        [
            "DEBUG",
            "SECRET_KEY",
            "SECURE_SSL_REDIRECT",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SECURE_HSTS_SECONDS",
        ],
        SECRET_KEY=STRONG_KEY,
        DEBUG="true",
    )

    assert values == {
        "DEBUG": False,
        "SECRET_KEY": STRONG_KEY,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
    }


def test_defaults_without_any_environment():
    values = loaded(
        "training.settings.dev",
        ["DEBUG", "ALLOWED_HOSTS", "DATABASES", "EMAIL_BACKEND", "TIME_ZONE", "SITE_URL", "ACCOUNT_SIGNUP_DOMAINS"],
    )

    assert values["DEBUG"] is True
    assert values["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1"]
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DATABASES"]["default"]["NAME"] == str(BASE_DIR / "db.sqlite3")
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert values["TIME_ZONE"] == "UTC"
    assert values["SITE_URL"] == "http://127.0.0.1:8000"
    assert values["ACCOUNT_SIGNUP_DOMAINS"] == []


def test_dev_settings_use_an_obviously_fake_key_only_when_none_is_given():
    assert "insecure" in loaded("training.settings.dev", ["SECRET_KEY"])["SECRET_KEY"]
    assert loaded("training.settings.dev", ["SECRET_KEY"], SECRET_KEY="mine")["SECRET_KEY"] == "mine"


def test_base_settings_hold_no_secret_and_no_debug():
    assert loaded("training.settings.base", ["DEBUG"]) == {"DEBUG": False}

    result = load_settings("training.settings.base", ["SECRET_KEY"])
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty." in result.stderr


def test_database_url_selects_postgresql():
    values = loaded(
        "training.settings.production",
        ["DATABASES"],
        SECRET_KEY=STRONG_KEY,
        DATABASE_URL="postgres://training:s3cret@db.internal:5433/training",
        DATABASE_CONN_MAX_AGE="60",
    )

    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == ("training", "training", "s3cret")
    assert (database["HOST"], database["PORT"]) == ("db.internal", 5433)
    assert database["CONN_MAX_AGE"] == 60


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("Yes", True),
        ("on", True),
        ("0", False),
        ("false", False),
        ("no", False),
        ("", True),
    ],
)
def test_debug_parsing(raw, expected):
    assert loaded("training.settings.dev", ["DEBUG"], DEBUG=raw)["DEBUG"] is expected


def test_list_variables_are_split_on_commas_and_trimmed():
    values = loaded(
        "training.settings.dev",
        ["ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "ACCOUNT_SIGNUP_DOMAINS"],
        ALLOWED_HOSTS="training.example.com, .example.org ,",
        CSRF_TRUSTED_ORIGINS="https://training.example.com",
        SIGNUP_EMAIL_DOMAINS="Example.COM, example.org",
    )

    assert values == {
        "ALLOWED_HOSTS": ["training.example.com", ".example.org"],
        "CSRF_TRUSTED_ORIGINS": ["https://training.example.com"],
        "ACCOUNT_SIGNUP_DOMAINS": ["example.com", "example.org"],
    }


def test_email_time_zone_and_site_url_come_from_the_environment():
    values = loaded(
        "training.settings.dev",
        [
            "EMAIL_BACKEND",
            "EMAIL_HOST",
            "EMAIL_PORT",
            "EMAIL_USE_TLS",
            "TIME_ZONE",
            "SITE_URL",
            "WAGTAILADMIN_BASE_URL",
        ],
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="smtp.example.com",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="true",
        TIME_ZONE="Europe/Lisbon",
        SITE_URL="https://training.example.com/",
    )

    assert values == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.com",
        "EMAIL_PORT": 587,
        "EMAIL_USE_TLS": True,
        "TIME_ZONE": "Europe/Lisbon",
        "SITE_URL": "https://training.example.com",
        "WAGTAILADMIN_BASE_URL": "https://training.example.com",
    }


def test_a_number_that_is_not_a_number_is_a_clear_error():
    result = load_settings("training.settings.dev", ["EMAIL_PORT"], EMAIL_PORT="twenty-five")

    assert result.returncode != 0
    assert "EMAIL_PORT must be a whole number" in result.stderr


def test_manage_py_defaults_to_dev_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "diffsettings", "--output", "unified"],
        cwd=BASE_DIR,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "+ DEBUG = True" in result.stdout


def deploy_check(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=clean_environment(DJANGO_SETTINGS_MODULE="training.settings.production", **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_the_deploy_check_without_warnings():
    result = deploy_check(SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="training.example.com")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("short-but-varied-key-1234", "it has 25 characters, fewer than 50"),
        ("ab" * 40, "it has 2 distinct characters, fewer than 5"),
        ("django-insecure-" + STRONG_KEY, "it starts with 'django-insecure-'"),
    ],
)
def test_production_refuses_to_start_with_a_weak_secret_key(key, reason):
    result = load_settings("training.settings.production", ["DEBUG"], SECRET_KEY=key)

    assert result.returncode != 0
    assert "ImproperlyConfigured: The environment variable SECRET_KEY is too weak" in result.stderr
    assert reason in result.stderr
    assert key not in result.stderr, "the error never repeats the key"


def test_production_accepts_the_weakest_key_djangos_deploy_check_accepts():
    key = "abcde" * 10

    assert loaded("training.settings.production", ["SECRET_KEY"], SECRET_KEY=key) == {"SECRET_KEY": key}
    assert deploy_check(SECRET_KEY=key, ALLOWED_HOSTS="training.example.com").returncode == 0


def test_the_deploy_check_refuses_to_run_with_a_weak_secret_key():
    result = deploy_check(SECRET_KEY="short")

    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr


def test_the_content_security_policy_in_production_allows_no_inline_script():
    values = loaded("training.settings.production", ["CONTENT_SECURITY_POLICY", "MIDDLEWARE"], SECRET_KEY=STRONG_KEY)

    script_src = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["script-src"]
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert "training.csp.SiteCSPMiddleware" in values["MIDDLEWARE"]


@pytest.mark.parametrize("module", ["training.settings.production", "training.settings.dev"])
def test_every_process_and_server_shares_one_cache_outside_tests(module):
    caches = loaded(module, ["CACHES"], SECRET_KEY=STRONG_KEY)["CACHES"]

    assert caches["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert caches["default"]["LOCATION"] == "cache_table"


def test_development_logs_print_each_line_once():
    program = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('one line'); "
        "logging.getLogger('django.server').info('a request')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "training.settings.dev"}
    result = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, cwd=BASE_DIR)

    assert result.returncode == 0, result.stderr
    assert result.stderr.count("one line") == 1
    assert result.stderr.count("a request") == 1
