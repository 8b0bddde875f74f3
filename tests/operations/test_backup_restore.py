"""Backup and restore as README prescribes: the restored database holds every record and its evidence verifies."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from policy_content.models import Acknowledgement, PolicyVersion
from quizzes.models import QuizAttempt
from training.models import User

ROOT = Path(settings.BASE_DIR)
COUNT_SCRIPT = (
    "import json\n"
    "from policy_content.models import Acknowledgement, PolicyVersion\n"
    "from quizzes.models import QuizAttempt\n"
    "from training.models import User\n"
    "print(json.dumps({m.__name__: m.objects.count() for m in (User, PolicyVersion, Acknowledgement, QuizAttempt)}))\n"
)


def counts():
    return {m.__name__: m.objects.count() for m in (User, PolicyVersion, Acknowledgement, QuizAttempt)}


def manage(*args, database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "training.settings.dev"}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def back_up_and_restore(tmp_path) -> str:
    """Back up the live test database the way README says, restore it elsewhere; returns its URL."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        restored = tmp_path / "restored.sqlite3"
        with sqlite3.connect(settings_dict["NAME"]) as source, sqlite3.connect(restored) as target:
            source.backup(target)  # what `sqlite3 db.sqlite3 ".backup backup.sqlite3"` does
        return f"sqlite:///{restored}"
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    dump = tmp_path / "training.dump"
    base = f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}"
    restored_name = f"{settings_dict['NAME']}_restored"
    subprocess.run(["pg_dump", "-Fc", "-f", dump, f"{base}/{settings_dict['NAME']}"], check=True)
    server = ["-h", settings_dict["HOST"], "-p", str(settings_dict["PORT"]), "-U", settings_dict["USER"]]
    subprocess.run(["dropdb", "--if-exists", *server, restored_name], check=True)
    subprocess.run(["createdb", *server, restored_name], check=True)
    subprocess.run(["pg_restore", "--no-owner", "-d", f"{base}/{restored_name}", dump], check=True)
    return f"{base}/{restored_name}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_holds_every_record_and_its_evidence_verifies(tmp_path):
    call_command("seed_demo", stdout=StringIO())
    before = counts()
    assert before["Acknowledgement"] and before["QuizAttempt"]

    url = back_up_and_restore(tmp_path)

    restored = manage("shell", "-c", COUNT_SCRIPT, database_url=url)
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout.strip().splitlines()[-1]) == before
    verified = manage("verify_evidence", database_url=url)
    assert verified.returncode == 0, verified.stdout + verified.stderr
