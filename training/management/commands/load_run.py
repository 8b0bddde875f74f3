import io
import logging
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter

import requests
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from wagtail.models import Locale

from policy_content.models import Acknowledgement, PolicyPage
from quizzes.models import QuizAttempt, QuizPage
from training.choices import Role
from training.demo.load_run import LOGIN_PATH, LoadPerson, Tally, Targets, run_people
from training.models import User

EMAIL_DOMAIN = "load.example.com"
PASSWORD = "load-run-password"


class Command(BaseCommand):
    help = (
        "Fill a new, empty database with the demo and N people, serve it with gunicorn on 127.0.0.1, let the "
        "people read, acknowledge and take quizzes at once for a while, then print the responses by status "
        "and check that each acknowledgement and attempt they made is in the database exactly once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=50, help="people working at once (default 50)")
        parser.add_argument("--seconds", type=float, default=120, help="how long they work (default 120)")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
        parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (default 4)")

    def handle(self, *args, users, seconds, workers, threads, **options):
        if users < 1 or seconds <= 0 or workers < 1 or threads < 1:
            raise CommandError("--users, --seconds, --workers and --threads must be positive.")
        if settings.SESSION_COOKIE_SECURE or getattr(settings, "SECURE_SSL_REDIRECT", False):
            raise CommandError("The load run speaks plain HTTP on 127.0.0.1: run it with training.settings.dev.")
        if connection.introspection.table_names():
            raise CommandError(
                f"The database {connection.settings_dict['NAME']} is not empty. The load run fills a database with "
                "the demo and its own people: set DATABASE_URL to a new, empty one."
            )
        started = time.monotonic()
        logging.disable(logging.INFO)  # Wagtail logs every page the demo creates.
        try:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("seed_demo", stdout=io.StringIO(), stderr=io.StringIO())
            people = self.create_people(users)
            targets = self.targets()
        finally:
            logging.disable(logging.NOTSET)
        connections.close_all()
        self.stdout.write(
            f"Prepared the demo and {users} people on {connection.vendor} in {time.monotonic() - started:.0f} s."
        )

        tally = Tally()
        with (
            tempfile.TemporaryDirectory(prefix="load-run-") as logs,
            _Gunicorn(workers=workers, threads=threads, log_path=os.path.join(logs, "gunicorn.log")) as base_url,
        ):
            load = [
                LoadPerson(
                    base_url=base_url,
                    email=email,
                    name=name,
                    password=PASSWORD,
                    address=f"10.77.{n // 250}.{n % 250 + 1}",
                    targets=targets,
                    tally=tally,
                )
                for n, (email, name) in enumerate(people)
            ]
            signed_in, elapsed = run_people(load, seconds=seconds)
        self.report(tally, users=users, signed_in=signed_in, elapsed=elapsed, workers=workers, threads=threads)
        problems = self.check_database(tally)
        for problem in problems:
            self.stderr.write(problem)
        if signed_in < users or tally.server_errors() or tally.errors or tally.unexpected() or problems:
            raise CommandError("The load run failed: see above.")
        self.stdout.write("Load run passed: no server error, every record exactly once.")

    def create_people(self, count: int) -> list[tuple[str, str]]:
        """Employees of their own, with one password hashed once."""
        hashed = make_password(PASSWORD)
        employees = Group.objects.get(name=Role.EMPLOYEE)
        people = []
        for n in range(1, count + 1):
            person = User(email=f"person{n}@{EMAIL_DOMAIN}", name=f"Load Person {n}", password=hashed)
            person.save()
            person.groups.add(employees)
            people.append((person.email, person.name))
        return people

    def targets(self) -> Targets:
        locale = Locale.objects.get(language_code="en")
        policies = [
            (page.url, page.current_version.pk)
            for page in PolicyPage.objects.live().filter(locale=locale, acknowledgement_required=True)
            if page.current_version is not None
        ]
        quizzes = [page.url for page in QuizPage.objects.live().filter(locale=locale)]
        if not policies or not quizzes:
            raise CommandError("The demo has no policy to acknowledge or no quiz.")
        return Targets(policies=policies, quizzes=quizzes)

    def report(self, tally: Tally, *, users, signed_in, elapsed, workers, threads) -> None:
        total = sum(tally.statuses.values())
        self.stdout.write(
            f"{signed_in} of {users} people signed in and worked for {elapsed:.1f} s against gunicorn "
            f"({workers} workers x {threads} threads)."
        )
        self.stdout.write("Requests by status:")
        for status, count in sorted(tally.by_status().items(), key=lambda item: str(item[0])):
            self.stdout.write(f"  {status!s:>5}  {count}")
        self.stdout.write("Requests by step:")
        steps = Counter()
        for (action, _status), count in tally.statuses.items():
            steps[action] += count
        for action, count in steps.items():
            statuses = ", ".join(
                f"{status}: {n}" for (step, status), n in sorted(tally.statuses.items(), key=str) if step == action
            )
            self.stdout.write(f"  {action:<15} {count:>7}  ({statuses})")
        working = total - steps["sign-in page"] - steps["sign in"]
        self.stdout.write(
            f"Total: {total} requests, {working / elapsed:.1f} per second after signing in; "
            f"5xx: {tally.server_errors()}; "
            f"connection errors: {len(tally.errors)}; unexpected statuses: {tally.unexpected()}."
        )
        for error in tally.errors[:10]:
            self.stderr.write(f"  {error}")

    def check_database(self, tally: Tally) -> list[str]:
        """The people's view of what they recorded against the database's; a list of the differences."""
        problems = []
        acknowledgements = Counter(
            Acknowledgement.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}").values_list(
                "user__email", "version_id"
            )
        )
        twice = [key for key, count in acknowledgements.items() if count != 1]
        if twice or set(acknowledgements) != tally.acknowledged:
            problems.append(
                f"Acknowledgements: the people made {len(tally.acknowledged)}, the database holds "
                f"{sum(acknowledgements.values())} ({len(twice)} more than once)."
            )
        self.stdout.write(
            f"Acknowledgements made: {len(tally.acknowledged)}; in the database: {sum(acknowledgements.values())}."
        )
        attempts = {
            pk: (email, submitted_at, percent)
            for pk, email, submitted_at, percent in QuizAttempt.objects.filter(
                user__email__endswith=f"@{EMAIL_DOMAIN}"
            ).values_list("pk", "user__email", "submitted_at", "percent")
        }
        if set(attempts) != set(tally.started):
            problems.append(f"Attempts: the people started {len(tally.started)}, the database holds {len(attempts)}.")
        wrong_owner = [pk for pk, email in tally.started.items() if pk in attempts and attempts[pk][0] != email]
        if wrong_owner:
            problems.append(f"Attempts recorded for someone else: {wrong_owner[:10]}.")
        scored = {
            pk for pk, (_email, submitted_at, percent) in attempts.items() if submitted_at and percent is not None
        }
        if scored != tally.submitted:
            problems.append(
                f"Attempts: the people submitted {len(tally.submitted)}, the database scored {len(scored)}."
            )
        over = [
            (quiz.title, email)
            for quiz in QuizPage.objects.filter(attempts_allowed__gt=0)
            for email, count in Counter(
                QuizAttempt.objects.filter(quiz=quiz, user__email__endswith=f"@{EMAIL_DOMAIN}").values_list(
                    "user__email", flat=True
                )
            ).items()
            if count > quiz.attempts_allowed
        ]
        if over:
            problems.append(f"More attempts than allowed: {over[:10]}.")
        self.stdout.write(
            f"Attempts started: {len(tally.started)}; in the database: {len(attempts)}; "
            f"submitted: {len(tally.submitted)}; scored in the database: {len(scored)}."
        )
        return problems


class _Gunicorn:
    """gunicorn serving the product on a free port of 127.0.0.1 for the length of a `with` block."""

    def __init__(self, *, workers: int, threads: int, log_path: str):
        self.workers = workers
        self.threads = threads
        self.log_path = log_path

    def __enter__(self) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        # The load run stands in for the HTTPS proxy: it tells gunicorn each person's own address.
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
            "DEBUG": "false",
            "TRUSTED_PROXY_COUNT": "1",
        }
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "training.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={self.workers}",
                f"--threads={self.threads}",
                "--worker-class=gthread",
                "--timeout=120",
            ],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{port}"
        for _ in range(600):
            if self.process.poll() is not None:
                raise CommandError(f"gunicorn stopped:\n{self.output()}")
            try:
                if requests.get(base_url + LOGIN_PATH, timeout=5).status_code == 200:
                    return base_url
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.__exit__(None, None, None)
        raise CommandError(f"gunicorn did not answer within a minute:\n{self.output()}")

    def output(self) -> str:
        self.log.flush()
        with open(self.log_path) as log:
            return log.read()[-5000:]

    def __exit__(self, *exc_info) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        errors = [line for line in self.output().splitlines() if "Traceback" in line or "Error" in line]
        self.log.close()
        if errors:
            sys.stderr.write("gunicorn logged errors:\n" + "\n".join(errors[:20]) + "\n")
