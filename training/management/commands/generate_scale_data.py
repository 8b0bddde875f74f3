import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from training.demo.scale_data import ScaleDataError, generate_scale_data


class Command(BaseCommand):
    help = (
        "Add many people in about 20 teams, with acknowledgements and quiz attempts, for measuring the product "
        "at scale. Needs the demo (run seed_demo first); refuses to run with DEBUG off unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=10_000, help="How many people to add (default 10,000).")
        parser.add_argument("--teams", type=int, default=20, help="How many teams at most (default 20).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same data.")
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off (a benchmark database).")

    def handle(self, *args, people, teams, seed, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this adds thousands of made-up people. Use --force on a benchmark database."
            )
        started = time.perf_counter()
        try:
            result = generate_scale_data(people=people, teams=teams, seed=seed)
        except ScaleDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Scale data: {result.people} people in {result.teams} teams, {result.acknowledgements} acknowledgements, "
            f"{result.attempts} quiz attempts ({result.submitted} submitted, {result.passed} passed) "
            f"in {time.perf_counter() - started:.0f} s."
        )
