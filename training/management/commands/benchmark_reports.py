import datetime
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from policy_content.models import Acknowledgement
from quizzes.models import QuizAttempt
from training.choices import ItemKind
from training.compliance.loader import load_requirements, load_standings
from training.models import Team, User


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Measure the standing function and the team compliance report for many people "
        "(queries and time). Works on a copy made inside a transaction that is rolled back; "
        "needs the demo requirements (run seed_demo first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=1000)

    def handle(self, *args, people, **options):
        if people < 1:
            raise CommandError("--people must be at least 1.")
        requirements = load_requirements()
        if not requirements:
            raise CommandError("No active requirements with published pages: run `manage.py seed_demo` first.")
        try:
            with transaction.atomic():
                self._run(requirements, people)
                raise _Rollback
        except _Rollback:
            pass

    def _run(self, requirements, count):
        now = timezone.now()
        team = Team.objects.create(name=f"Benchmark {now:%H%M%S%f}")
        password = make_password(None)
        User.objects.bulk_create(
            User(
                email=f"bench{index}-{team.pk}@example.com",
                name=f"Bench Person {index:05d}",
                team=team,
                job_title="Support agent",
                start_date=timezone.localdate() - datetime.timedelta(days=index % 400),
                password=password,
            )
            for index in range(count)
        )
        members = User.objects.filter(team=team)
        ids = list(members.values_list("pk", flat=True))
        acknowledgements, attempts = [], []
        for requirement in requirements:
            for position, user_id in enumerate(ids):
                if requirement.kind == ItemKind.POLICY and position % 2 == 0:
                    acknowledgements.append(
                        Acknowledgement(
                            user_id=user_id,
                            version_id=requirement.current_version_id,
                            acknowledged_at=now,
                            language="en",
                            statement="I have read and understood this policy.",
                            typed_name="Bench",
                        )
                    )
                elif requirement.kind == ItemKind.QUIZ and position % 3 == 0:
                    attempts.append(
                        QuizAttempt(
                            user_id=user_id,
                            quiz_id=requirement.page_id,
                            language="en",
                            snapshot={},
                            answers={},
                            score=4,
                            max_score=5,
                            percent=80,
                            passed=True,
                            started_at=now,
                            submitted_at=now,
                        )
                    )
        Acknowledgement.objects.bulk_create(acknowledgements, batch_size=500)
        QuizAttempt.objects.bulk_create(attempts, batch_size=500)

        for size in sorted({min(10, count), count}):
            subset = User.objects.filter(pk__in=User.objects.filter(team=team).order_by("pk").values("pk")[:size])
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                standings = load_standings(subset)
                elapsed = time.perf_counter() - started
            self.stdout.write(
                f"standing function, {len(standings)} people: {len(queries)} queries, {elapsed * 1000:.0f} ms"
            )

        viewer = User.objects.create(email=f"bench-admin-{team.pk}@example.com", is_superuser=True, is_staff=True)
        client = Client(HTTP_HOST="localhost")
        client.force_login(viewer)
        url = reverse("training_reports:team")
        exports = (
            ("page", f"?team={team.pk}"),
            ("CSV export", f"?team={team.pk}&export=csv"),
            ("XLSX export", f"?team={team.pk}&export=xlsx"),
        )
        for label, query in exports:
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url + query)
                body = b"".join(response.streaming_content) if response.streaming else response.content
                elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise CommandError(f"The team report answered {response.status_code}.")
            self.stdout.write(
                f"team report {label}, {count} people: {len(queries)} queries, {elapsed * 1000:.0f} ms, "
                f"{len(body) // 1024} KiB"
            )
