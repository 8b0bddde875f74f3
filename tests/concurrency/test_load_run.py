"""The load run, small: a few people for a few seconds against gunicorn on a new database."""

import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def new_database_url(tmp_path) -> Iterator[str]:
    """A new, empty database on the server the tests use: a file for SQLite, a database for PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'load-run.sqlite3'}"
        return
    config = dj_database_url.parse(url)
    name = f"load_run_{secrets.token_hex(4)}"
    server = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield urlsplit(url)._replace(path=f"/{name}").geturl()
        finally:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_a_short_load_run_ends_without_server_errors_and_with_every_record_once(new_database_url):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "training.settings.dev", "DATABASE_URL": new_database_url}

    result = subprocess.run(
        [sys.executable, "manage.py", "load_run", "--users", "3", "--seconds", "4", "--workers", "2", "--threads", "2"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 of 3 people signed in" in result.stdout
    assert "; 5xx: 0; connection errors: 0; unexpected statuses: 0." in result.stdout
    assert "Acknowledgements made: 3; in the database: 3." in result.stdout
    started = re.search(
        r"Attempts started: (\d+); in the database: (\d+); submitted: (\d+); scored .*: (\d+)\.", result.stdout
    )
    assert started, result.stdout
    assert int(started[1]) >= 3
    assert started[1] == started[2] and started[3] == started[4]


@pytest.mark.django_db
def test_the_load_run_refuses_a_database_that_holds_data():
    with pytest.raises(CommandError, match="is not empty"):
        call_command("load_run", "--users", "1", "--seconds", "1")
